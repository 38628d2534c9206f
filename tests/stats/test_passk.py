"""pass@k: the unbiased estimator against enumeration, and the k a summary reports."""

from __future__ import annotations

from itertools import combinations

import pytest

from refute.stats import pass_at_k, reported_ks


@pytest.mark.parametrize(("n", "c"), [(5, 0), (5, 1), (6, 3), (7, 6), (8, 8)])
def test_equals_the_share_of_k_subsets_with_a_success(n: int, c: int) -> None:
    outcomes = [True] * c + [False] * (n - c)
    for k in range(1, n + 1):
        subsets = list(combinations(outcomes, k))
        assert pass_at_k(n, c, k) == pytest.approx(sum(map(any, subsets)) / len(subsets))


def test_hand_computed_values() -> None:
    assert pass_at_k(5, 1, 1) == 0.2
    assert pass_at_k(5, 2, 2) == pytest.approx(0.7)  # 1 - C(3,2)/C(5,2)


def test_k_beyond_the_attempts_is_refused() -> None:
    with pytest.raises(ValueError, match="pass@6"):
        pass_at_k(5, 1, 6)


@pytest.mark.parametrize(
    ("attempts", "ks"),
    [(1, [1]), (3, [1]), (5, [1, 5]), (12, [1, 5, 10]), (400, [1, 5, 10, 25, 100])],
)
def test_reported_k_are_the_chosen_ones_up_to_the_attempts(attempts: int, ks: list[int]) -> None:
    assert reported_ks(attempts) == ks
