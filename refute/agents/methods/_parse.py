"""Reading a program out of a model's answer: REFUTE's XML actions, else a fenced block.

The expected form, as the prompts ask for it::

    <action><name>print_fail_case</name><code>
    print(3)
    print("-5 -4 1")
    </code><lang>Python 3</lang></action>

Models stray from it in small ways, and a benchmark should not score their formatting:
whitespace inside tags, tags in another case, a missing ``</action>`` (an answer cut
short after ``</lang>``), the format quoted in the reasoning before the real answer, code
wrapped in a Markdown fence or a CDATA section inside ``<code>``. Among several actions
the last complete one of the expected name wins. Without any such action, the last
fenced block tagged with a language we run is taken (````python``, ````cpp``). Anything
else is :class:`Unparseable`: a result, never an exception.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from ...sandbox import Language
from .._types import ProgramSource

_TAG = r"<\s*{0}\s*>(.*?)<\s*/\s*{0}\s*>"
_ACTION_OPEN = re.compile(r"<\s*action\s*>", re.IGNORECASE)
_ACTION_CLOSE = re.compile(r"<\s*/\s*action\s*>", re.IGNORECASE)
_CODE = re.compile(_TAG.format("code"), re.IGNORECASE | re.DOTALL)
_NAME = re.compile(_TAG.format("name"), re.IGNORECASE | re.DOTALL)
_LANG = re.compile(_TAG.format("lang(?:uage)?"), re.IGNORECASE | re.DOTALL)
_CDATA = re.compile(r"\A\s*<!\[CDATA\[(.*)\]\]>\s*\Z", re.DOTALL)
_FENCE = re.compile(
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?P<tag>[^\s`]*)[^\n]*\n"  # ```python
    r"(?P<body>.*?)^[ \t]*(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_LOOKS_CPP = re.compile(r"#\s*include|\bint\s+main\s*\(")


@dataclass(frozen=True)
class Unparseable:
    """No usable program in the answer, and why (``no <action> named 'generate_tc'``)."""

    reason: str


@dataclass(frozen=True)
class _Action:
    name: str
    code: str
    lang: str | None


def parse_program(text: str, name: str) -> ProgramSource | Unparseable:
    """The program of the last complete action called ``name``, else the last fenced block.

    The language is normalised with ``Language.parse`` (``python`` becomes ``Python 3``,
    ``cpp`` becomes ``C++ (c++17)``); a language we cannot run makes the answer
    unparseable. A missing ``<lang>`` is inferred from the code: C++ when it has an
    ``#include`` or an ``int main(``, else Python 3.

    >>> answer = "<action><name>print_fail_case</name><code>print(2)</code><lang>py</lang>"
    >>> parse_program(answer, "print_fail_case")
    ProgramSource(code='print(2)\\n', language='Python 3')
    >>> parse_program("No idea.", "print_fail_case").reason
    "no <action> named 'print_fail_case' and no fenced Python or C++ code block"
    """
    actions = [action for action in _actions(text) if action.name == name]
    if actions:
        return _program(actions[-1])
    blocks = _fenced(text)
    if blocks:
        return blocks[-1]
    return Unparseable(f"no <action> named {name!r} and {_no_fence(text)}")


def parse_programs(text: str, names: Sequence[str]) -> dict[str, ProgramSource] | Unparseable:
    """One program per name, each from the last complete action of that name.

    When the answer has no action of any of these names, fenced blocks stand in for them
    in order, but only when there are exactly as many language-tagged blocks as names.

    >>> answer = (
    ...     "<action><name>generate_tc</name><code>print(1)</code><lang>py</lang></action>"
    ...     "<action><name>solve_brute</name><code>print(2)</code><lang>py</lang></action>"
    ... )
    >>> sorted(parse_programs(answer, ["generate_tc", "solve_brute"]))
    ['generate_tc', 'solve_brute']
    """
    actions = _actions(text)
    found = {name: [a for a in actions if a.name == name] for name in names}
    if any(found.values()):
        programs: dict[str, ProgramSource] = {}
        for name, matching in found.items():
            if not matching:
                return Unparseable(f"no <action> named {name!r}")
            parsed = _program(matching[-1])
            if isinstance(parsed, Unparseable):
                return parsed
            programs[name] = parsed
        return programs
    blocks = _fenced(text)
    listed = ", ".join(repr(name) for name in names)
    if not blocks:
        return Unparseable(f"no <action> named {listed} and {_no_fence(text)}")
    if len(blocks) != len(names):
        return Unparseable(
            f"no <action> named {listed}, and {len(blocks)} fenced code blocks for "
            f"{len(names)} programs"
        )
    return dict(zip(names, blocks, strict=True))


def _actions(text: str) -> list[_Action]:
    """Every complete action (a name and a closed ``<code>``) in order of appearance."""
    opens = list(_ACTION_OPEN.finditer(text))
    actions = []
    for index, opened in enumerate(opens):
        end = opens[index + 1].start() if index + 1 < len(opens) else len(text)
        segment = text[opened.end() : end]
        code = _CODE.search(segment)
        if code is None:
            continue
        closed = _ACTION_CLOSE.search(segment)
        if closed is not None and closed.start() < code.start():
            continue  # closed before any code: the code belongs to nobody
        after = _ACTION_CLOSE.search(segment, code.end())
        rest = (
            segment[: code.start()] + " " + segment[code.end() : after.start() if after else None]
        )
        name = _NAME.search(rest)
        if name is None:
            continue
        lang = _LANG.search(rest)
        body, fence_tag = _unwrap(code.group(1))
        if not body.strip():
            continue
        actions.append(
            _Action(
                name=name.group(1).strip(),
                code=body,
                lang=lang.group(1).strip() if lang else fence_tag,
            )
        )
    return actions


def _unwrap(code: str) -> tuple[str, str | None]:
    """The code without a CDATA section or Markdown fence around it, and the fence's
    language when it names one we run."""
    cdata = _CDATA.match(code)
    if cdata:
        code = cdata.group(1)
    fence = _FENCE.fullmatch(code.strip())
    if fence is None:
        return _tidy(code), None
    tag = fence.group("tag")
    return _tidy(fence.group("body")), tag if tag and _language(tag) else None


def _tidy(code: str) -> str:
    """Without blank lines around it or indentation common to every line."""
    lines = textwrap.dedent(code).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def _language(name: str) -> Language | None:
    try:
        return Language.parse(name)
    except ValueError:
        return None


def _program(action: _Action) -> ProgramSource | Unparseable:
    lang = action.lang or ("C++17" if _LOOKS_CPP.search(action.code) else "Python 3")
    language = _language(lang)
    if language is None:
        return Unparseable(f"unknown language {lang!r} in <action> {action.name!r}")
    return ProgramSource(code=action.code, language=str(language))


def _fenced(text: str) -> list[ProgramSource]:
    """Fenced blocks whose tag names a language we run, in order."""
    blocks = []
    for match in _FENCE.finditer(text):
        language = _language(match.group("tag"))
        if language is not None and match.group("body").strip():
            blocks.append(ProgramSource(code=_tidy(match.group("body")), language=str(language)))
    return blocks


def _no_fence(text: str) -> str:
    tags = sorted({m.group("tag") or "untagged" for m in _FENCE.finditer(text)})
    if not tags:
        return "no fenced Python or C++ code block"
    return f"no fenced Python or C++ code block (fenced blocks: {', '.join(tags)})"
