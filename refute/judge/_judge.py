"""The judge: does a candidate input refute a task's incorrect submission?"""

from __future__ import annotations

import hashlib
import time

from pydantic import BaseModel, ConfigDict

from ..problems import Problem, Task
from ..sandbox import (
    Program,
    Role,
    RunResult,
    RunStatus,
    SandboxError,
    SandboxPool,
    printable_text,
    text_bytes,
)
from ._checker import CHECKER_FILES, compare_tokens, interpret_checker
from ._models import (
    CheckResult,
    JudgeConfig,
    JudgeResult,
    Reason,
    RunRecord,
    Stage,
    Timings,
    Verdict,
    excerpt,
)

_REASONS = {
    RunStatus.RUNTIME_ERROR: Reason.RUNTIME_ERROR,
    RunStatus.TIME_LIMIT: Reason.TIME_LIMIT,
    RunStatus.MEMORY_LIMIT: Reason.MEMORY_LIMIT,
    RunStatus.OUTPUT_LIMIT: Reason.OUTPUT_LIMIT,
}


class Validation(BaseModel):
    """The validator's decision on an input.

    Args:
        valid: the validator exited 0.
        message: why not (the validator's stderr, or how it failed), or ``""``.
        run: the validator's run.
    """

    model_config = ConfigDict(frozen=True)

    valid: bool
    message: str
    run: RunResult


class Judge:
    """Judges candidate inputs for tasks, running everything in a judge pool.

    For one input: the validator gates it (``INVALID_INPUT``); the reference solution
    runs (its failure is ``JUDGE_ERROR``); then the incorrect submission runs up to
    ``config.runs`` times and the first run judged wrong gives ``REFUTED`` with its
    reason, else ``NOT_REFUTED``. Sandbox failures become ``JUDGE_ERROR``.

    Args:
        pool: a judge-role pool (``sandbox.judge``); model-written code never runs here.
        config: the rules (default ``JudgeConfig()``: strict mode, 5 runs).

    Example::

        async with Sandbox() as sandbox:
            judge = Judge(sandbox.judge)
            task = load_problems().task("charged-pair/int-overflow")
            result = await judge.judge(task, "3\\n-1 100000 100000\\n")
            assert result.verdict is Verdict.REFUTED
    """

    def __init__(self, pool: SandboxPool, config: JudgeConfig | None = None):
        if pool.role is not Role.JUDGE:
            raise ValueError(f"the judge runs only in a judge pool, not a {pool.role} pool")
        self.pool = pool
        self.config = config or JudgeConfig()

    async def validate(self, problem: Problem, text: str) -> Validation:
        """Run the problem's validator on ``text``; a crash or time-out means invalid.

        ``text`` reaches the validator as the bytes it holds (``text_bytes``): a
        generator's output that is not UTF-8 is validated like any other input.
        """
        run = await self.pool.run(problem.validator, text, self.config.validator_limits)
        if run.ok:
            return Validation(valid=True, message="", run=run)
        said = excerpt(run.stderr or run.stdout, 400)
        if run.status is RunStatus.RUNTIME_ERROR and run.exit_code is not None:
            message = said or f"rejected (exit code {run.exit_code})"
        else:
            message = f"validator {run.describe()}" + (f": {said}" if said else "")
        return Validation(valid=False, message=message, run=run)

    async def run(self, problem: Problem, program: Program, text: str) -> RunResult:
        """Run a solution of ``problem`` (reference or submission) under the mode's limits."""
        return await self.pool.run(program, text, self.config.limits(problem))

    async def check(
        self, problem: Problem, text: str, output: str, answer: str
    ) -> tuple[CheckResult, RunResult | None]:
        """Is ``output`` a correct output for input ``text``, given the reference ``answer``?

        Uses the problem's ``checker.py`` when it has one (then the checker's run is
        returned too), else ``compare_tokens`` with the problem's settings.
        """
        if problem.checker is None:
            return compare_tokens(output, answer, problem.checker_settings), None
        run = await self.pool.run(
            problem.checker,
            "",
            self.config.checker_limits,
            args=CHECKER_FILES,
            files=dict(zip(CHECKER_FILES, (text, output, answer), strict=True)),
        )
        return interpret_checker(run), run

    async def judge(self, task: Task, text: str) -> JudgeResult:
        """The verdict on input ``text`` for ``task`` (never raises for sandbox faults)."""
        verdict = _Verdict(self, task, text)
        try:
            return await verdict.decide()
        except SandboxError as error:
            result = verdict.result(Verdict.JUDGE_ERROR, f"sandbox failure: {error}")
            return result.model_copy(update={"sandbox_failure": True})


