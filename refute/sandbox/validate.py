"""Reading a validator's input: the helper the sandbox gives every Python program.

A package's ``validator.py`` reads stdin, exits 0 when it is a valid input, else prints
one line saying why and exits 1. The bundled validators hold the same format rules, and
this module enforces them once:

- the input is ASCII text and not empty;
- lines end with ``\\n`` (the last line's newline may be missing; ``\\r`` is refused);
- the tokens of a line are separated by single spaces;
- an integer has no sign ``+`` and no leading zeros (``-0`` passes: it is ``0``);
- nothing follows the last line the validator reads (``Reader.end``).

Inside a sandbox container this file is ``refute_validate.py`` beside the program, so a
validator starts with ``from refute_validate import Reader, fail``. It is standard-library
only and must import nothing from ``refute``: the host puts its source into each
container, as it does the executor's. ``refute.sandbox.standalone_validator`` inlines it
into a validator that must run anywhere else.

>>> reader = Reader(b"2\\n5 7\\n")
>>> (n,) = reader.ints(1, 1, 10, "n")
>>> reader.ints(n, 0, 6, "a")
Traceback (most recent call last):
...
SystemExit: line 2: a: 7 is out of range [0, 6]
"""

import re
import sys
from typing import NoReturn

MODULE = "refute_validate"
"""The name validators import this module by inside a sandbox container."""

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = r"-?(?:0|[1-9][0-9]{0,18})"


def fail(message: str) -> NoReturn:
    """Reject the input: ``message`` goes to stderr as one line, and the exit status is 1.

    >>> fail("line 3: n is missing")
    Traceback (most recent call last):
    ...
    SystemExit: line 3: n is missing
    """
    raise SystemExit(message)  # Python prints a string exit value to stderr, and exits 1


class Reader:
    """The input's lines, read in order; each method rejects the input on the first fault.

    ``lines`` are the input's lines without their newlines and ``index`` is the next one to
    read (0-based; messages count lines from 1), so a validator may read a line its own way
    and move on. ``name`` arguments say what is expected, for the message.

    >>> Reader(b"3\\r\\n")
    Traceback (most recent call last):
    ...
    SystemExit: lines must end with \\n, found \\r
    >>> reader = Reader(b"1 2\\n\\n")
    >>> reader.ints(2, 1, 2, "a and b")
    [1, 2]
    >>> reader.end()
    Traceback (most recent call last):
    ...
    SystemExit: line 2: an empty line after the end of the input
    """

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

    @classmethod
    def stdin(cls) -> "Reader":
        """A reader over the whole of standard input, as bytes."""
        return cls(sys.stdin.buffer.read())

    def line(self, name: str) -> str:
        """The next line, as it is.

        >>> reader = Reader(b"abc\\n")
        >>> reader.line("the word")
        'abc'
        >>> reader.line("n")
        Traceback (most recent call last):
        ...
        SystemExit: line 2: expected n, found the end of the input
        """
        if self.index >= len(self.lines):
            fail(f"line {self.index + 1}: expected {name}, found the end of the input")
        self.index += 1
        return self.lines[self.index - 1]

    def tokens(self, name: str) -> list[str]:
        """The next line's tokens, which single spaces must separate.

        >>> Reader(b"ab  c\\n").tokens("the words")
        Traceback (most recent call last):
        ...
        SystemExit: line 1: tokens must be separated by single spaces: 'ab  c'
        """
        number = self.index + 1
        line = self.line(name)
        tokens = line.split(" ")
        if "" in tokens:
            fail(f"line {number}: tokens must be separated by single spaces: {line[:60]!r}")
        return tokens

    def ints(self, count: int, low: int, high: int, name: str) -> list[int]:
        """The next line: exactly ``count`` integers, each in ``[low, high]``.

        >>> Reader(b"007").ints(1, 0, 10, "k")
        Traceback (most recent call last):
        ...
        SystemExit: line 1: k: '007' is not an integer
        """
        number = self.index + 1
        tokens = self.tokens(name)
        if len(tokens) != count:
            fail(f"line {number}: expected {count} integer(s) ({name}), found {len(tokens)}")
        values = []
        for token in tokens:
            if len(token) > 20 or not _INTEGER.fullmatch(token):
                fail(f"line {number}: {name}: {token[:30]!r} is not an integer")
            value = int(token)
            if not low <= value <= high:
                fail(f"line {number}: {name}: {value} is out of range [{low}, {high}]")
            values.append(value)
        return values

    def rows(self, count: int, width: int, low: int, high: int, name: str) -> list[int]:
        """The next ``count`` lines of ``width`` integers each in ``[low, high]``, flattened.

        Valid blocks (nearly all inputs) are checked with one regular expression; the
        first faulty line of any other is found and reported as ``ints`` would.

        >>> Reader(b"1 2\\n3 4\\n").rows(2, 2, 1, 4, "an edge")
        [1, 2, 3, 4]
        >>> Reader(b"1 2\\n3 5\\n").rows(2, 2, 1, 4, "an edge")
        Traceback (most recent call last):
        ...
        SystemExit: line 2: an edge: 5 is out of range [1, 4]
        """
        if count == 0:
            return []
        block = self.lines[self.index : self.index + count]
        row = _NUMBER + (" " + _NUMBER) * (width - 1)
        if len(block) == count and re.fullmatch(f"(?:{row}\n)*{row}", "\n".join(block)):
            values = list(map(int, " ".join(block).split(" ")))
            if low <= min(values) and max(values) <= high:
                self.index += count
                return values
        for _ in range(count):  # slow path: find and report the first fault
            self.ints(width, low, high, name)
        fail(f"{name}: unexpected format")  # not reached

    def end(self) -> None:
        """Reject anything after the lines read so far."""
        if self.index < len(self.lines):
            what = "an empty line" if not self.lines[self.index] else "more data"
            fail(f"line {self.index + 1}: {what} after the end of the input")

    # Last in the class: below this line, ``int`` in the class body means this method.
    def int(self, low: int, high: int, name: str) -> int:
        """The next line: one integer in ``[low, high]``.

        >>> Reader(b"42\\n").int(1, 100, "n")
        42
        """
        (value,) = self.ints(1, low, high, name)
        return value
