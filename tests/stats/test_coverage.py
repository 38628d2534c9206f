"""The 95% intervals cover the true rate about 95% of the time at REFUTE's scale.

Run with ``-s`` to see the measured coverage (docs/statistics.md quotes it).
"""

from __future__ import annotations

import numpy as np
import pytest

from refute.stats import bootstrap_mean, wilson

TASKS, RATE, BENCHMARKS = 324, 0.086, 1000


@pytest.mark.slow
def test_wilson_and_bootstrap_cover_at_refute_scale() -> None:
    rng = np.random.default_rng(2026)
    covered = {"wilson": 0, "bootstrap": 0}
    for trial in range(BENCHMARKS):
        refuted = (rng.random(TASKS) < RATE).astype(float)
        w = wilson(int(refuted.sum()), TASKS)
        b = bootstrap_mean(refuted.tolist(), seed=trial, resamples=2000)
        covered["wilson"] += w.low <= RATE <= w.high
        covered["bootstrap"] += b.low <= RATE <= b.high
    coverage = {name: hits / BENCHMARKS for name, hits in covered.items()}
    print(f"coverage over {BENCHMARKS} benchmarks of {TASKS} tasks at {RATE}: {coverage}")
    # 1000 benchmarks: the binomial sd of a 95% coverage is 0.7 points
    assert all(0.93 <= value <= 0.97 for value in coverage.values()), coverage
