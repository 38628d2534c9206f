"""Where two outputs first differ, by the token rule of the default checker."""

from __future__ import annotations

from ._models import Difference

_YES_NO = ("YES", "NO")


def _positions(text: str) -> list[tuple[int, int, str]]:
    """Every token with its 1-based line and 1-based column among that line's tokens."""
    return [
        (line, column, token)
        for line, row in enumerate(text.splitlines(), start=1)
        for column, token in enumerate(row.split(), start=1)
    ]


def _same(a: str, b: str) -> bool:
    return a == b or (a.upper() == b.upper() and a.upper() in _YES_NO)


def first_difference(solution: str, brute: str) -> Difference | None:
    """The first token where ``solution``'s output differs from ``brute``'s, or ``None``.

    >>> first_difference("1 2\\n3\\n", "1 2\\n4\\n").solution_line
    2
    >>> first_difference("YES\\n", "yes\\n") is None
    True
    """
    mine, theirs = _positions(solution), _positions(brute)
    for index in range(max(len(mine), len(theirs))):
        a = mine[index] if index < len(mine) else None
        b = theirs[index] if index < len(theirs) else None
        if a is not None and b is not None and _same(a[2], b[2]):
            continue
        return Difference(
            token=index + 1,
            solution_line=a[0] if a else None,
            solution_column=a[1] if a else None,
            solution_token=a[2] if a else None,
            brute_line=b[0] if b else None,
            brute_column=b[1] if b else None,
            brute_token=b[2] if b else None,
        )
    return None
