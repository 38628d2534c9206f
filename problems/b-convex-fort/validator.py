"""Validator for "Convex Fort": exit 0 when stdin is a valid input, else 1 and the reason.

Format rules shared by every refute validator: ASCII, lines end with "\n" (the last line's
newline may be missing), tokens on a line are separated by single spaces, integers have no
sign "+" and no leading zeros, and nothing may follow the last line.
"""

import re
import sys

INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def fail(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.exit(1)


class Reader:
    def __init__(self, data: bytes) -> None:
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            fail("the input must be ASCII text")
        if "\r" in text:
            fail("lines must end with \\n, found \\r")
        if not text:
            fail("the input is empty")
        self.lines = (text[:-1] if text.endswith("\n") else text).split("\n")
        self.index = 0

    def ints(self, count: int, low: int, high: int, name: str) -> list[int]:
        number = self.index + 1
        if self.index >= len(self.lines):
            fail(f"line {number}: expected {name}, found the end of the input")
        line = self.lines[self.index]
        self.index += 1
        tokens = line.split(" ")
        if "" in tokens:
            fail(f"line {number}: tokens must be separated by single spaces: {line[:60]!r}")
        if len(tokens) != count:
            fail(f"line {number}: expected {count} integer(s) ({name}), found {len(tokens)}")
        values = []
        for token in tokens:
            if len(token) > 20 or not INTEGER.fullmatch(token):
                fail(f"line {number}: {name}: {token[:30]!r} is not an integer")
            value = int(token)
            if not low <= value <= high:
                fail(f"line {number}: {name}: {value} is out of range [{low}, {high}]")
            values.append(value)
        return values

    def end(self) -> None:
        if self.index < len(self.lines):
            what = "an empty line" if not self.lines[self.index] else "more data"
            fail(f"line {self.index + 1}: {what} after the end of the input")


C = 10**9


def half(dx: int, dy: int) -> int:
    """0 for directions with angle in [0, 180) degrees, 1 for [180, 360)."""
    return 0 if dy > 0 or (dy == 0 and dx > 0) else 1


def main() -> None:
    reader = Reader(sys.stdin.buffer.read())
    (n,) = reader.ints(1, 3, 10**5, "n")
    xs, ys = [], []
    for i in range(1, n + 1):
        x, y = reader.ints(2, -C, C, f"vertex {i}")
        xs.append(x)
        ys.append(y)
    # Edge vectors; every turn must be a strict left turn (this also rules out repeated
    # vertices and three consecutive collinear vertices).
    ex = [xs[(i + 1) % n] - xs[i] for i in range(n)]
    ey = [ys[(i + 1) % n] - ys[i] for i in range(n)]
    wraps = 0
    for i in range(n):
        j = (i + 1) % n
        if ex[i] * ey[j] - ey[i] * ex[j] <= 0:
            fail(
                f"the polygon is not strictly convex in counterclockwise order: "
                f"no strict left turn at vertex {j + 1}"
            )
        # With every turn strictly between 0 and 180 degrees, the polygon is convex and
        # simple iff the edge directions go around exactly once: count the steps at which
        # the direction angle, taken in [0, 360), decreases.
        hi, hj = half(ex[i], ey[i]), half(ex[j], ey[j])
        if hi > hj:
            wraps += 1
    if wraps != 1:
        fail(f"the polygon winds around {wraps} times; it is not a simple convex polygon")
    (q,) = reader.ints(1, 1, 10**5, "q")
    for j in range(1, q + 1):
        reader.ints(2, -C, C, f"scout {j}")
    reader.end()


main()
