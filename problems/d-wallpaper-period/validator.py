"""Validator for "Wallpaper Period": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

import re

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (n,) = reader.ints(1, 1, 2 * 10**5, "n")
    number = reader.index + 1
    if reader.index >= len(reader.lines):
        fail(f"line {number}: expected the strip, found the end of the input")
    strip = reader.lines[reader.index]
    reader.index += 1
    if not LETTERS.fullmatch(strip):
        fail(f"line {number}: the strip must be lowercase English letters only")
    if len(strip) != n:
        fail(f"line {number}: the strip has {len(strip)} letters, expected n = {n}")
    reader.end()


LETTERS = re.compile(r"[a-z]+")

main()
