"""Validator for "Ferry Network": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    n, q = reader.ints(2, 1, 2 * 10**5, "n and q")
    if n < 2:
        fail(f"line 1: n = {n} is out of range [2, 200000]")
    for day in range(1, q + 1):
        u, v = reader.ints(2, 1, n, f"u and v of day {day}")
        if u == v:
            fail(f"line {day + 1}: a route must join two different islands, found {u} {v}")
    reader.end()


main()
