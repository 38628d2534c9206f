"""Exact McNemar test: do two runs refute different tasks more than chance allows?"""

from __future__ import annotations

from math import comb

from pydantic import BaseModel


class McNemar(BaseModel):
    """The exact (binomial) McNemar test on paired yes/no outcomes.

    Args:
        only_first: tasks refuted by the first run and not the second.
        only_second: tasks refuted by the second run and not the first.
        p_value: two-sided: ``min(1, 2 * P(X <= min(b, c)))`` for ``X ~ Binomial(b + c, 1/2)``.
        method: ``exact-mcnemar``.
    """

    only_first: int
    only_second: int
    p_value: float
    method: str = "exact-mcnemar"


def mcnemar_exact(only_first: int, only_second: int) -> McNemar:
    """The exact McNemar test on the discordant pairs.

    Only tasks where the runs disagree carry information about which is better; under the
    null each of those is equally likely to go either way. With no discordant task the
    p-value is 1.

    >>> mcnemar_exact(0, 6).p_value
    0.03125
    >>> mcnemar_exact(3, 3).p_value
    1.0
    """
    if only_first < 0 or only_second < 0:
        raise ValueError(f"mcnemar: negative counts {only_first}, {only_second}")
    n = only_first + only_second
    if n == 0:
        return McNemar(only_first=0, only_second=0, p_value=1.0)
    smaller = min(only_first, only_second)
    tail = sum(comb(n, i) for i in range(smaller + 1)) / 2**n
    return McNemar(only_first=only_first, only_second=only_second, p_value=min(1.0, 2 * tail))
