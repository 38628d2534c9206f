"""``--problems SELECTOR``: which tasks a run covers.

A selector is a comma-separated list. Items that are filters (``rating>=1600``,
``tag=dp``, ``date>=2026-06-01``, ``source=codeforces``, ``lang=python``) must all hold;
the other items are task ids, problem ids or glob patterns, of which one must match
(when there are none, every task matches).

Then ``fair_selection`` leaves out the tasks that the fuzz baseline refutes, unless the
run includes them (``--include-fuzzable``).
"""

from __future__ import annotations

import datetime
import fnmatch
import operator
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from ..errors import RunError
from ..problems import Fuzzability, Task
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


class FuzzSelection(BaseModel):
    """What the default selection did with the fuzz baseline's records.

    Args:
        include_fuzzable: ``--include-fuzzable`` was given; nothing was left out.
        left_out: the tasks left out because their current record says the fuzz
            baseline refutes them.
        unknown: the tasks kept although they have no current record (none, or a
            stale one): their fuzzability is unknown.
    """

    include_fuzzable: bool = False
    left_out: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)

    def describe(self, kept: int) -> str:
        """One line for stderr: what was left out and what is of unknown fuzzability.

        >>> FuzzSelection(left_out=["a/x"], unknown=["b/y"]).describe(kept=3)
        'selection: 3 task(s); left out 1 fuzz-findable task(s) (--include-fuzzable keeps them); fuzzability unknown for 1 kept task(s)'
        """  # noqa: E501
        if self.include_fuzzable:
            said = f"selection: {kept} task(s), fuzz-findable ones included"
        else:
            said = (
                f"selection: {kept} task(s); left out {len(self.left_out)} fuzz-findable "
                "task(s) (--include-fuzzable keeps them)"
            )
        return said + f"; fuzzability unknown for {len(self.unknown)} kept task(s)"


def fair_selection(
    tasks: Sequence[Task], *, include_fuzzable: bool = False
) -> tuple[list[Task], FuzzSelection]:
    """Leave out the tasks the fuzz baseline refutes (REFUTE drops randomly findable tasks).

    A task counts as fuzz-findable when its record (``[incorrect.<name>.fuzz]``, see
    docs/selection.md) says ``found`` and its fingerprint still matches the task; tasks
    without a current record are kept and named in ``unknown``.

    >>> kept, note = fair_selection(load_problems().tasks())      # doctest: +SKIP
    >>> len(kept), len(note.left_out)                              # doctest: +SKIP
    (43, 23)
    """
    kept: list[Task] = []
    note = FuzzSelection(include_fuzzable=include_fuzzable)
    for task in tasks:
        status = task.fuzzability
        if status is Fuzzability.FOUND and not include_fuzzable:
            note.left_out.append(task.id)
            continue
        if status is Fuzzability.UNKNOWN:
            note.unknown.append(task.id)
        kept.append(task)
    return kept, note
