"""Chance-adjusted error similarity of two runs, from per-task success probabilities.

See ``docs/statistics.md`` for the definition and why this one. In short: each run gives
every common task a success probability (its share of refuting attempts). Observed
agreement is ``1 - mean_i (p_i - q_i)^2``; the agreement expected by chance is the same
quantity with the second run's tasks paired at random, ``1 - mean_{i,j} (p_i - q_j)^2``;
the similarity is ``(observed - expected) / (1 - expected)``. With one attempt per task
this is Cohen's kappa on refuted / not refuted; identical runs score 1 and runs that fail
independently of each other score about 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._estimate import Estimate
from ._intervals import RESAMPLES, bootstrap_estimate, paired_arrays, resampled


def _kappa(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Row-wise similarity of p and q (2-D: one row per resample); NaN where undefined."""
    observed_gap = ((p - q) ** 2).mean(axis=-1)
    chance_gap = (p**2).mean(axis=-1) + (q**2).mean(axis=-1) - 2 * p.mean(axis=-1) * q.mean(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        # (observed - expected) / (1 - expected) with agreement = 1 - gap
        result = 1 - observed_gap / chance_gap
    return np.where(chance_gap > 1e-12, result, np.nan)


def error_similarity(
    first: Sequence[float],
    second: Sequence[float],
    *,
    level: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Estimate | None:
    """The chance-adjusted error similarity of two runs on the same tasks, with a
    percentile bootstrap interval over tasks; ``None`` when it is undefined (both runs give
    every task the same probability, e.g. both refute nothing: there are no differences
    between tasks to agree on).

    >>> error_similarity([1, 0, 0, 1], [1, 0, 0, 1]).value
    1.0
    >>> error_similarity([1, 1, 0, 0], [1, 0, 1, 0]).value
    0.0
    >>> error_similarity([0, 0, 0], [0, 0, 0]) is None
    True
    """
    p, q = paired_arrays(first, second, "error similarity")
    if p.size == 0:
        return None
    value = float(_kappa(p[None, :], q[None, :])[0])
    if np.isnan(value):
        return None
    draws = resampled(p.size, resamples, seed, lambda idx: _kappa(p[idx], q[idx]))
    draws = draws[~np.isnan(draws)]
    return bootstrap_estimate(
        value,
        draws if draws.size else np.array([value]),  # no finite draw: a point interval
        int(p.size),
        level=level,
        method="paired-bootstrap-percentile",
        resamples=resamples,
        seed=seed,
    )
