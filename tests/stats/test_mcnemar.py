"""The exact McNemar test against hand-computed values and scipy's binomial test."""

from __future__ import annotations

import pytest
from scipy import stats as scipy_stats

from refute.stats import mcnemar_exact


def test_all_discordant_tasks_one_way() -> None:
    # 6 of 6 discordant pairs favour one run: 2 * (1/2)^6
    assert mcnemar_exact(6, 0).p_value == pytest.approx(0.03125)


def test_a_balanced_split_is_no_evidence() -> None:
    assert mcnemar_exact(4, 4).p_value == 1.0


def test_no_discordant_task_gives_p_one() -> None:
    result = mcnemar_exact(0, 0)
    assert (result.p_value, result.method) == (1.0, "exact-mcnemar")


@pytest.mark.parametrize(("b", "c"), [(1, 0), (3, 9), (10, 2), (17, 30), (0, 25), (40, 41)])
def test_matches_scipy_binomtest_on_discordant_pairs(b: int, c: int) -> None:
    reference = scipy_stats.binomtest(b, b + c, 0.5).pvalue
    assert mcnemar_exact(b, c).p_value == pytest.approx(reference, rel=1e-9)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        mcnemar_exact(-1, 2)
