"""Validator for "Comparing Fragments": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

import re

from refute_validate import Reader, fail

LIMIT = 2 * 10**5
WORD = re.compile(r"[a-z]+")


def main() -> None:
    reader = Reader.stdin()
    n, q = reader.ints(2, 1, LIMIT, "n and q")
    word = reader.line("the word")
    if not WORD.fullmatch(word):
        fail("line 2: the word must consist of lowercase English letters only")
    if len(word) != n:
        fail(f"line 2: the word has {len(word)} letters, expected n = {n}")
    values = reader.rows(q, 4, 1, n, "a question")
    for i in range(q):
        l1, r1, l2, r2 = values[4 * i : 4 * i + 4]
        if l1 > r1 or l2 > r2:
            fail(f"line {i + 3}: a fragment must have l <= r, found {l1} {r1} {l2} {r2}")
    reader.end()


main()
