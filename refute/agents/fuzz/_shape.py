"""Learning the shape of a problem's input from its examples and its statement.

Codeforces inputs are mostly built from a few pieces: an optional first line with the
number of test cases, then per test case a header line of integers, followed by lines
whose length is one of the header's values (an array of ``n`` numbers, a string of
length ``n``) or blocks with one of those values as their number of rows (``m`` edges).
``infer_shape`` searches for the smallest such layout that parses every example
exactly; ``bounds_from_statement`` reads bounds such as ``$1 \\le a_i \\le 10^9$``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

INTEGER = re.compile(r"-?\d+")


def is_int(token: str) -> bool:
    return INTEGER.fullmatch(token) is not None


@dataclass(frozen=True)
class Line:
    """One line of a test case after its header.

    ``length`` is the number of tokens: a fixed number, or the value of header token
    ``length_of``. ``rows``, when set, repeats the line as many times as header token
    ``rows`` says, plus ``rows_offset`` (``n - 1`` edges of a tree: offset -1).
    ``string`` means the line is one word whose length is given by ``length_of``.
    """

    length: int = 0
    length_of: int | None = None
    rows: int | None = None
    rows_offset: int = 0
    string: bool = False


@dataclass(frozen=True)
class Layout:
    """A test case: a header of ``header`` integers, then ``lines``."""

    header: int
    lines: tuple[Line, ...]


@dataclass
class Shape:
    """The learned shape of a whole input, with the values seen in each position."""

    multi_test: bool
    layout: Layout
    # value samples per (line index, column) where line -1 is the header
    values: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    alphabets: dict[int, str] = field(default_factory=dict)
    tests_seen: list[int] = field(default_factory=list)


def _tokens(text: str) -> list[list[str]]:
    return [line.split() for line in text.strip("\n").split("\n")]


def _candidate_lines(header: list[str], width: int, is_string: bool) -> list[Line]:
    """Ways a line with ``width`` tokens may depend on the header's values."""
    options = []
    for index, token in enumerate(header):
        if is_int(token) and int(token) == width and not is_string:
            options.append(Line(length_of=index))
    options.append(Line(length=width, string=is_string))
    return options


def _parse_case(
    lines: list[list[str]], start: int, layout: Layout
) -> tuple[int, dict[tuple[int, int], list[int]], dict[int, str]] | None:
    """Parse one test case at ``start``; the index after it and the values seen, or None."""
    if start >= len(lines) or len(lines[start]) != layout.header:
        return None
    header = lines[start]
    if not all(is_int(token) for token in header):
        return None
    values: dict[tuple[int, int], list[int]] = {}
    alphabets: dict[int, str] = {}
    for column, token in enumerate(header):
        values.setdefault((-1, column), []).append(int(token))
    position = start + 1
    for index, spec in enumerate(layout.lines):
        rows = 1 if spec.rows is None else int(header[spec.rows]) + spec.rows_offset
        if rows < 0 or rows > 10**6:
            return None
        for _ in range(rows):
            if position >= len(lines):
                return None
            tokens = lines[position]
            if spec.string:
                if len(tokens) != 1 or is_int(tokens[0]):
                    return None
                if spec.length_of is not None and len(tokens[0]) != int(header[spec.length_of]):
                    return None
                alphabets[index] = "".join(sorted(set(alphabets.get(index, "")) | set(tokens[0])))
            else:
                want = spec.length if spec.length_of is None else int(header[spec.length_of])
                if len(tokens) != want or not all(is_int(token) for token in tokens):
                    return None
                for column, token in enumerate(tokens):
                    key = (index, column if spec.length_of is None else 0)
                    values.setdefault(key, []).append(int(token))
            position += 1
    return position, values, alphabets


