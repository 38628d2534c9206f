"""``refute bench runner``: does the runner keep a slow model busy?

A local scripted server answers every model call after ``latency`` seconds. N
single-call attempts at model concurrency C ideally take ``N / C * latency`` seconds of
model time; the runner also judges every candidate in the sandbox. The same run against
a server that answers at once gives the sandbox's own share, so

    model_overhead_ratio = (wall_s - sandbox_only_s) / ideal_s

says how close to ideal the runner keeps the model busy (1.0 is perfect).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel

from ..agents import Budget, Candidate, TaskView, Toolbox
from ..judge import JudgeConfig
from ..models import Message
from ..problems import default_problems_dir, load_problems
from ..runner import RunConfig, run_benchmark
from ..testing import ModelServer, Reply, Request, Slow

BENCH_TASK = "charged-pair/two-largest"
"""A bundled starter task: small, quick to judge, always present."""


class OneCallAgent:
    """Asks the model once and submits the first example input (for benchmarks only)."""

    name: ClassVar[str] = "one-call"
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = True
    budget: ClassVar[Budget] = Budget()

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        assert tools.model is not None
        await tools.model.complete([Message.user(f"Refute {task.task_id}.")])
        return Candidate(input=task.examples[0].input)


class RunnerBench(BaseModel):
    """Figures from one ``refute bench runner`` run."""

    attempts: int
    model_concurrency: int
    latency_s: float
    wall_s: float
    sandbox_only_s: float
    ideal_s: float
    model_overhead_ratio: float
    within_target: bool
    """``wall_s <= 1.3 * ideal_s + sandbox_only_s``: the issue's acceptance line."""
    peak_concurrent_requests: int
    task: str


@contextmanager
def _environment(server: ModelServer, cache: str) -> Iterator[None]:
    names = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "REFUTE_CACHE_DIR")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(
        OPENAI_BASE_URL=server.openai_base_url,
        OPENAI_API_KEY=server.api_key,
        REFUTE_CACHE_DIR=cache,
    )
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _timed_run(server: ModelServer, latency: float, config: RunConfig, out: Path) -> float:
    def answer(request: Request) -> Slow:
        return Slow(seconds=latency, then=Reply(text="ok", input_tokens=100, output_tokens=10))

    server.respond_with(answer)
    started = time.perf_counter()
    asyncio.run(run_benchmark(config, out))
    return time.perf_counter() - started


def bench_runner(attempts: int = 100, concurrency: int = 32, latency: float = 1.0) -> RunnerBench:
    """Measure how well the runner overlaps model calls; see the module docstring."""
    task = load_problems().task(BENCH_TASK)
    with (
        tempfile.TemporaryDirectory(prefix="refute-bench-") as tmp,
        ModelServer() as server,
        _environment(server, tmp),
    ):
        config = RunConfig(
            agent=f"{__name__}:OneCallAgent",
            model="openai/bench-model",
            problems_dir=default_problems_dir(),
            problems=task.id,
            include_fuzzable=True,  # the task measured, whatever the fuzz baseline found
            attempts=attempts,
            model_concurrency=concurrency,
            no_cache=True,
            judge=JudgeConfig(runs=1),  # keep the sandbox's share small and steady
        )
        # warm-up: compile the task's programs so neither measurement pays for it
        _timed_run(server, 0.0, config.model_copy(update={"attempts": 1}), Path(tmp, "warm"))
        sandbox_only = _timed_run(server, 0.0, config, Path(tmp, "instant"))
        wall = _timed_run(server, latency, config, Path(tmp, "slow"))
        peak = server.peak_concurrency
    ideal = attempts / concurrency * latency
    return RunnerBench(
        attempts=attempts,
        model_concurrency=concurrency,
        latency_s=latency,
        wall_s=round(wall, 3),
        sandbox_only_s=round(sandbox_only, 3),
        ideal_s=round(ideal, 3),
        model_overhead_ratio=round((wall - sandbox_only) / ideal, 3),
        within_target=wall <= 1.3 * ideal + sandbox_only,
        peak_concurrent_requests=peak,
        task=task.id,
    )
