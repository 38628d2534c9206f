"""Benchmark runs: jobs of (task, attempt), judged, recorded in a resumable run directory."""

from ._config import Provenance, RunConfig, RunFile, problem_set_hash
from ._faults import InfrastructureError
from ._minimize import minimize
from ._records import INPUT_CAP, AttemptLog, AttemptRecord, FaultOf, Outcome, fault_of
from ._runner import Progress, RunDirError, attempt_seed, load_run_config, run_benchmark
from ._selector import SelectorError, select_tasks
from ._summary import Bucket, Summary, pass_at_k, summarize

__all__ = [
    "INPUT_CAP",
    "AttemptLog",
    "AttemptRecord",
    "Bucket",
    "FaultOf",
    "InfrastructureError",
    "Outcome",
    "Progress",
    "Provenance",
    "RunConfig",
    "RunDirError",
    "RunFile",
    "SelectorError",
    "Summary",
    "attempt_seed",
    "fault_of",
    "load_run_config",
    "minimize",
    "pass_at_k",
    "problem_set_hash",
    "run_benchmark",
    "select_tasks",
    "summarize",
]
