"""Confidence intervals: Wilson for a lone proportion, seeded percentile bootstraps over tasks.

The bootstrap resamples *tasks* (the unit the benchmark samples from the world of
problems), keeping every attempt of a resampled task together, so the interval covers the
choice of tasks and not only the randomness of attempts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import sqrt
from statistics import NormalDist

import numpy as np

from ._estimate import Estimate, rounded

RESAMPLES = 10_000
"""Bootstrap resamples by default: the percentile ends move by well under 0.5 points."""


def _z(level: float) -> float:
    if not 0 < level < 1:
        raise ValueError(f"confidence level {level}: must be between 0 and 1")
    return NormalDist().inv_cdf(0.5 + level / 2)


def wilson(successes: int, n: int, level: float = 0.95) -> Estimate:
    """The Wilson score interval of ``successes / n``.

    Right for one proportion of independent yes/no units (tasks refuted out of tasks): it
    stays inside [0, 1] and keeps its coverage near 0 and 1, where REFUTE's rates live.

    >>> e = wilson(0, 20)
    >>> (e.value, e.low, e.high)
    (0.0, 0.0, 0.1611)
    """
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"wilson: {successes} successes out of {n}")
    if n == 0:
        return Estimate(value=0.0, low=0.0, high=1.0, level=level, method="none", n=0)
    z = _z(level)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Estimate(
        value=rounded(p),
        low=rounded(max(0.0, centre - half)),
        high=rounded(min(1.0, centre + half)),
        level=level,
        method="wilson",
        n=n,
    )


CHUNK_CELLS = 4_000_000
"""Resampled indices drawn at once (32 MB): the bootstrap's memory stays bounded on big runs."""


def resampled(
    n: int, resamples: int, seed: int, statistic: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """``statistic`` of each of ``resamples`` draws of ``n`` indices with replacement.

    ``statistic`` maps an index array of shape (draws, n) to one value per draw. The draws
    come from one generator seeded with ``seed``, in chunks; the same seed gives the same
    values.
    """
    rng = np.random.default_rng(seed)
    per_chunk = max(1, CHUNK_CELLS // max(n, 1))
    parts = []
    for start in range(0, resamples, per_chunk):
        count = min(per_chunk, resamples - start)
        parts.append(statistic(rng.integers(0, n, size=(count, n))))
    return np.concatenate(parts)


def paired_arrays(
    first: Sequence[float], second: Sequence[float], what: str
) -> tuple[np.ndarray, np.ndarray]:
    """Two runs' values on the same tasks as float arrays; ``ValueError`` naming ``what``
    when they are not of one length."""
    a = np.asarray(first, dtype=float)
    b = np.asarray(second, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"{what}: {a.size} values against {b.size}")
    return a, b


def percentiles(stats: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(stats, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_estimate(
    value: float, draws: np.ndarray, n: int, *, level: float, method: str, resamples: int, seed: int
) -> Estimate:
    """``value`` with the percentile interval of its bootstrap ``draws`` over ``n`` tasks."""
    low, high = percentiles(draws, level)
    return Estimate(
        value=rounded(value),
        low=rounded(low),
        high=rounded(high),
        level=level,
        method=method,
        n=n,
        resamples=resamples,
        seed=seed,
    )


def bootstrap_mean(
    values: Sequence[float],
    *,
    level: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Estimate:
    """The mean of per-task values with a percentile bootstrap interval over tasks.

    ``values`` holds one number per task (its pass@k, its share of refuting attempts).
    The same ``seed`` gives the same interval.

    >>> e = bootstrap_mean([1.0, 0.0, 0.5, 0.5], seed=1)
    >>> e.value, e.method, e.resamples, e.seed
    (0.5, 'bootstrap-percentile', 10000, 1)
    """
    _z(level)
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return Estimate(value=0.0, low=0.0, high=1.0, level=level, method="none", n=0)
    return _mean_with_interval(data, level, "bootstrap-percentile", resamples, seed)


def paired_bootstrap_difference(
    first: Sequence[float],
    second: Sequence[float],
    *,
    level: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Estimate:
    """``mean(first) - mean(second)`` over the same tasks, with a paired bootstrap interval.

    Both sequences are indexed by the same tasks; each resample draws tasks and takes both
    runs' values of the drawn tasks, so what the two runs share (the hard tasks) cancels out
    and the interval is narrower than two separate intervals suggest.

    >>> paired_bootstrap_difference([1, 1, 0, 0], [1, 1, 0, 0]).model_dump(include={"value", "low", "high"})
    {'value': 0.0, 'low': 0.0, 'high': 0.0}
    """  # noqa: E501
    _z(level)
    a, b = paired_arrays(first, second, "paired bootstrap")
    if a.size == 0:
        return Estimate(value=0.0, low=-1.0, high=1.0, level=level, method="none", n=0)
    return _mean_with_interval(a - b, level, "paired-bootstrap-percentile", resamples, seed)


def _mean_with_interval(
    data: np.ndarray, level: float, method: str, resamples: int, seed: int
) -> Estimate:
    """The mean of ``data`` with the percentile interval of its bootstrap over tasks."""
    means = resampled(data.size, resamples, seed, lambda idx: data[idx].mean(axis=1))
    return bootstrap_estimate(
        data.mean(),
        means,
        int(data.size),
        level=level,
        method=method,
        resamples=resamples,
        seed=seed,
    )
