"""Runs read back, compared and ranked: what ``refute compare``, ``refute leaderboard`` and
the report are made from.

Example::

    from refute.results import compare, leaderboard, load_run
    a, b = load_run(Path("runs/a")), load_run(Path("runs/b"))
    pair = compare([a, b]).pairs[0]
    print(pair.common_tasks, pair.difference.describe(), pair.mcnemar.p_value)
    print(leaderboard([a, b]).to_markdown())
    print(gap(load_run(Path("runs/solve")), a).gap.describe())  # solved - refuted
"""

from ._compare import Comparison, PairComparison, compare
from ._errors import ResultsError
from ._gap import FourWay, Gap, GapGroup, gap, is_solve_run
from ._leaderboard import Leaderboard, LeaderboardRow, leaderboard
from ._run import Run, dump, load_run, load_runs

__all__ = [
    "Comparison",
    "FourWay",
    "Gap",
    "GapGroup",
    "Leaderboard",
    "LeaderboardRow",
    "PairComparison",
    "ResultsError",
    "Run",
    "compare",
    "dump",
    "gap",
    "is_solve_run",
    "leaderboard",
    "load_run",
    "load_runs",
]
