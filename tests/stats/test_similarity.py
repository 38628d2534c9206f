"""Error similarity: 1 for identical runs, about 0 for independent ones, Cohen's kappa for
one attempt per task."""

from __future__ import annotations

import numpy as np
import pytest

from refute.stats import error_similarity


def cohen_kappa(a: list[int], b: list[int]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected)


def test_identical_runs_score_one_even_with_partial_success() -> None:
    rates = [0.0, 0.2, 0.6, 1.0, 0.0, 0.4]
    estimate = error_similarity(rates, rates)
    assert estimate is not None
    assert (estimate.value, estimate.low, estimate.high) == (1.0, 1.0, 1.0)


def test_one_attempt_per_task_is_cohens_kappa() -> None:
    a = [1, 1, 0, 0, 0, 1, 0, 0]
    b = [1, 0, 0, 0, 0, 1, 1, 0]
    estimate = error_similarity(a, b)
    assert estimate is not None
    assert estimate.value == pytest.approx(cohen_kappa(a, b), abs=1e-4)


def test_hand_computed_case() -> None:
    # observed agreement 4/5; rates 0.4 and 0.2; chance 0.56: (0.8 - 0.56) / 0.44
    estimate = error_similarity([1, 1, 0, 0, 0], [1, 0, 0, 0, 0])
    assert estimate is not None
    assert estimate.value == pytest.approx(0.24 / 0.44, abs=1e-4)


def test_independent_runs_score_about_zero() -> None:
    rng = np.random.default_rng(0)
    difficulty = rng.random(4000)
    first = (rng.random((4000, 5)) < difficulty[:, None]).mean(axis=1)
    other = rng.permutation(difficulty)  # the second run's hard tasks are unrelated
    second = (rng.random((4000, 5)) < other[:, None]).mean(axis=1)
    estimate = error_similarity(first.tolist(), second.tolist(), resamples=2000)
    assert estimate is not None
    assert abs(estimate.value) < 0.05
    assert estimate.low < 0 < estimate.high


def test_opposite_runs_score_minus_one() -> None:
    estimate = error_similarity([1, 0, 1, 0], [0, 1, 0, 1])
    assert estimate is not None
    assert estimate.value == -1.0


def test_undefined_when_no_run_tells_tasks_apart() -> None:
    assert error_similarity([0, 0, 0, 0], [0, 0, 0, 0]) is None


def test_seeded_interval_is_reproducible() -> None:
    rng = np.random.default_rng(2)
    a, b = rng.random(50).tolist(), rng.random(50).tolist()
    assert error_similarity(a, b, seed=3) == error_similarity(a, b, seed=3)
    assert error_similarity(a, b, seed=3) != error_similarity(a, b, seed=4)
