"""Validator for "Matching Badges": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

LIMIT = 2 * 10**5
CODE_MAX = 2**60 - 1


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total = 0
    for case in range(1, t + 1):
        n, _k = reader.ints(2, 0, CODE_MAX, f"n and k of test case {case}")
        if not 1 <= n <= LIMIT:
            fail(f"test case {case}: n = {n} is out of range [1, {LIMIT}]")
        total += n
        if total > LIMIT:
            fail(f"test case {case}: the sum of n exceeds {LIMIT}")
        reader.ints(n, 0, CODE_MAX, f"codes of test case {case}")
    reader.end()


main()
