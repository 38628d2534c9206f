"""Validator for "Two Shifts": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

LIMIT = 2 * 10**5


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total_n = total_m = 0
    for case in range(1, t + 1):
        n, m = reader.ints(2, 0, LIMIT, f"n and m of test case {case}")
        if n < 1:
            fail(f"test case {case}: n = {n} is out of range [1, {LIMIT}]")
        total_n += n
        total_m += m
        if total_n > LIMIT:
            fail(f"test case {case}: the sum of n exceeds {LIMIT}")
        if total_m > LIMIT:
            fail(f"test case {case}: the sum of m exceeds {LIMIT}")
        first = reader.index + 1
        seen = set()
        values = reader.rows(m, 2, 1, n, f"a pair of test case {case}")
        for offset in range(m):
            u, v = values[2 * offset], values[2 * offset + 1]
            if u == v:
                fail(f"line {first + offset}: a worker cannot quarrel with themself ({u} {v})")
            key = u * (n + 1) + v if u < v else v * (n + 1) + u
            if key in seen:
                fail(f"line {first + offset}: the pair {u} {v} is listed twice")
            seen.add(key)
    reader.end()


main()
