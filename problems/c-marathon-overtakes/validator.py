"""Validator for "Marathon Overtakes": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail


def main() -> None:
    reader = Reader.stdin()
    (n,) = reader.ints(1, 1, 2 * 10**5, "n")
    order = reader.ints(n, 1, n, "the finishing order")
    if len(set(order)) != n:
        fail("line 2: the finishing order must list every bib number exactly once")
    reader.end()


main()
