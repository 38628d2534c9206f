"""Validator for "Cutting the Ribbon": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader


def main() -> None:
    reader = Reader.stdin()
    (n,) = reader.ints(1, 2, 2 * 10**5, "n")
    reader.ints(n, 1, 10**9, "a")
    reader.end()


main()
