"""Benchmarks behind ``refute bench``: figures come from commands, never from timed tests."""

from ._hack import HackBench, TaskFigures, bench_hack
from ._runner import RunnerBench, bench_runner
from ._sandbox import SandboxBench, bench_sandbox

__all__ = [
    "HackBench",
    "RunnerBench",
    "SandboxBench",
    "TaskFigures",
    "bench_hack",
    "bench_runner",
    "bench_sandbox",
]
