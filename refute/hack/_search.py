"""A parallel stress search: one loop per worker, seeds handed out in chunks.

Each worker asks for a chunk of seeds, runs the whole chunk inside one sandbox container
(``SandboxPool.stress``, or ``generate`` + ``compare`` when the generator is a model's),
and reports back; the chunk size adapts so that a chunk takes about
``CHUNK_SECONDS``: long enough that the host's share of the work is negligible, short
enough that the other workers stop soon after one of them finds a counterexample. A
chunk is never cancelled half way (its container would answer a request nobody awaits):
workers stop between chunks.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..judge import JudgeResult
from ..sandbox import (
    Limits,
    Program,
    RunResult,
    SandboxPool,
    StressOutcome,
    StressResult,
)
from ._models import HackBudget, HackError, SearchStats

CHUNK_SECONDS = 0.4
"""Target wall time of one chunk of tests."""

FIRST_CHUNK = 4
"""Seeds in a worker's first chunk, before its rate is known."""

HOPELESS_AFTER = 40
"""Tests after which a search in which no test counted (all skipped or invalid) stops."""


class Source(Protocol):
    """Runs tests for seeds ``seed+1 .. seed+count`` until the first difference."""

    async def chunk(self, seed: int, count: int, seconds: float) -> StressResult: ...


@dataclass(frozen=True)
class Comparison:
    """What every source does with its inputs: the solution against the brute, each input
    checked by the validator (when there is one) first, under the judge's limits."""

    solution: Program
    brute: Program
    validator: Program | None
    limits: Limits


@dataclass
class StressSource:
    """Generator, solution and brute in one container per chunk (``SandboxPool.stress``)."""

    pool: SandboxPool
    generator: Program
    comparison: Comparison

    async def chunk(self, seed: int, count: int, seconds: float) -> StressResult:
        compared = self.comparison
        return await self.pool.stress(
            self.generator,
            compared.solution,
            compared.brute,
            validator=compared.validator,
            limits=compared.limits,
            max_iterations=count,
            time_s=seconds,
            seed=seed,
        )


async def _compare(
    pool: SandboxPool, inputs: list[str], seed: int, seconds: float, compared: Comparison
) -> StressResult:
    """The solution against the brute on ``inputs``, made from seeds ``seed + 1``,
    ``seed + 2``, ...: the result names the seed of the first difference."""
    result = await pool.compare(
        inputs,
        compared.solution,
        compared.brute,
        validator=compared.validator,
        limits=compared.limits,
        time_s=seconds,
    )
    if result.index is not None:
        result = result.model_copy(update={"seed": seed + result.index + 1})
    return result


@dataclass
class InputSource:
    """Inputs made on the host, one per seed, compared in the judge pool."""

    pool: SandboxPool
    make: Callable[[int], str]
    comparison: Comparison

    async def chunk(self, seed: int, count: int, seconds: float) -> StressResult:
        inputs = [self.make(seed + offset) for offset in range(1, count + 1)]
        return await _compare(self.pool, inputs, seed, seconds, self.comparison)


@dataclass
class SplitSource:
    """A generator not to be trusted (a model's) in the untrusted pool; the solution,
    brute and validator in the judge pool, on the inputs it printed."""

    untrusted: SandboxPool
    judge: SandboxPool
    generator: Program
    comparison: Comparison

    async def chunk(self, seed: int, count: int, seconds: float) -> StressResult:
        started = time.monotonic()
        batch = await self.untrusted.generate(
            self.generator, count, limits=self.comparison.limits, time_s=seconds, seed=seed
        )
        if batch.compile_error is not None:
            return StressResult(
                outcome=StressOutcome.COMPILE_ERROR, compile_error=batch.compile_error
            )
        result = StressResult(outcome=StressOutcome.NOT_FOUND)
        if batch.inputs:
            left = max(seconds - (time.monotonic() - started), 1.0)
            result = await _compare(self.judge, batch.inputs, seed, left, self.comparison)
        if result.outcome is StressOutcome.NOT_FOUND and batch.failed is not None:
            failed_seed = seed + len(batch.inputs) + 1
            return result.model_copy(
                update={
                    "outcome": StressOutcome.GENERATOR_FAILED,
                    "generator": batch.failed,
                    "seed": failed_seed,
                }
            )
        return result


