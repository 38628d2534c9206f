"""Newcombe's paired interval: its values on two tables, and the properties it must keep."""

from __future__ import annotations

import pytest

from refute.stats import newcombe_paired_difference, wilson


def test_the_values_follow_method_10_with_the_corrected_phi() -> None:
    # Worked by hand from the formula: Wilson ends of 21/44 and 14/44, phi corrected
    # by n/2 since 12 * 21 - 9 * 2 = 234 > 22.
    e = newcombe_paired_difference(12, 9, 2, 21)
    assert (e.value, e.low, e.high) == (0.1591, 0.0112, 0.2953)


def test_swapping_the_runs_mirrors_the_interval() -> None:
    ahead = newcombe_paired_difference(5, 7, 2, 6)
    behind = newcombe_paired_difference(5, 2, 7, 6)
    assert (behind.value, behind.low, behind.high) == (-ahead.value, -ahead.high, -ahead.low)


def test_correlated_pairs_give_a_narrower_interval_than_independent_ones() -> None:
    # The same margins (12 of 20 against 8 of 20): tight agreement, then none beyond chance.
    agreeing = newcombe_paired_difference(8, 4, 0, 8)
    independent = newcombe_paired_difference(5, 7, 3, 5)
    assert agreeing.value == independent.value == 0.2
    assert agreeing.high - agreeing.low < independent.high - independent.low


def test_the_interval_stays_in_bounds_at_the_extremes() -> None:
    for counts in [(0, 20, 0, 0), (0, 0, 20, 0), (20, 0, 0, 0), (0, 0, 0, 1)]:
        e = newcombe_paired_difference(*counts)
        assert -1 <= e.low <= e.value <= e.high <= 1
    every = newcombe_paired_difference(0, 20, 0, 0)  # 20 of 20 against 0 of 20
    assert every.value == every.high == 1.0
    assert every.low == pytest.approx(1 - 2 * (1 - wilson(20, 20).low) / 2**0.5, abs=1e-3)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        newcombe_paired_difference(-1, 0, 0, 0)
