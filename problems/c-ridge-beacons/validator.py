"""Validator for "Ridge Beacons": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

LIMIT = 2 * 10**5


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total = 0
    for case in range(1, t + 1):
        (n,) = reader.ints(1, 1, LIMIT, f"n of test case {case}")
        total += n
        if total > LIMIT:
            fail(f"test case {case}: the sum of n exceeds {LIMIT}")
        reader.ints(n, 1, 10**9, f"heights of test case {case}")
    reader.end()


main()
