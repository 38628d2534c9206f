"""Problem packages on disk and the tasks they define.

A package is a directory ``problems/<problem-id>/`` (format: ``docs/problem-format.md``);
each incorrect submission in it is one task, ``<problem-id>/<name>``.

>>> problems = load_problems()                      # the bundled set
>>> task = problems.task("charged-pair/int-overflow")
>>> task.problem.time_limit_ms, task.submission.bug
(1000, 'integer overflow')
"""

from ._draft import PackageDraft, SourceFile, SubmissionDraft, package_id
from ._errors import LoadError, PackageError, ProblemsDirError, UnknownTaskError
from ._fuzz_records import write_fuzz_records
from ._loader import (
    JUDGE_PROGRAM_LANGUAGES,
    ProblemSet,
    default_problems_dir,
    load_problem,
    load_problems,
)
from ._models import (
    CheckerSettings,
    Example,
    Fuzzability,
    FuzzBudget,
    FuzzRecord,
    IncorrectSubmission,
    Origin,
    Problem,
    ProblemMetadata,
    Statement,
    SubmissionNotes,
    Task,
)

__all__ = [
    "JUDGE_PROGRAM_LANGUAGES",
    "CheckerSettings",
    "Example",
    "FuzzBudget",
    "FuzzRecord",
    "Fuzzability",
    "IncorrectSubmission",
    "LoadError",
    "Origin",
    "PackageDraft",
    "PackageError",
    "Problem",
    "ProblemMetadata",
    "ProblemSet",
    "ProblemsDirError",
    "SourceFile",
    "Statement",
    "SubmissionDraft",
    "SubmissionNotes",
    "Task",
    "UnknownTaskError",
    "default_problems_dir",
    "load_problem",
    "load_problems",
    "package_id",
    "write_fuzz_records",
]
