"""Benchmark runs: jobs of (task, attempt), judged, recorded in a resumable run directory."""

from ._config import Provenance, RunConfig, RunFile, problem_set_hash
from ._minimize import minimize
from ._records import INPUT_CAP, AttemptLog, AttemptRecord, Outcome
from ._runner import Progress, RunDirError, attempt_seed, load_run_config, run_benchmark
from ._selector import FuzzSelection, SelectorError, fair_selection, select_tasks
from ._summary import Bucket, Summary, pass_at_k, summarize

__all__ = [
    "INPUT_CAP",
    "AttemptLog",
    "AttemptRecord",
    "Bucket",
    "FuzzSelection",
    "Outcome",
    "Progress",
    "Provenance",
    "RunConfig",
    "RunDirError",
    "RunFile",
    "SelectorError",
    "Summary",
    "attempt_seed",
    "fair_selection",
    "load_run_config",
    "minimize",
    "pass_at_k",
    "problem_set_hash",
    "run_benchmark",
    "select_tasks",
    "summarize",
]
