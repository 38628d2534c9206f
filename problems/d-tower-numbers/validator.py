"""Validator for "Tower Numbers": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 100, "t")
    for case in range(1, t + 1):
        reader.ints(1, 2, 10**18, f"n of question {case}")
    reader.end()


main()
