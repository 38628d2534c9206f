"""Validator for "Hot Potato": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    for case in range(1, t + 1):
        _n, k, s, e = reader.ints(4, 1, 10**18, f"n, k, s, e of test case {case}")
        if not 2 <= k <= 10**9:
            fail(f"test case {case}: k = {k} is out of range [2, 1000000000]")
        if s > k or e > k:
            fail(f"test case {case}: s and e must be between 1 and k = {k}")
    reader.end()


main()