def _layouts(first: list[list[str]], start: int, count: int) -> list[Layout]:
    """Candidate layouts read off the first test case, simplest first."""
    header = first[start]
    if not header or not all(is_int(token) for token in header):
        return []
    per_line: list[list[Line]] = []
    position = start + 1
    for _ in range(count):
        if position >= len(first):
            return []
        tokens = first[position]
        is_string = len(tokens) == 1 and not is_int(tokens[0])
        options = _candidate_lines(header, len(tokens), is_string)
        if is_string:
            options = [
                Line(length_of=i, string=True)
                for i, t in enumerate(header)
                if is_int(t) and int(t) == len(tokens[0])
            ] + [Line(string=True)]
        # a block of rows: the next header-value lines all have this width
        for offset, (index, token) in itertools.product((0, -1), enumerate(header)):
            if not is_int(token) or int(token) + offset < 1:
                continue
            rows = int(token) + offset
            block = first[position : position + rows]
            if len(block) == rows and all(len(r) == len(tokens) for r in block):
                options.append(
                    Line(length=len(tokens), rows=index, rows_offset=offset, string=is_string)
                )
        per_line.append(options)
        position += 1
    return [
        Layout(header=len(header), lines=tuple(combo)) for combo in itertools.product(*per_line)
    ]


def infer_shape(examples: list[str], multi_test_hint: bool) -> Shape | None:
    """The simplest layout that parses every example exactly, or ``None``."""
    parsed = [_tokens(text) for text in examples]
    if not parsed or not parsed[0] or not parsed[0][0]:
        return None
    first = parsed[0]
    starts = [True, False] if multi_test_hint else [False, True]
    for multi in starts:
        if multi and not (len(first[0]) == 1 and is_int(first[0][0])):
            continue
        start = 1 if multi else 0
        for count in range(0, 5):
            for layout in _layouts(first, start, count)[:64]:
                shape = _fits(parsed, layout, multi)
                if shape is not None:
                    return shape
    return None


def _fits(parsed: list[list[list[str]]], layout: Layout, multi: bool) -> Shape | None:
    shape = Shape(multi_test=multi, layout=layout)
    for lines in parsed:
        tests = int(lines[0][0]) if multi else 1
        if multi and not 1 <= tests <= 10**5:
            return None
        position = 1 if multi else 0
        for _ in range(tests):
            parsed_case = _parse_case(lines, position, layout)
            if parsed_case is None:
                return None
            position, values, alphabets = parsed_case
            for position_key, seen in values.items():
                shape.values.setdefault(position_key, []).extend(seen)
            for line_index, alphabet in alphabets.items():
                merged = set(shape.alphabets.get(line_index, "")) | set(alphabet)
                shape.alphabets[line_index] = "".join(sorted(merged))
        if position != len(lines):
            return None
        shape.tests_seen.append(tests)
    return shape


_NUMBER = r"-?\s*(?:\d+\s*\\cdot\s*)?10\s*\^\s*\{?\s*\d+\s*\}?|-?\s*\d+"
_NAME = r"[A-Za-z](?:_\{?[A-Za-z0-9,]+\}?)?"
_BOUND = re.compile(
    rf"({_NUMBER})\s*\\leq?\s*({_NAME}(?:\s*,\s*{_NAME})*)\s*\\leq?\s*({_NUMBER}|[A-Za-z]\b)"
)


@dataclass(frozen=True)
class Bound:
    """``low <= name <= high`` from the statement; ``high_name`` when the top is a variable."""

    name: str
    indexed: bool
    low: int
    high: int | None
    high_name: str | None = None


def _number(text: str) -> int:
    text = text.replace(" ", "").replace("{", "").replace("}", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-")
    if "\\cdot" in text:
        mantissa, _, power = text.partition("\\cdot")
        scale: int = 10 ** abs(int(power.split("^")[1]))
        return sign * int(mantissa) * scale
    if "^" in text:
        base, _, power = text.partition("^")
        radix, exponent = int(base), abs(int(power))
        result: int = radix**exponent
        return sign * result
    return sign * int(text)


def bounds_from_statement(text: str) -> list[Bound]:
    """Bounds written as ``$lo \\le x \\le hi$``, in the order they appear."""
    found = []
    for match in _BOUND.finditer(text):
        try:
            low = _number(match.group(1))
        except (ValueError, IndexError):
            continue
        top = match.group(3).strip()
        high: int | None
        high_name = None
        if re.fullmatch(r"[A-Za-z]", top):
            high, high_name = None, top
        else:
            try:
                high = _number(top)
            except (ValueError, IndexError):
                continue
        for name in match.group(2).split(","):
            name = name.strip()
            found.append(Bound(name.split("_")[0], "_" in name, low, high, high_name))
    return found
