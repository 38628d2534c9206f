"""``Estimate``: a figure with its confidence interval and how that interval was made."""

from __future__ import annotations

from pydantic import BaseModel


class Estimate(BaseModel):
    """A point estimate and its confidence interval, as ``summary.json`` stores every rate.

    Args:
        value: the point estimate (a rate in [0, 1], or a difference in [-1, 1]).
        low: lower end of the interval.
        high: upper end of the interval.
        level: confidence level of the interval (0.95).
        method: ``wilson``, ``bootstrap-percentile``, ``paired-bootstrap-percentile``, or
            ``none`` when there is nothing to resample (no tasks).
        n: how many units (tasks) the estimate is over.
        resamples: bootstrap resamples, for the bootstrap methods.
        seed: the bootstrap's seed, for the bootstrap methods.

    Example::

        >>> from refute.stats import wilson
        >>> wilson(3, 10).model_dump(exclude_none=True)  # doctest: +NORMALIZE_WHITESPACE
        {'value': 0.3, 'low': 0.1078, 'high': 0.6032, 'level': 0.95, 'method': 'wilson', 'n': 10}
    """

    value: float
    low: float
    high: float
    level: float = 0.95
    method: str
    n: int
    resamples: int | None = None
    seed: int | None = None

    def describe(self, percent: bool = True) -> str:
        """``12.5% [8.1%, 18.0%]`` (or with ``percent=False``, ``0.125 [0.081, 0.180]``)."""
        if percent:
            return f"{self.value:.1%} [{self.low:.1%}, {self.high:.1%}]"
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


DIGITS = 4
"""Decimal places kept in stored figures: enough for rates over thousands of tasks."""


def rounded(value: float) -> float:
    return round(float(value), DIGITS)