class Stop(HackError):
    """The search cannot go on: ``message`` says which program is at fault."""


@dataclass
class Found:
    """A confirmed counterexample: the input, its seed, and the judge's verdict on it."""

    input: str
    seed: int | None
    verdict: JudgeResult


@dataclass
class Search:
    """One search over ``sources`` (one per worker), until a confirmed counterexample.

    ``confirm(text)`` judges a difference found by token comparison for real (validator,
    checker, tolerance) and returns the ``REFUTED`` verdict, or ``None`` when the
    difference does not count. ``on_progress(stats)`` is called after every chunk.
    """

    sources: Sequence[Source]
    budget: HackBudget
    seed: int
    confirm: Callable[[str], Awaitable[JudgeResult | None]]
    on_progress: Callable[[SearchStats], None] = lambda stats: None
    stats: SearchStats = field(default_factory=SearchStats)
    found: Found | None = None
    stop: Stop | None = None
    failure: StressResult | None = None
    """The chunk result that stopped the search (generator failure, compile error)."""
    _next_seed: int = 0
    _started: float = 0.0
    _claimed: int = 0

    async def run(self) -> SearchStats:
        self._next_seed = self.seed
        self._started = time.monotonic()
        base = self.stats.model_copy()
        await asyncio.gather(*(self._worker(source, base) for source in self.sources))
        return self.stats

    def _done(self) -> bool:
        return self.found is not None or self.stop is not None or self.failure is not None

    def _left(self) -> float:
        if self.budget.seconds is None:
            return float("inf")
        return self.budget.seconds - (time.monotonic() - self._started)

    def _claim(self, wanted: int) -> tuple[int, int]:
        count = wanted
        if self.budget.tests is not None:
            count = min(count, self.budget.tests - self._claimed)
        start = self._next_seed
        self._next_seed += count
        self._claimed += count
        return start, count

    async def _worker(self, source: Source, base: SearchStats) -> None:
        size = FIRST_CHUNK
        while not self._done() and self._left() > 0:
            start, count = self._claim(size)
            if count <= 0:
                return
            began = time.monotonic()
            result = await source.chunk(start, count, min(self._left(), 3600.0))
            took = time.monotonic() - began
            self._count(result, base)
            if result.outcome is StressOutcome.FOUND and result.input is not None:
                if self.found is None:
                    verdict = await self.confirm(result.input)
                    if verdict is None:
                        self.stats.accepted += 1
                    elif self.found is None:
                        self.found = Found(result.input, result.seed, verdict)
                        self.stats.found_seconds = base.seconds + time.monotonic() - self._started
                # a difference ends the chunk early: the rest of its seeds go untried
            elif result.outcome in (StressOutcome.GENERATOR_FAILED, StressOutcome.COMPILE_ERROR):
                self.failure = self.failure or result
            self._check_hopeless(base)
            self.on_progress(self.stats)
            if result.iterations:
                per_test = took / result.iterations
                size = max(1, min(int(CHUNK_SECONDS / max(per_test, 1e-4)), 4096))

    def _count(self, result: StressResult, base: SearchStats) -> None:
        stats = self.stats
        stats.tests += result.iterations
        stats.skipped += result.skipped
        stats.invalid += result.invalid
        stats.seconds = base.seconds + (time.monotonic() - self._started)

    def _check_hopeless(self, base: SearchStats) -> None:
        """Stop when no test of this search counted (the validator rejected, or the brute
        did not finish, every one of them) after ``HOPELESS_AFTER`` tests."""
        tests = self.stats.tests - base.tests
        invalid = self.stats.invalid - base.invalid
        skipped = self.stats.skipped - base.skipped
        if self.found is not None or tests < HOPELESS_AFTER or skipped + invalid < tests:
            return
        if invalid == tests:
            self.stop = Stop(f"the validator rejected all {tests} tests")
        elif skipped == tests:
            self.stop = Stop(f"the brute did not finish OK on any of {tests} tests")
        else:
            self.stop = Stop(
                f"no test counted in {tests}: {invalid} rejected by the validator, "
                f"{skipped} on which the brute did not finish OK"
            )


def describe_run(run: RunResult) -> str:
    """``RUNTIME_ERROR (exit code 1): <stderr>`` in one line."""
    said = " ".join(run.stderr.strip().split())[-300:]
    return run.describe() + (f": {said}" if said else "")
