"""Validators for refreshed problems: drafted by a model, accepted only when they accept
every known valid input and reject a set of invalid inputs derived automatically.

Codeforces publishes no validators. The known valid inputs are the examples and the
successful hacks' tests (Codeforces' own validator accepted each of them). The invalid
inputs are mutations of the examples that break a rule of every Codeforces statement:
a blank input, trailing data, a missing line, a count that does not match the data, and
values just outside the bounds the Input section states.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Awaitable, Callable, Sequence

from pydantic import BaseModel, ConfigDict

from ..agents.fuzz import Bound, Shape, bounds_from_statement, infer_shape
from ..models import Message, Model
from ..sandbox import RunResult

VALIDATOR_RULES = """\
The validator is a Python 3 program. It reads the whole input from stdin and exits with \
code 0 when the input is valid; otherwise it writes the reason on stderr and exits with \
code 1. It must check the whole format and every constraint of the Input section \
(including sums over test cases and structural properties such as "the graph is a tree" \
or "all values are distinct"), and reject anything after the end of the input. Format \
rules: ASCII only; every line ends with "\\n" (the last line's may be missing); tokens on \
a line are separated by single spaces, with no leading or trailing spaces; integers have \
no "+" sign and no leading zeros; no empty lines. Use only the standard library."""


class Mutation(BaseModel):
    """An input derived from an example that a correct validator must reject.

    Args:
        name: a file-name-safe label (``above-bound-a``), also ``invalid/<name>.in``.
        input: the invalid input.
        why: the rule it breaks, for the model's feedback and the report.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    input: str
    why: str


class DraftRecord(BaseModel):
    """One validator draft and why it was turned down (``""`` for the accepted one)."""

    draft: int
    failures: list[str]


class ValidatorResult(BaseModel):
    """The outcome of drafting: the accepted source, or ``None``, with every draft's fate."""

    source: str | None
    drafts: list[DraftRecord]

    @property
    def reason(self) -> str:
        if self.source is not None:
            return ""
        if not self.drafts:
            return "no validator draft was made"
        last = self.drafts[-1].failures
        return (
            f"none of {len(self.drafts)} validator draft(s) passed; the last: "
            + "; ".join(last[:3])
            + (f" (and {len(last) - 3} more)" if len(last) > 3 else "")
        )


Runner = Callable[[str, str], Awaitable[RunResult]]
"""``run(validator_source, input) -> RunResult``: runs a draft (in the untrusted pool)."""


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n") if text.strip() else []


def _join(lines: Sequence[str]) -> str:
    return "\n".join(lines) + "\n"


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "value"


def mutations(
    examples: Sequence[str], input_section: str, known_valid: Sequence[str] = ()
) -> list[Mutation]:
    """Invalid inputs derived from ``examples`` and the bounds of ``input_section``.

    Mutations equal to a known valid input are dropped; so are value mutations whose
    bound does not cover every value seen at that position (the bound was matched to the
    wrong position, and the "invalid" input might be valid).

    >>> bounds = "$1 \\\\le n \\\\le 10$, $1 \\\\le a_i \\\\le 9$"
    >>> [m.name for m in mutations(["3\\n1 2 3\\n"], bounds)][:5]
    ['blank', 'trailing-data', 'missing-line', 'count-n-plus-one', 'above-bound-n']
    """
    valid = {text for text in (*examples, *known_valid)}
    if not examples:
        return [Mutation(name="blank", input="", why="the input is empty")]
    first = examples[0] if examples[0].endswith("\n") else examples[0] + "\n"
    lines = _lines(first)
    found: list[Mutation] = [
        Mutation(name="blank", input="", why="the input is empty"),
        Mutation(name="trailing-data", input=first + "0\n", why="data after the end of the input"),
    ]
    if len(lines) > 1:
        found.append(
            Mutation(name="missing-line", input=_join(lines[:-1]), why="the last line is missing")
        )
    elif len(lines[0].split()) > 1:
        cut = " ".join(lines[0].split()[:-1])
        found.append(Mutation(name="missing-token", input=cut + "\n", why="a token is missing"))
    multi_hint = "test case" in input_section.lower()
    shape = infer_shape(list(examples), multi_hint)
    if shape is not None:
        found += _count_mutations(shape, lines)
        found += _bound_mutations(shape, lines, bounds_from_statement(input_section))
    unique: dict[str, Mutation] = {}
    for mutation in found:
        if mutation.input not in valid and mutation.name not in unique:
            unique[mutation.name] = mutation
    return list(unique.values())


def _header_index(shape: Shape) -> int:
    return 1 if shape.multi_test else 0


def _replace(lines: list[str], row: int, column: int, value: int) -> str:
    changed = list(lines)
    tokens = changed[row].split(" ")
    tokens[column] = str(value)
    changed[row] = " ".join(tokens)
    return _join(changed)


def _count_mutations(shape: Shape, lines: list[str]) -> list[Mutation]:
    found = []
    if shape.multi_test and lines[0].strip().isdigit():
        found.append(
            Mutation(
                name="count-tests-plus-one",
                input=_replace(lines, 0, 0, int(lines[0]) + 1),
                why="the number of test cases is larger than the test cases given",
            )
        )
    header = _header_index(shape)
    tokens = lines[header].split(" ") if header < len(lines) else []
    for spec in shape.layout.lines:
        column = spec.length_of if spec.length_of is not None else spec.rows
        if column is None or column >= len(tokens) or not re.fullmatch(r"-?\d+", tokens[column]):
            continue
        found.append(
            Mutation(
                name=f"count-{_name_for(shape, column)}-plus-one",
                input=_replace(lines, header, column, int(tokens[column]) + 1),
                why=f"header value {column + 1} is one more than the data that follows",
            )
        )
        break
    return found


def _name_for(shape: Shape, column: int) -> str:
    return "n" if column == 0 else f"header-{column + 1}"


def _bound_mutations(shape: Shape, lines: list[str], bounds: list[Bound]) -> list[Mutation]:
    """Values one past a stated bound, at the position the bound was matched to.

    Bounds are matched to positions as the fuzz baseline matches them: plain bounds to
    the header's columns in order (after the test count), indexed bounds (``a_i``) to
    the columns of the following lines.
    """
    plain = [b for b in bounds if not b.indexed]
    indexed = [b for b in bounds if b.indexed]
    if shape.multi_test and plain:
        plain = plain[1:]
    found: list[Mutation] = []
    header = _header_index(shape)
    if header >= len(lines):
        return found
    for column in range(shape.layout.header):
        if column >= len(plain):
            break
        bound = plain[column]
        seen = shape.values.get((-1, column), [])
        found += _outside(bound, seen, functools.partial(_replace, lines, header, column))
    row = header + 1
    for index, spec in enumerate(shape.layout.lines):
        if index >= len(indexed) or row >= len(lines) or spec.string:
            break
        bound = indexed[index]
        seen = shape.values.get((index, 0), [])
        found += _outside(bound, seen, functools.partial(_replace, lines, row, 0))
        if spec.rows is None:
            row += 1
        else:
            row += max(0, _header_value(lines, header, spec.rows) + spec.rows_offset)
    return found


def _header_value(lines: list[str], header: int, column: int) -> int:
    tokens = lines[header].split(" ")
    try:
        return int(tokens[column])
    except (IndexError, ValueError):
        return 0


def _outside(bound: Bound, seen: list[int], build: Callable[[int], str]) -> list[Mutation]:
    if not seen or bound.high is None:
        return []
    if not all(bound.low <= value <= bound.high for value in seen):
        return []  # the bound does not describe this position
    name = _slug(bound.name)
    return [
        Mutation(
            name=f"above-bound-{name}",
            input=build(bound.high + 1),
            why=f"{bound.name} = {bound.high + 1} is above its upper bound {bound.high}",
        ),
        Mutation(
            name=f"below-bound-{name}",
            input=build(bound.low - 1),
            why=f"{bound.name} = {bound.low - 1} is below its lower bound {bound.low}",
        ),
    ]


_CODE = re.compile(r"```[ \t]*(?:python3?|py)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)


def extract_code(text: str) -> str | None:
    """The longest fenced code block of a model's answer, or ``None``.

    >>> extract_code("Here:\\n```python\\nimport sys\\n```\\n")
    'import sys\\n'
    """
    blocks = _CODE.findall(text)
    if not blocks:
        return None
    code: str = max(blocks, key=len)
    return code if code.endswith("\n") else code + "\n"


def _show(text: str, limit: int = 1500) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n... ({len(text)} characters in all)"


def validator_prompt(statement: str, valid_inputs: Sequence[str]) -> list[Message]:
    """The first request for a validator: rules, statement and the known valid inputs."""
    shown = "\n\n".join(
        f"Valid input {number}:\n```\n{_show(text)}```"
        for number, text in enumerate(valid_inputs[:8], start=1)
    )
    return [
        Message.system("You write input validators for competitive programming problems."),
        Message.user(
            f"Write an input validator for this problem.\n\n{VALIDATOR_RULES}\n\n"
            f"The problem:\n\n{statement}\n\n"
            f"These inputs are known to be valid (the validator must accept them):\n\n{shown}\n\n"
            "Answer with the whole program in one ```python code block."
        ),
    ]


async def check_draft(
    source: str, valid: Sequence[str], invalid: Sequence[Mutation], run: Runner
) -> list[str]:
    """Why ``source`` is not an acceptable validator (empty when it is)."""
    runs = await asyncio.gather(
        *(run(source, text) for text in valid), *(run(source, m.input) for m in invalid)
    )
    failures = []
    for number, (text, result) in enumerate(zip(valid, runs[: len(valid)], strict=True), 1):
        if not result.ok:
            said = (result.stderr or result.describe()).strip()[-300:]
            failures.append(
                f"it rejects valid input {number} ({_show(text, 80)!r}): {said or 'no message'}"
            )
    for mutation, result in zip(invalid, runs[len(valid) :], strict=True):
        if result.ok:
            failures.append(
                f"it accepts an invalid input ({mutation.why}): {_show(mutation.input, 120)!r}"
            )
    return failures


async def draft_validator(
    model: Model,
    statement: str,
    valid: Sequence[str],
    invalid: Sequence[Mutation],
    run: Runner,
    *,
    drafts: int = 3,
    key: str = "validator",
) -> ValidatorResult:
    """Ask ``model`` for a validator up to ``drafts`` times, feeding back each failure.

    A draft is accepted when it accepts every input of ``valid`` and rejects every
    mutation of ``invalid`` (see ``check_draft``).

    Example::

        invalid = mutations(examples, page.input, hack_inputs)
        result = await draft_validator(model, page.markdown(), examples + hack_inputs,
                                       invalid, run_in_untrusted_pool)
        if result.source is None:
            print(result.reason)
    """
    conversation = validator_prompt(statement, valid)
    records: list[DraftRecord] = []
    for number in range(1, drafts + 1):
        completion = await model.complete(conversation, attempt_key=f"{key}/{number}")
        conversation.append(completion.message())
        source = extract_code(completion.text)
        if source is None:
            failures = ["the answer has no ```python code block"]
        else:
            failures = await check_draft(source, valid, invalid, run)
        records.append(DraftRecord(draft=number, failures=failures))
        if source is not None and not failures:
            return ValidatorResult(source=source, drafts=records)
        conversation.append(
            Message.user(
                "This validator is wrong:\n- "
                + "\n- ".join(failures[:10])
                + "\n\nWrite the whole corrected validator in one ```python code block."
            )
        )
    return ValidatorResult(source=None, drafts=records)
