"""Benchmark runs: jobs of (task, attempt), judged, recorded in a resumable run directory."""

from ..stats import pass_at_k  # where it lived before refute.stats
from ._config import Provenance, RunConfig, RunFile, problem_hashes, problem_set_hash
from ._faults import InfrastructureError
from ._minimize import minimize
from ._records import INPUT_CAP, AttemptLog, AttemptRecord, FaultOf, Outcome, fault_of
from ._repeats import (
    RepeatsPlan,
    RepeatsSummary,
    Spread,
    is_repeats_dir,
    repeat_seed,
    resume_repeats,
    run_repeats,
)
from ._runner import Progress, RunDirError, attempt_seed, load_run_config, run_benchmark
from ._selector import FuzzSelection, SelectorError, fair_selection, select_tasks
from ._summary import (
    AttemptSpread,
    Bucket,
    Summary,
    TaskOutcome,
    latest_records,
    pass_at_k_estimates,
    rating_bucket,
    summarize,
    task_outcomes,
)

__all__ = [
    "INPUT_CAP",
    "AttemptLog",
    "AttemptRecord",
    "AttemptSpread",
    "Bucket",
    "FaultOf",
    "FuzzSelection",
    "InfrastructureError",
    "Outcome",
    "Progress",
    "Provenance",
    "RepeatsPlan",
    "RepeatsSummary",
    "RunConfig",
    "RunDirError",
    "RunFile",
    "SelectorError",
    "Spread",
    "Summary",
    "TaskOutcome",
    "attempt_seed",
    "fair_selection",
    "fault_of",
    "is_repeats_dir",
    "latest_records",
    "load_run_config",
    "minimize",
    "pass_at_k",
    "pass_at_k_estimates",
    "problem_hashes",
    "problem_set_hash",
    "rating_bucket",
    "repeat_seed",
    "resume_repeats",
    "run_benchmark",
    "run_repeats",
    "select_tasks",
    "summarize",
    "task_outcomes",
]
