"""The unbiased pass@k estimator and the k at which a summary reports it."""

from __future__ import annotations

from math import comb

REPORTED_K = (1, 5, 10, 25, 100)
"""The k a summary reports pass@k at (those up to the attempts per task)."""


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased pass@k estimator: 1 - C(n-c, k) / C(n, k) (Chen et al., 2021).

    The chance that at least one of k attempts drawn without replacement from n, of
    which c succeeded, is a success.

    >>> pass_at_k(5, 1, 1)
    0.2
    >>> pass_at_k(5, 0, 3), pass_at_k(5, 3, 3)
    (0.0, 1.0)
    """
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"pass@{k} with {c} successes out of {n}")
    if n - c < k:
        return 1.0
    total = comb(n, k)
    return (total - comb(n - c, k)) / total


def reported_ks(attempts: int) -> list[int]:
    """The k of ``REPORTED_K`` up to ``attempts``.

    pass@attempts itself is the success rate (tasks refuted by any attempt) when every task
    has all its attempts, so it is not repeated here.

    >>> reported_ks(1), reported_ks(12), reported_ks(100)
    ([1], [1, 5, 10], [1, 5, 10, 25, 100])
    """
    return [k for k in REPORTED_K if k <= attempts]
