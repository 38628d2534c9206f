"""Evaluating predictions: run each attempt's programs, judge the input they produce."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..judge import Judge, JudgeConfig, JudgeResult, Verdict
from ..problems import Task
from ..sandbox import Limits, RunStatus, Sandbox, StressOutcome, printable_text

# Used as a module: a second list of its names here would repeat the package's __init__.
from . import _results
from ._predictions import Attempt, Method, Prediction


class EvalConfig(BaseModel):
    """How predictions are evaluated.

    Args:
        judge: the judge's rules (mode, runs per input, time factor).
        search_seconds: the random search's budget per attempt (default 60, as REFUTE).
        generator_limits: limits for a ``standard`` attempt's ``generate_inp`` (default
            20 s CPU, as REFUTE's per-run limit, and 1 GiB).
        search_generator_limits: limits per generator run inside a search (default 5 s).
        concurrency: attempts evaluated at once (default: the judge pool's size).
    """

    model_config = ConfigDict(frozen=True)

    judge: JudgeConfig = JudgeConfig()
    search_seconds: float = Field(default=60.0, gt=0)
    generator_limits: Limits = Limits(cpu_ms=20_000, wall_ms=30_000, memory_mb=1024)
    search_generator_limits: Limits = Limits(cpu_ms=5_000, memory_mb=1024)
    concurrency: int | None = Field(default=None, ge=1)


def excerpt(text: str, limit: int) -> str:
    text = printable_text(text.strip())  # program bytes that are not UTF-8 as \xNN
    return text if len(text) <= limit else text[:limit] + " [...]"


AttemptCallback = Callable[[int, int, _results.AttemptVerdict], None]
"""Called as ``(prediction_index, attempt_index, verdict)`` when an attempt finishes."""


class Evaluator:
    """Evaluates REFUTE predictions in a sandbox.

    Model-written programs (``generate_inp``, ``solve_brute``) run only in the untrusted
    pool; the input they produce is judged by a ``Judge`` in the judge pool. A
    ``randsearch_oracle`` search runs the reference solution in the untrusted pool too,
    but only to find a candidate: the verdict always comes from the judge. The package's
    docstring has an example.
    """

    def __init__(self, sandbox: Sandbox, config: EvalConfig | None = None):
        self.sandbox = sandbox
        self.config = config or EvalConfig()
        self.judge = Judge(sandbox.judge, self.config.judge)

    async def evaluate(
        self,
        predictions: list[Prediction],
        tasks: list[Task],
        *,
        out: Path | None = None,
        on_attempt: AttemptCallback | None = None,
    ) -> list[_results.PredictionResult]:
        """Evaluate every attempt of every prediction, concurrently.

        ``tasks[i]`` is the task of ``predictions[i]`` (see ``resolve_tasks``). With
        ``out``, the results file is rewritten each time a prediction's last attempt
        finishes, holding every finished prediction in input order; so an interrupted
        evaluation keeps what it judged. A crash inside one attempt is recorded as a
        ``JUDGE_ERROR`` for that attempt and the others go on.
        """
        if len(tasks) != len(predictions):
            raise ValueError("need exactly one task per prediction")
        slots: list[list[_results.AttemptVerdict | None]] = [
            [None] * len(p.attempts) for p in predictions
        ]
        limit = asyncio.Semaphore(self.config.concurrency or self.sandbox.judge.size)

        def finished() -> list[_results.PredictionResult]:
            return [
                _results.PredictionResult(
                    problem_id=prediction.problem_id,
                    task_id=task.id,
                    method=prediction.method,
                    verdicts=[v for v in verdicts if v is not None],
                )
                for prediction, task, verdicts in zip(predictions, tasks, slots, strict=True)
                if all(v is not None for v in verdicts)
            ]

        async def one(i: int, j: int) -> None:
            async with limit:
                verdict = await self.attempt(
                    tasks[i], predictions[i].method, predictions[i].attempts[j]
                )
            slots[i][j] = verdict
            if on_attempt is not None:
                on_attempt(i, j, verdict)
            if out is not None and all(v is not None for v in slots[i]):
                _results.write_results(out, finished())

        jobs = [
            one(i, j)
            for i, prediction in enumerate(predictions)
            for j in range(len(prediction.attempts))
        ]
        await asyncio.gather(*jobs)
        results = finished()
        if out is not None:
            _results.write_results(out, results)
        return results

    async def attempt(
        self, task: Task, method: Method, attempt: Attempt
    ) -> _results.AttemptVerdict:
        """Evaluate one attempt; never raises (a crash becomes a ``JUDGE_ERROR`` verdict)."""
        started = time.monotonic()
        timings = _results.AttemptTimings()
        try:
            if method is Method.STANDARD:
                verdict = await self._standard(task, attempt, timings)
            else:
                verdict = await self._search(task, method, attempt, timings)
        except Exception as error:  # one attempt's crash must not lose the others
            verdict = _results.AttemptVerdict(
                success=False,
                stage=_results.AttemptStage.JUDGE,
                verdict=Verdict.JUDGE_ERROR,
                info=f"JUDGE_ERROR: evaluation crashed: {type(error).__name__}: {error}",
                mode=self.config.judge.mode,
                task_id=task.id,
                timings=timings,
            )
        timings.total_ms = (time.monotonic() - started) * 1000.0
        return verdict

    async def _standard(
        self, task: Task, attempt: Attempt, timings: _results.AttemptTimings
    ) -> _results.AttemptVerdict:
        run = await self.sandbox.untrusted.run(
            attempt.generate_inp.program(), "", self.config.generator_limits
        )
        timings.generate_ms = run.wall_ms
        if not run.ok:
            what = (
                "does not compile"
                if run.status is RunStatus.COMPILE_ERROR
                else f"failed: {run.describe()}"
            )
            said = excerpt(run.stderr, 300)
            return self._without_input(
                task,
                _results.AttemptStage.GENERATE,
                timings,
                f"generate_inp {what}" + (f": {said}" if said else ""),
            )
        return await self._judged(task, run.stdout, timings)

    async def _search(
        self, task: Task, method: Method, attempt: Attempt, timings: _results.AttemptTimings
    ) -> _results.AttemptVerdict:
        problem = task.problem
        if method is Method.RANDSEARCH_ORACLE:
            trusted = problem.reference
        else:
            assert attempt.solve_brute is not None  # parse_predictions guarantees it
            trusted = attempt.solve_brute.program()
        result = await self.sandbox.untrusted.stress(
            attempt.generate_inp.program(),
            task.submission.program,
            trusted,
            limits=self.judge.config.limits(problem),
            generator_limits=self.config.search_generator_limits,
            time_s=self.config.search_seconds,
        )
        timings.search_ms = result.elapsed_ms
        summary = _results.SearchSummary(
            outcome=result.outcome,
            iterations=result.iterations,
            skipped=result.skipped,
            seed=result.seed,
            elapsed_ms=result.elapsed_ms,
        )
        if result.outcome is StressOutcome.FOUND and result.input is not None:
            verdict = await self._judged(task, result.input, timings)
            return verdict.model_copy(update={"search": summary})
        if result.outcome is StressOutcome.COMPILE_ERROR:
            info = f"a program does not compile: {excerpt(result.compile_error or '', 300)}"
        elif result.outcome is StressOutcome.GENERATOR_FAILED:
            generator = result.generator
            how = generator.describe() if generator else "failed"
            said = excerpt(generator.stderr, 300) if generator else ""
            info = f"generate_inp failed on seed {result.seed}: {how}" + (
                f": {said}" if said else ""
            )
        else:
            info = (
                f"the search found no differing input in {result.iterations} iterations "
                f"({result.elapsed_ms / 1000:.0f} s; {result.skipped} skipped)"
            )
        verdict = self._without_input(task, _results.AttemptStage.SEARCH, timings, info)
        return verdict.model_copy(update={"search": summary})

    async def _judged(
        self, task: Task, text: str, timings: _results.AttemptTimings
    ) -> _results.AttemptVerdict:
        judged: JudgeResult = await self.judge.judge(task, text)
        timings.judge_ms = judged.timings.total_ms
        reason = f" ({judged.reason})" if judged.reason else ""
        return _results.AttemptVerdict(
            success=judged.refuted,
            info=f"{judged.verdict}{reason}: {judged.message}",
            stage=_results.AttemptStage.JUDGE,
            verdict=judged.verdict,
            reason=judged.reason,
            mode=judged.mode,
            task_id=task.id,
            input=judged.input,
            input_bytes=judged.input_bytes,
            input_truncated=judged.input_truncated,
            input_sha256=judged.input_sha256,
            timings=timings,
            runs=judged.runs,
        )

    def _without_input(
        self, task: Task, stage: _results.AttemptStage, timings: _results.AttemptTimings, info: str
    ) -> _results.AttemptVerdict:
        return _results.AttemptVerdict(
            success=False,
            info=info,
            stage=stage,
            mode=self.config.judge.mode,
            task_id=task.id,
            timings=timings,
        )
