"""Wilson and the seeded bootstraps: hand-computed cases, scipy as reference, determinism."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as scipy_stats

from refute.stats import Estimate, bootstrap_mean, paired_bootstrap_difference, wilson


def test_wilson_matches_a_hand_computed_case() -> None:
    # 3 of 10 at z = 1.959964: centre (0.3 + z²/20) / (1 + z²/10), half-width as Wilson (1927)
    estimate = wilson(3, 10)
    assert (estimate.low, estimate.high) == pytest.approx((0.1078, 0.6032), abs=1e-4)
    assert (estimate.value, estimate.method, estimate.level, estimate.n) == (
        0.3,
        "wilson",
        0.95,
        10,
    )


@pytest.mark.parametrize(("k", "n"), [(0, 7), (1, 40), (12, 324), (28, 324), (50, 50)])
@pytest.mark.parametrize("level", [0.9, 0.95, 0.99])
def test_wilson_matches_scipy(k: int, n: int, level: float) -> None:
    reference = scipy_stats.binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    estimate = wilson(k, n, level=level)
    assert estimate.low == pytest.approx(reference.low, abs=1e-4)
    assert estimate.high == pytest.approx(reference.high, abs=1e-4)


def test_wilson_of_nothing_is_the_whole_range() -> None:
    assert (wilson(0, 0).low, wilson(0, 0).high, wilson(0, 0).method) == (0.0, 1.0, "none")


def test_wilson_refuses_impossible_counts() -> None:
    with pytest.raises(ValueError, match="4 successes out of 3"):
        wilson(4, 3)


def test_bootstrap_is_reproducible_with_its_seed() -> None:
    values = np.random.default_rng(5).random(60).tolist()
    first = bootstrap_mean(values, seed=11)
    assert bootstrap_mean(values, seed=11) == first
    assert bootstrap_mean(values, seed=12) != first
    assert (first.resamples, first.seed, first.method) == (10_000, 11, "bootstrap-percentile")


def test_bootstrap_agrees_with_scipy_percentile_bootstrap() -> None:
    values = (np.random.default_rng(3).random(200) < 0.1).astype(float)
    ours = bootstrap_mean(values.tolist(), seed=0)
    theirs = scipy_stats.bootstrap(
        (values,), np.mean, method="percentile", n_resamples=10_000, random_state=1
    ).confidence_interval
    assert ours.low == pytest.approx(theirs.low, abs=0.01)
    assert ours.high == pytest.approx(theirs.high, abs=0.01)


def test_bootstrap_of_constant_values_has_no_width() -> None:
    estimate = bootstrap_mean([0.25] * 9)
    assert (estimate.value, estimate.low, estimate.high) == (0.25, 0.25, 0.25)


def test_paired_difference_of_identical_runs_is_exactly_zero() -> None:
    runs = [1.0, 0.0, 1.0, 0.0, 0.0]
    estimate = paired_bootstrap_difference(runs, runs, seed=4)
    assert (estimate.value, estimate.low, estimate.high) == (0.0, 0.0, 0.0)
    assert estimate.method == "paired-bootstrap-percentile"


def test_pairing_narrows_the_interval_of_a_shared_difficulty() -> None:
    rng = np.random.default_rng(9)
    hard = rng.random(300) < 0.5
    first = (~hard).astype(float)  # refutes every easy task
    second = first.copy()
    second[np.flatnonzero(first)[:6]] = 0.0  # and misses six of them
    paired = paired_bootstrap_difference(first.tolist(), second.tolist(), seed=0)
    assert paired.value == pytest.approx(6 / 300, abs=1e-4)
    separate = bootstrap_mean(first.tolist()).high - bootstrap_mean(first.tolist()).low
    assert paired.high - paired.low < separate / 3
    assert paired.low > 0


def test_paired_difference_refuses_unpaired_values() -> None:
    with pytest.raises(ValueError, match="3 values against 2"):
        paired_bootstrap_difference([1, 0, 1], [1, 0])


def test_estimate_describes_itself() -> None:
    estimate = Estimate(value=0.125, low=0.081, high=0.18, method="wilson", n=200)
    assert estimate.describe() == "12.5% [8.1%, 18.0%]"
    assert estimate.describe(percent=False) == "0.125 [0.081, 0.180]"
