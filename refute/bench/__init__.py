"""Benchmarks behind ``refute bench``: figures come from commands, never from timed tests."""

from ._cluster import BENCH_PROBLEMS, ClusterBench, bench_cluster
from ._hack import HackBench, TaskFigures, bench_hack
from ._import import ImportBench, bench_import
from ._runner import RunnerBench, bench_runner
from ._sandbox import SandboxBench, bench_sandbox

__all__ = [
    "BENCH_PROBLEMS",
    "ClusterBench",
    "HackBench",
    "ImportBench",
    "RunnerBench",
    "SandboxBench",
    "TaskFigures",
    "bench_cluster",
    "bench_hack",
    "bench_import",
    "bench_runner",
    "bench_sandbox",
]
