"""Benchmarks behind ``refute bench``: figures come from commands, never from timed tests."""

from ._sandbox import SandboxBench, bench_sandbox

__all__ = ["SandboxBench", "bench_sandbox"]
