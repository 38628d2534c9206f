"""Random inputs in a learned shape, with sizes and values biased toward edge cases."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

from ._shape import INTEGER, Bound, Line, Shape, is_int

LARGE = 3000
"""Largest size generated for an array or block: big enough to matter, small enough to keep
a batch of inputs cheap to ship and run."""


@dataclass(frozen=True)
class Range:
    low: int
    high: int | None
    high_column: int | None = None  # the high bound is this header column's value


@dataclass
class Plan:
    """Value ranges for every position of a shape."""

    tests: Range
    header: list[Range]
    lines: list[list[Range]]
    sizes: set[int] = field(default_factory=set)  # header columns that size something


def _observed(values: list[int], size: bool) -> Range:
    if not values:
        return Range(1, 10)
    low, high = min(values), max(values)
    if size:
        return Range(max(0, min(low, 1)), max(high * 4 + 4, 10))
    if low == high:
        return Range(low - 10, high + 10)
    return Range(low, high)


def make_plan(shape: Shape, bounds: list[Bound]) -> Plan:
    """Match the statement's bounds to the shape's positions, else use observed values."""
    layout = shape.layout
    plain = [b for b in bounds if not b.indexed]
    indexed = [b for b in bounds if b.indexed]
    tests = Range(1, max(shape.tests_seen or [1]) * 4)
    if shape.multi_test and plain:
        first = plain.pop(0)
        tests = Range(first.low, first.high)
    sizes = {s.length_of for s in layout.lines if s.length_of is not None}
    sizes |= {s.rows for s in layout.lines if s.rows is not None}
    names: dict[str, int] = {}
    header = []
    for column in range(layout.header):
        bound = plain[column] if column < len(plain) else None
        if bound is not None and bound.high is not None:
            names[bound.name] = column
            header.append(Range(bound.low, bound.high))
        else:
            header.append(_observed(shape.values.get((-1, column), []), column in sizes))
    lines = []
    cursor = 0
    for index, spec in enumerate(layout.lines):
        width = 1 if spec.length_of is not None or spec.string else max(spec.length, 1)
        columns = []
        for column in range(width):
            bound = indexed[cursor] if cursor < len(indexed) else None
            cursor += 1 if bound is not None else 0
            if bound is not None and (bound.high is not None or bound.high_name in names):
                high_column = names.get(bound.high_name or "")
                columns.append(Range(bound.low, bound.high, high_column))
            else:
                columns.append(_observed(shape.values.get((index, column), []), False))
        lines.append(columns)
    return Plan(tests=tests, header=header, lines=lines, sizes=sizes)


class InputGenerator:
    """Random inputs following ``shape`` and ``plan``; deterministic for a given seed."""

    def __init__(self, shape: Shape, plan: Plan, seed: int):
        self.shape = shape
        self.plan = plan
        self.rng = random.Random(seed)

    def _size(self, bound: Range) -> int:
        high = bound.high if bound.high is not None else LARGE
        roll = self.rng.random()
        top = 8 if roll < 0.6 else 100 if roll < 0.85 else LARGE
        return self.rng.randint(bound.low, max(bound.low, min(high, top)))

    def _value(self, bound: Range, header: list[int], pool: list[int]) -> int:
        low = bound.low
        high = header[bound.high_column] if bound.high_column is not None else bound.high
        high = low + 100 if high is None else high
        if high < low:
            return low
        roll = self.rng.random()
        if roll < 0.35:
            return self.rng.randint(low, high)
        if roll < 0.55:
            return self.rng.randint(low, min(high, low + 5))
        if roll < 0.7:
            return self.rng.randint(max(low, high - 5), high)
        if roll < 0.85 and pool:
            return self.rng.choice(pool)
        return self.rng.choice((low, high))

    def _tree(self, rows: int, width: int, ranges: list[Range], header: list[int]) -> list[str]:
        labels = list(range(1, rows + 2))
        self.rng.shuffle(labels)
        lines = []
        for child in range(1, rows + 1):
            parent = self.rng.randrange(child)
            extra = [str(self._value(r, header, [])) for r in ranges[2:width]]
            lines.append(" ".join([str(labels[parent]), str(labels[child]), *extra]))
        return lines

    def _case(self) -> list[str]:
        plan, layout = self.plan, self.shape.layout
        header = [
            self._size(bound) if column in plan.sizes else self._value(bound, [], [])
            for column, bound in enumerate(plan.header)
        ]
        # a few distinct values reused across the case make duplicates and ties likely
        lines = [" ".join(map(str, header))]
        for spec, ranges in zip(layout.lines, plan.lines, strict=True):
            lines.extend(self._lines(spec, ranges, header))
        return lines

    def _lines(self, spec: Line, ranges: list[Range], header: list[int]) -> list[str]:
        rows = 1 if spec.rows is None else max(0, header[spec.rows] + spec.rows_offset)
        if spec.string:
            alphabet = self.shape.alphabets.get(self.shape.layout.lines.index(spec), "") or (
                string.ascii_lowercase
            )
            letters = alphabet[: self.rng.randint(1, len(alphabet))]
            length = (
                header[spec.length_of] if spec.length_of is not None else self._size(Range(1, 20))
            )
            return [
                "".join(self.rng.choice(letters) for _ in range(max(length, 1)))
                for _ in range(rows)
            ]
        is_tree = (
            spec.rows_offset == -1
            and len(ranges) >= 2
            and all(r.high_column == spec.rows for r in ranges[:2])
        )
        if is_tree:
            return self._tree(rows, len(ranges), ranges, header)
        out = []
        pool_size = self.rng.choice((1, 2, 3, 50))
        for _ in range(rows):
            if spec.length_of is not None:
                count = header[spec.length_of]
                pool = [self._value(ranges[0], header, []) for _ in range(pool_size)]
                out.append(
                    " ".join(str(self._value(ranges[0], header, pool)) for _ in range(count))
                )
            else:
                out.append(" ".join(str(self._value(r, header, [])) for r in ranges))
        return out

    def __call__(self) -> str:
        if not self.shape.multi_test:
            return "\n".join(self._case()) + "\n"
        high = self.plan.tests.high if self.plan.tests.high is not None else 10
        count = self.rng.randint(self.plan.tests.low, max(self.plan.tests.low, min(high, 5)))
        lines = [str(count)]
        for _ in range(count):
            lines.extend(self._case())
        return "\n".join(lines) + "\n"


class Mutator:
    """Fallback when no shape fits: change integer tokens of an example, keep its layout."""

    def __init__(self, examples: list[str], seed: int):
        self.examples = examples
        self.rng = random.Random(seed)
        self.numbers = sorted(
            {int(t) for text in examples for t in text.split() if INTEGER.fullmatch(t)}
        )

    def _mutate(self, token: str) -> str:
        if not is_int(token) or self.rng.random() < 0.6:
            return token
        value = int(token)
        choices = [value + 1, value - 1, 0, 1, -value, value * 2]
        if self.numbers:
            choices += [self.numbers[0], self.numbers[-1], self.rng.choice(self.numbers)]
        return str(self.rng.choice(choices))

    def __call__(self) -> str:
        text = self.rng.choice(self.examples)
        lines = [" ".join(self._mutate(t) for t in line.split()) for line in text.splitlines()]
        return "\n".join(lines) + "\n"