class _Verdict:
    """The state of judging one input: the runs made so far and the time they took."""

    def __init__(self, judge: Judge, task: Task, text: str):
        self.judge = judge
        self.task = task
        self.text = text
        self.runs: list[RunRecord] = []
        self.timings = Timings()
        self.started = time.monotonic()

    def record(self, stage: Stage, run: RunResult, message: str | None = None) -> None:
        self.runs.append(RunRecord.of(stage, run, message))
        field = f"{stage.value}_ms"
        setattr(self.timings, field, getattr(self.timings, field) + run.wall_ms)

    async def decide(self) -> JudgeResult:
        judge, problem, text = self.judge, self.task.problem, self.text
        validation = await judge.validate(problem, text)
        self.record(Stage.VALIDATOR, validation.run)
        if validation.run.status is RunStatus.COMPILE_ERROR:
            return self.result(
                Verdict.JUDGE_ERROR,
                "the validator does not compile: " + excerpt(validation.run.stderr, 300),
            )
        if not validation.valid:
            return self.result(Verdict.INVALID_INPUT, validation.message)

        reference = await judge.run(problem, problem.reference, text)
        self.record(Stage.REFERENCE, reference)
        if not reference.ok:
            return self.result(
                Verdict.JUDGE_ERROR,
                f"the reference solution failed: {reference.describe()}" + _detail(reference),
            )

        submission = self.task.submission.program
        for attempt in range(1, judge.config.runs + 1):
            run = await judge.run(problem, submission, text)
            self.record(Stage.INCORRECT, run)
            if run.status is RunStatus.COMPILE_ERROR:
                return self.result(
                    Verdict.JUDGE_ERROR,
                    "the incorrect submission does not compile: " + excerpt(run.stderr, 300),
                )
            if not run.ok:
                return self.result(
                    Verdict.REFUTED,
                    f"run {attempt}: {run.describe()}" + _detail(run),
                    _REASONS[run.status],
                )
            check, checker_run = await judge.check(problem, text, run.stdout, reference.stdout)
            if checker_run is not None:
                self.record(Stage.CHECKER, checker_run, check.message)
            if check.failed:
                return self.result(Verdict.JUDGE_ERROR, check.message)
            if not check.accepted:
                return self.result(
                    Verdict.REFUTED,
                    f"run {attempt}: wrong answer: {check.message}",
                    Reason.WRONG_ANSWER,
                )
        return self.result(
            Verdict.NOT_REFUTED, f"the output was accepted on all {judge.config.runs} runs"
        )

    def result(self, verdict: Verdict, message: str, reason: Reason | None = None) -> JudgeResult:
        config, problem = self.judge.config, self.task.problem
        limits = config.limits(problem)
        data = text_bytes(self.text)
        self.timings.total_ms = (time.monotonic() - self.started) * 1000.0
        return JudgeResult(
            task_id=self.task.id,
            verdict=verdict,
            reason=reason,
            message=printable_text(message),
            mode=config.mode,
            time_limit_ms=limits.cpu_ms,
            memory_limit_mb=limits.memory_mb,
            input=printable_text(self.text[: config.input_cap]),
            input_bytes=len(data),
            input_truncated=len(self.text) > config.input_cap,
            input_sha256=hashlib.sha256(data).hexdigest(),
            timings=self.timings,
            runs=self.runs,
        )


def _detail(run: RunResult) -> str:
    said = excerpt(run.stderr, 200)
    return f": {said}" if said else ""
