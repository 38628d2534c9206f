"""The fallback without a generator or a model: new inputs made from the examples.

Two sources, picked at random per test. When the fuzz baseline's shape inference
parses every example (a count header sizing an array, test cases, rows), random inputs
of that shape. Always, format-agnostic mutation of an example: integers moved to
neighbours and extremes, and lengths changed where a number before a line or a block of
lines equals its length (the count is kept in step). Each test is a pure function of its
seed, so the seed that made a counterexample makes it again.
"""

from __future__ import annotations

import random
import re

from ..agents.fuzz import InputGenerator, Plan, Shape, bounds_from_statement, infer_shape, make_plan

_INTEGER = re.compile(r"-?\d+")
_EXTREMES = (0, 1, -1, 2, 10**9, 10**9 + 7, 2**31 - 1, 2**31, 10**18, 2**63 - 1)


class ExampleMutator:
    """Inputs derived from ``examples``, one per seed: ``mutator(seed) -> text``.

    >>> mutator = ExampleMutator(["3\\n1 2 3\\n"])
    >>> mutator(7) == mutator(7)
    True
    """

    def __init__(self, examples: list[str], statement: str = ""):
        self.examples = [text for text in examples if text.split()]
        if not self.examples:
            raise ValueError("no non-empty example to mutate")
        self.numbers = sorted(
            {int(t) for text in self.examples for t in text.split() if _INTEGER.fullmatch(t)}
        )
        self._shape: Shape | None = infer_shape(self.examples, "test case" in statement.lower())
        self._plan: Plan | None = (
            make_plan(self._shape, bounds_from_statement(statement))
            if self._shape is not None
            else None
        )

    @property
    def shaped(self) -> bool:
        """Whether the examples' shape was learned (then half the inputs follow it)."""
        return self._shape is not None

    def __call__(self, seed: int) -> str:
        rng = random.Random(seed)
        if self._shape is not None and self._plan is not None and rng.random() < 0.5:
            return InputGenerator(self._shape, self._plan, seed)()
        rows = [line.split() for line in rng.choice(self.examples).splitlines()]
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            if roll < 0.5:
                self._number(rows, rng)
            elif roll < 0.8:
                self._line_length(rows, rng)
            else:
                self._block_length(rows, rng)
        return "\n".join(" ".join(row) for row in rows) + "\n"

    def _value(self, token: str, rng: random.Random) -> str:
        value = int(token)
        choices = [value + 1, value - 1, 0, 1, -value, 2 * value, value // 2, *_EXTREMES]
        if self.numbers:
            choices += [self.numbers[0], self.numbers[-1], rng.choice(self.numbers)]
            top = max(abs(self.numbers[0]), abs(self.numbers[-1]), 1)
            choices += [top * 10, rng.randint(-top, top)]
        return str(rng.choice(choices))

    def _number(self, rows: list[list[str]], rng: random.Random) -> None:
        spots = [(r, c) for r, row in enumerate(rows) for c, t in enumerate(row) if _is_int(t)]
        if spots:
            r, c = rng.choice(spots)
            rows[r][c] = self._value(rows[r][c], rng)

    def _line_length(self, rows: list[list[str]], rng: random.Random) -> None:
        """Grow or shrink a line whose length an earlier number gives, and that number."""
        candidates = [
            (r, counter) for r in range(len(rows)) if (counter := _counter(rows, r, len(rows[r])))
        ]
        if not candidates:
            return
        r, (row, column) = rng.choice(candidates)
        line = rows[r]
        if len(line) > 1 and rng.random() < 0.4:
            del line[rng.randrange(len(line))]
        else:
            for _ in range(rng.choice((1, 1, 2, 5, 20))):
                token = rng.choice(line)
                line.insert(rng.randint(0, len(line)), self._maybe(token, rng))
        rows[row][column] = str(len(line))

    def _block_length(self, rows: list[list[str]], rng: random.Random) -> None:
        """Add or drop a line of a block of equal-width lines that a number counts."""
        blocks = []
        for start in range(1, len(rows)):
            end = start
            while end < len(rows) and len(rows[end]) == len(rows[start]):
                end += 1
            counter = _counter(rows, start, end - start)
            if counter is not None and counter[0] < start:
                blocks.append((start, end, counter))
        if not blocks:
            return
        start, end, (row, column) = rng.choice(blocks)
        length = end - start
        if length > 1 and rng.random() < 0.4:
            del rows[rng.randrange(start, end)]
            length -= 1
        else:
            for _ in range(rng.choice((1, 1, 2, 5))):
                copy = [self._maybe(t, rng) for t in rows[rng.randrange(start, start + length)]]
                rows.insert(rng.randint(start, start + length), copy)
                length += 1
        rows[row][column] = str(length)

    def _maybe(self, token: str, rng: random.Random) -> str:
        return self._value(token, rng) if _is_int(token) and rng.random() < 0.7 else token


def _is_int(token: str) -> bool:
    return _INTEGER.fullmatch(token) is not None


def _counter(rows: list[list[str]], index: int, count: int) -> tuple[int, int] | None:
    """The nearest token before line ``index`` equal to ``count`` (> 1): likely its count."""
    if count < 2:
        return None
    for row in range(index - 1, -1, -1):
        for column in range(len(rows[row]) - 1, -1, -1):
            if rows[row][column] == str(count):
                return row, column
    return None
