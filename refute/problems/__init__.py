"""Problem packages on disk and the tasks they define.

A package is a directory ``problems/<problem-id>/`` (format: ``docs/problem-format.md``);
each incorrect submission in it is one task, ``<problem-id>/<name>``.

>>> problems = load_problems()                      # doctest: +SKIP
>>> task = problems.task("charged-pair/int-overflow")  # doctest: +SKIP
>>> task.problem.time_limit_ms, task.submission.bug    # doctest: +SKIP
(1000, 'integer overflow')
"""

from ._errors import LoadError, PackageError, ProblemsDirError, UnknownTaskError
from ._fuzz_records import write_fuzz_records
from ._loader import ProblemSet, default_problems_dir, load_problem, load_problems
from ._models import (
    CheckerSettings,
    Example,
    Fuzzability,
    FuzzBudget,
    FuzzRecord,
    IncorrectSubmission,
    Origin,
    Problem,
    Statement,
    Task,
)

__all__ = [
    "CheckerSettings",
    "Example",
    "FuzzBudget",
    "FuzzRecord",
    "Fuzzability",
    "IncorrectSubmission",
    "LoadError",
    "Origin",
    "PackageError",
    "Problem",
    "ProblemSet",
    "ProblemsDirError",
    "Statement",
    "Task",
    "UnknownTaskError",
    "default_problems_dir",
    "load_problem",
    "load_problems",
    "write_fuzz_records",
]
