"""Validator for "Marathon Overtakes": exit 0 when stdin is a valid input, else 1 and the reason.

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

    def line(self, name: str) -> str:
        if self.index >= len(self.lines):
            fail(f"line {self.index + 1}: expected {name}, found the end of the input")
        self.index += 1
        return self.lines[self.index - 1]

    def ints(self, count: int, low: int, high: int, name: str) -> list[int]:
        number = self.index + 1
        line = self.line(name)
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

    def rows(self, count: int, width: int, low: int, high: int, name: str) -> list[int]:
        """Read `count` lines of `width` integers each; return all of them, flattened."""
        if count == 0:
            return []
        block = self.lines[self.index : self.index + count]
        number = r"-?(?:0|[1-9][0-9]{0,18})"
        row = number + (" " + number) * (width - 1)
        if len(block) == count and re.fullmatch(f"(?:{row}\n)*{row}", "\n".join(block)):
            values = list(map(int, " ".join(block).split(" ")))
            if low <= min(values) and max(values) <= high:
                self.index += count
                return values
        for _ in range(count):  # slow path: find and report the first fault
            self.ints(width, low, high, name)
        fail(f"{name}: unexpected format")  # not reached

    def end(self) -> None:
        if self.index < len(self.lines):
            what = "an empty line" if not self.lines[self.index] else "more data"
            fail(f"line {self.index + 1}: {what} after the end of the input")


def main() -> None:
    reader = Reader(sys.stdin.buffer.read())
    (n,) = reader.ints(1, 1, 2 * 10**5, "n")
    order = reader.ints(n, 1, n, "the finishing order")
    if len(set(order)) != n:
        fail("line 2: the finishing order must list every bib number exactly once")
    reader.end()


main()
