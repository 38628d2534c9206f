"""``--problems SELECTOR``: which tasks a run covers.

A selector is a comma-separated list. Items that are filters (``rating>=1600``,
``tag=dp``, ``date>=2026-06-01``, ``source=codeforces``, ``lang=python``) must all hold;
the other items are task ids, problem ids or glob patterns, of which one must match
(when there are none, every task matches).
"""

from __future__ import annotations

import datetime
import fnmatch
import operator
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import RunError
from ..problems import Task
from ..sandbox import LanguageFamily

_FILTER = re.compile(r"^(rating|tag|date|source|lang|language)\s*(>=|<=|!=|=|>|<)\s*(.+)$")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
    "!=": operator.ne,
}


class SelectorError(RunError):
    """A ``--problems`` selector that cannot be read."""


def _filter(key: str, op: str, raw: str) -> Callable[[Task], bool]:
    compare = _COMPARE[op]
    if key == "rating":
        try:
            value = int(raw)
        except ValueError:
            raise SelectorError(f"--problems: rating{op}{raw}: not a whole number") from None
        return lambda task: task.problem.rating is not None and compare(task.problem.rating, value)
    if key == "date":
        try:
            day = datetime.date.fromisoformat(raw)
        except ValueError:
            raise SelectorError(f"--problems: date{op}{raw}: expected YYYY-MM-DD") from None
        return lambda task: task.problem.date is not None and compare(task.problem.date, day)
    if op not in ("=", "!="):
        raise SelectorError(f"--problems: {key}{op}{raw}: only = and != apply to {key}")
    want = raw.strip().lower()
    if key == "tag":
        return lambda task: compare(want in {t.lower() for t in task.problem.tags}, True)
    if key == "source":
        return lambda task: compare(task.problem.source.lower(), want)
    families = {
        "python": LanguageFamily.PYTHON,
        "py": LanguageFamily.PYTHON,
        "pypy": LanguageFamily.PYPY,
        "cpp": LanguageFamily.CPP,
        "c++": LanguageFamily.CPP,
        "c": LanguageFamily.C,
    }
    if want not in families:
        raise SelectorError(f"--problems: lang={raw}: expected one of {', '.join(families)}")
    family = families[want]
    return lambda task: compare(task.submission.program.language.family is family, True)


def select_tasks(tasks: Sequence[Task], selector: str | None) -> list[Task]:
    """The tasks matching ``selector`` (all of them for ``None``), in order.

    A selector with no item (``""``, ``","``) is an error, not "everything": it is
    what a script's empty variable gives, and running the whole set is then a surprise.

    >>> [t.id for t in select_tasks(tasks, "charged-pair,lang=python")]  # doctest: +SKIP
    ['charged-pair/two-largest']
    """
    if selector is not None and not selector.replace(",", "").strip():
        raise SelectorError(
            f"--problems {selector!r}: an empty selector; give task or problem ids, globs "
            "or filters, or leave --problems out to run every task"
        )
    filters: list[Callable[[Task], bool]] = []
    patterns: list[str] = []
    for item in (selector or "").split(","):
        item = item.strip()
        if not item:
            continue
        match = _FILTER.match(item)
        if match:
            filters.append(_filter(match.group(1), match.group(2), match.group(3)))
        else:
            patterns.append(item)

    def named(task: Task) -> bool:
        return not patterns or any(
            fnmatch.fnmatchcase(task.id, p) or fnmatch.fnmatchcase(task.problem.id, p)
            for p in patterns
        )

    chosen = [t for t in tasks if named(t) and all(f(t) for f in filters)]
    unmatched = [
        p
        for p in patterns
        if not any(
            fnmatch.fnmatchcase(t.id, p) or fnmatch.fnmatchcase(t.problem.id, p) for t in tasks
        )
    ]
    if unmatched:
        raise SelectorError(f"--problems: no task matches {', '.join(unmatched)}")
    if not chosen:
        raise SelectorError(f"--problems {selector}: selects no task")
    return chosen
