"""Statistics for numbers one can publish: intervals, paired comparisons, similarity.

Every rate ``refute`` reports is an ``Estimate`` (value, interval, level, method).

Example::

    from refute.stats import wilson, bootstrap_mean, paired_bootstrap_difference
    wilson(7, 80).describe()                     # '8.8% [4.3%, 17.0%]'
    bootstrap_mean([0.2, 0.0, 1.0], seed=0)      # pass@k over tasks, seeded
    paired_bootstrap_difference(a, b, seed=0)    # a - b on the same tasks
    mcnemar_exact(only_a, only_b).p_value
    newcombe_paired_difference(both, only_a, only_b, neither)  # paired yes/no rates
    error_similarity(p_a, p_b)                   # 1 identical, ~0 independent
"""

from ._estimate import Estimate
from ._intervals import RESAMPLES, bootstrap_mean, paired_bootstrap_difference, wilson
from ._paired import newcombe_paired_difference
from ._passk import REPORTED_K, pass_at_k, reported_ks
from ._similarity import error_similarity
from ._tests import McNemar, mcnemar_exact

__all__ = [
    "REPORTED_K",
    "RESAMPLES",
    "Estimate",
    "McNemar",
    "bootstrap_mean",
    "error_similarity",
    "mcnemar_exact",
    "newcombe_paired_difference",
    "paired_bootstrap_difference",
    "pass_at_k",
    "reported_ks",
    "wilson",
]
