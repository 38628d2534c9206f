"""Benchmarks behind ``refute bench``: figures come from commands, never from timed tests."""

from ._hack import HackBench, TaskFigures, bench_hack
from ._import import ImportBench, bench_import
from ._runner import RunnerBench, bench_runner
from ._sandbox import SandboxBench, bench_sandbox

__all__ = [
    "HackBench",
    "ImportBench",
    "RunnerBench",
    "SandboxBench",
    "TaskFigures",
    "bench_hack",
    "bench_import",
    "bench_runner",
    "bench_sandbox",
]
