"""Validator for "Toll Road": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

import re

from refute_validate import Reader, fail

PAIR = re.compile(r"(0|[1-9][0-9]{0,18}) (0|[1-9][0-9]{0,18})")


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**5, "t")
    block = reader.lines[reader.index : reader.index + t]
    for offset, line in enumerate(block):
        match = PAIR.fullmatch(line)
        if match is not None:
            s, b = int(match.group(1)), int(match.group(2))
            if s <= 10**9 and 1 <= b <= 10**18:
                continue
        reader.index += offset
        name = f"s and B of question {offset + 1}"
        s, b = reader.ints(2, 0, 10**18, name)  # reports a format fault
        if s > 10**9:
            fail(f"line {reader.index}: s = {s} is out of range [0, 10^9]")
        fail(f"line {reader.index}: B = {b} is out of range [1, 10^18]")
    reader.index += len(block)
    if len(block) < t:
        fail(
            f"line {reader.index + 1}: expected question {len(block) + 1}, found the end of "
            "the input"
        )
    reader.end()


main()
