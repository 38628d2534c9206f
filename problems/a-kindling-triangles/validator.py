"""Validator for "Kindling Triangles": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

import re

from refute_validate import Reader, fail

PAIR = re.compile(r"(-?(?:0|[1-9][0-9]*)) (-?(?:0|[1-9][0-9]*))")


def questions(reader: Reader, count: int, n: int, case: int) -> None:
    """The next count lines, each a question l r with 1 <= l <= r <= n."""
    name = f"l and r of a question of test case {case}"
    block = reader.lines[reader.index : reader.index + count]
    for offset, line in enumerate(block):
        match = PAIR.fullmatch(line)
        ok = match is not None and all(len(token) <= 7 for token in match.groups())
        if match is not None and ok:
            l, r = int(match.group(1)), int(match.group(2))
            ok = 1 <= l <= r <= n
        if not ok:
            reader.index += offset
            l, r = reader.ints(2, 1, n, name)  # reports a format or range fault
            fail(f"line {reader.index}: {name}: l = {l} is greater than r = {r}")
    reader.index += len(block)
    if len(block) < count:
        fail(f"line {reader.index + 1}: expected {name}, found the end of the input")


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total_n = total_q = 0
    for case in range(1, t + 1):
        n, q = reader.ints(2, 1, 10**5, f"n and q of test case {case}")
        total_n += n
        total_q += q
        if total_n > 10**5:
            fail(f"test case {case}: the sum of n exceeds 100000")
        if total_q > 10**5:
            fail(f"test case {case}: the sum of q exceeds 100000")
        reader.ints(n, 1, 10**9, f"a of test case {case}")
        questions(reader, q, n, case)
    reader.end()


main()
