"""Validator for "Hill Trail": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total = 0
    for case in range(1, t + 1):
        n, _d = reader.ints(2, 0, 10**9, f"n, d of test case {case}")
        if not 1 <= n <= 2 * 10**5:
            fail(f"test case {case}: n = {n} is out of range [1, 200000]")
        total += n
        if total > 2 * 10**5:
            fail(f"test case {case}: the sum of n exceeds 200000")
        reader.ints(n, 1, 10**9, f"h of test case {case}")
        reader.ints(n, 1, 10**9, f"s of test case {case}")
    reader.end()


main()
