"""Newcombe's interval for the difference of two proportions measured on the same units."""

from __future__ import annotations

from math import sqrt

from ._estimate import Estimate, rounded
from ._intervals import wilson


def newcombe_paired_difference(
    both: int, only_first: int, only_second: int, neither: int, level: float = 0.95
) -> Estimate:
    """``p_first - p_second`` for paired yes/no outcomes, with Newcombe's hybrid score
    interval (method 10 of Newcombe, *Statistics in Medicine* 17:2635, 1998).

    The four counts are the cells of the paired table: units where both are yes, only the
    first, only the second, neither. Each proportion gets its Wilson interval; the two are
    combined with the correlation ``phi`` of the table, so that what the pairs share
    narrows the interval as it should. Unlike a bootstrap it stays sensible for a handful
    of units (a rating bucket of three tasks), never leaves [-1, 1], and needs no seed.

    >>> e = newcombe_paired_difference(3, 5, 0, 12)   # 8 of 20 against 3 of 20
    >>> e.value, e.low > 0, e.high < 1, e.method
    (0.25, True, True, 'newcombe-paired')
    >>> newcombe_paired_difference(0, 0, 0, 0).model_dump(include={"low", "high", "n"})
    {'low': -1.0, 'high': 1.0, 'n': 0}
    """
    counts = (both, only_first, only_second, neither)
    if min(counts) < 0:
        raise ValueError(f"newcombe: negative counts {counts}")
    n = sum(counts)
    if n == 0:
        return Estimate(value=0.0, low=-1.0, high=1.0, level=level, method="none", n=0)
    first_yes, second_yes = both + only_first, both + only_second
    p1, p2 = first_yes / n, second_yes / n
    first, second = wilson(first_yes, n, level), wilson(second_yes, n, level)
    margins = first_yes * (n - first_yes) * second_yes * (n - second_yes)
    # Newcombe's phi, with his continuity correction: a positive cross-product difference
    # within n/2 of zero counts as no correlation.
    cross = both * neither - only_first * only_second
    corrected = cross - n / 2 if cross > n / 2 else min(cross, 0)
    phi = corrected / sqrt(margins) if margins else 0.0
    below = sqrt(
        max(
            0.0,
            (p1 - first.low) ** 2
            - 2 * phi * (p1 - first.low) * (second.high - p2)
            + (second.high - p2) ** 2,
        )
    )
    above = sqrt(
        max(
            0.0,
            (first.high - p1) ** 2
            - 2 * phi * (first.high - p1) * (p2 - second.low)
            + (p2 - second.low) ** 2,
        )
    )
    difference = p1 - p2
    return Estimate(
        value=rounded(difference),
        low=rounded(max(-1.0, difference - below)),
        high=rounded(min(1.0, difference + above)),
        level=level,
        method="newcombe-paired",
        n=n,
    )
