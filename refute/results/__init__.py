"""Runs read back, compared and ranked: what ``refute compare``, ``refute leaderboard`` and
the report are made from.

Example::

    from refute.results import compare, leaderboard, load_run
    a, b = load_run(Path("runs/a")), load_run(Path("runs/b"))
    pair = compare([a, b]).pairs[0]
    print(pair.common_tasks, pair.difference.describe(), pair.mcnemar.p_value)
    print(leaderboard([a, b]).to_markdown())
"""

from ._compare import Comparison, PairComparison, compare
from ._errors import ResultsError
from ._leaderboard import Leaderboard, LeaderboardRow, leaderboard
from ._run import Run, dump, load_run, load_runs

__all__ = [
    "Comparison",
    "Leaderboard",
    "LeaderboardRow",
    "PairComparison",
    "ResultsError",
    "Run",
    "compare",
    "dump",
    "leaderboard",
    "load_run",
    "load_runs",
]
