"""Validator for "Lucky Lanterns": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**5, "t")
    for case in range(1, t + 1):
        l, r = reader.ints(2, 1, 10**18, f"l, r of question {case}")
        if l > r:
            fail(f"question {case}: l = {l} is greater than r = {r}")
    reader.end()


main()
