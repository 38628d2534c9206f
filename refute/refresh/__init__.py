"""Periodic refresh of the problem set from Codeforces (``refute problems refresh``).

New finished contests are read through the Codeforces API; for each problem, an
incorrect submission (hacked, or wrong on the final tests) becomes a task when it passes
the gates: a faithful reference (an accepted submission that reproduces the jury's
answers), a validator (drafted by a model and checked against valid and mutated invalid
inputs), our judge refuting it with a hack test, ``refute problems check`` passing, and
the fuzz baseline not finding a counterexample. See ``docs/refresh.md``.

Example::

    import asyncio, datetime
    from pathlib import Path
    from refute.refresh import RefreshConfig, refresh

    config = RefreshConfig(since=datetime.date(2026, 6, 1), out=Path("problems"),
                           model="openai/gpt-4.1")
    report = asyncio.run(refresh(config))
    print(report.summary())          # "2 new, 1 pending, 9 skipped"
"""

from ..errors import RefreshError
from ._api import (
    CODEFORCES_URL,
    USER_AGENT,
    CfProblem,
    CfSubmission,
    ClientStats,
    CodeforcesClient,
    CodeforcesError,
    Contest,
    Hack,
)
from ._markdown import to_markdown
from ._package import FuzzResult, PackageProvenance, RefreshDraft
from ._pages import (
    PageError,
    PageExample,
    ProblemPage,
    parse_problem_page,
    parse_submission_page,
    several_answers,
    tolerance,
)
from ._pipeline import (
    CACHE_DIR,
    PENDING_DIR,
    STATE_FILE,
    RefreshConfig,
    refresh,
)
from ._ranking import (
    HackTest,
    RankedSubmission,
    Ranking,
    hack_tests,
    jury_answer,
    rank_accepted,
    rank_incorrect,
)
from ._report import REFRESH_REPORT_FILE, RefreshOutcome, RefreshReport, ReportEntry
from ._state import Decision, RefreshState, StateError, StateFile
from ._validator import Mutation, ValidatorResult, draft_validator, extract_code, mutations

__all__ = [
    "CACHE_DIR",
    "CODEFORCES_URL",
    "PENDING_DIR",
    "REFRESH_REPORT_FILE",
    "STATE_FILE",
    "USER_AGENT",
    "CfProblem",
    "CfSubmission",
    "ClientStats",
    "CodeforcesClient",
    "CodeforcesError",
    "Contest",
    "Decision",
    "FuzzResult",
    "Hack",
    "HackTest",
    "Mutation",
    "PackageProvenance",
    "PageError",
    "PageExample",
    "ProblemPage",
    "RankedSubmission",
    "Ranking",
    "RefreshConfig",
    "RefreshDraft",
    "RefreshError",
    "RefreshOutcome",
    "RefreshReport",
    "RefreshState",
    "ReportEntry",
    "StateError",
    "StateFile",
    "ValidatorResult",
    "draft_validator",
    "extract_code",
    "hack_tests",
    "jury_answer",
    "mutations",
    "parse_problem_page",
    "parse_submission_page",
    "rank_accepted",
    "rank_incorrect",
    "refresh",
    "several_answers",
    "to_markdown",
    "tolerance",
]
