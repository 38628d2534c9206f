"""Benchmarks behind ``refute bench``: figures come from commands, never from timed tests."""

from ._runner import RunnerBench, bench_runner
from ._sandbox import SandboxBench, bench_sandbox

__all__ = ["RunnerBench", "SandboxBench", "bench_runner", "bench_sandbox"]
