"""Validator for "Rising Streaks": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 1000, "t")
    for case in range(1, t + 1):
        n, k = reader.ints(2, 0, 10**9, f"n and k of test case {case}")
        if not 1 <= n <= 100:
            fail(f"test case {case}: n = {n} is out of range [1, 100]")
        if k > n * (n - 1) // 2:
            fail(f"test case {case}: k = {k} exceeds n(n-1)/2 = {n * (n - 1) // 2}")
    reader.end()


main()
