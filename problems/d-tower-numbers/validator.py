"""Validator for "Tower Numbers": exit 0 when stdin is a valid input, else 1 and the reason.

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


def main() -> None:
    reader = Reader(sys.stdin.buffer.read())
    (t,) = reader.ints(1, 1, 100, "t")
    for case in range(1, t + 1):
        reader.ints(1, 2, 10**18, f"n of question {case}")
    reader.end()


main()
