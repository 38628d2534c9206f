"""The toolbox: everything an agent may do during one attempt, counted and budgeted."""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Concatenate, ParamSpec, TypeVar

from pydantic import BaseModel

from ..errors import AgentError
from ..judge import Judge
from ..problems import Task
from ..sandbox import (
    Language,
    Limits,
    Program,
    RunResult,
    Sandbox,
    SandboxError,
    StressOutcome,
    StressResult,
)
from ._metered import MeteredModel
from ._types import Budget, ProgramSource

SEARCH_BATCH = 64
"""Inputs generated in the untrusted pool per round of an oracle stress search."""


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _watched(
    tool: Callable[Concatenate[Toolbox, _P], Awaitable[_T]],
) -> Callable[Concatenate[Toolbox, _P], Awaitable[_T]]:
    """Note a sandbox failure that passes through a tool, for the runner to see even if
    the agent catches it (and then gives up: that is no fault of the agent's)."""

    @functools.wraps(tool)
    async def watched(self: Toolbox, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return await tool(self, *args, **kwargs)
        except SandboxError as error:
            self.infrastructure_faults.append(f"{type(error).__name__}: {error}")
            raise

    return watched


class BudgetExceeded(AgentError):
    """A tool was called more often (or for longer) than the attempt's budget allows."""


class ToolRecord(BaseModel):
    """One tool call, as kept in the attempt's transcript."""

    tool: str
    seconds: float
    summary: str


class Validity(BaseModel):
    """The validator's answer: ``valid``, or not with its ``message``."""

    valid: bool
    message: str = ""


class ToolUsage(BaseModel):
    """Tool calls made so far in the attempt, by tool."""

    program_runs: int = 0
    incorrect_runs: int = 0
    validity_checks: int = 0
    stress_seconds: float = 0.0
    oracle_inputs: int = 0


class Toolbox:
    """The tools of one attempt on one task.

    Model-written programs run in the untrusted pool; the incorrect submission, the
    validator and (for oracle methods) the reference run in the judge pool, and the
    agent sees only their results. Every call is counted in ``usage`` and recorded in
    ``calls``; a call beyond the ``budget`` raises ``BudgetExceeded``.

    Example::

        result = await tools.run_program(ProgramSource(code="print(10**5)"))
        feedback = await tools.validate(result.stdout)
        if feedback.valid:
            run = await tools.run_incorrect(result.stdout)
    """

    def __init__(
        self,
        sandbox: Sandbox,
        judge: Judge,
        task: Task,
        budget: Budget,
        *,
        oracle: bool = False,
        seed: int = 0,
        model: MeteredModel | None = None,
    ):
        self.model = model
        """The run's model, metered for this attempt; ``None`` for model-free runs."""
        self.budget = budget
        self.usage = ToolUsage()
        self.calls: list[ToolRecord] = []
        self.infrastructure_faults: list[str] = []
        """Sandbox failures that passed through a tool (the agent may have caught them)."""
        self.oracle = oracle
        self.seed = seed
        self._sandbox = sandbox
        self._judge = judge
        self._task = task

    def _record(self, tool: str, started: float, summary: str) -> None:
        self.calls.append(
            ToolRecord(tool=tool, seconds=round(time.monotonic() - started, 3), summary=summary)
        )

    def _spend(self, field: str, amount: float = 1) -> None:
        used = getattr(self.usage, field) + amount
        if used > getattr(self.budget, field):
            raise BudgetExceeded(
                f"{field.replace('_', ' ')}: the budget of {getattr(self.budget, field)} is spent"
            )
        setattr(self.usage, field, used)

    @property
    def judge_limits(self) -> Limits:
        return self._judge.config.limits(self._task.problem)

    @_watched
    async def run_program(self, program: ProgramSource, stdin: str = "") -> RunResult:
        """Run a program the agent wrote on ``stdin`` (untrusted pool)."""
        self._spend("program_runs")
        started = time.monotonic()
        limits = Limits(cpu_ms=self.budget.program_cpu_ms, memory_mb=1024, output_bytes=16 << 20)
        result = await self._sandbox.untrusted.run(_program(program), stdin, limits)
        self._record("run_program", started, result.describe())
        return result

    @_watched
    async def run_incorrect(self, stdin: str) -> RunResult:
        """Run the incorrect submission on ``stdin`` under the judge's limits."""
        self._spend("incorrect_runs")
        started = time.monotonic()
        program = self._task.submission.program
        result = await self._sandbox.judge.run(program, stdin, self.judge_limits)
        self._record("run_incorrect", started, result.describe())
        return result

    @_watched
    async def validate(self, text: str) -> Validity:
        """Ask the validator whether ``text`` is a valid input."""
        self._spend("validity_checks")
        started = time.monotonic()
        validation = await self._judge.validate(self._task.problem, text)
        self._record("validate", started, "valid" if validation.valid else validation.message)
        return Validity(valid=validation.valid, message=validation.message)

    @_watched
    async def stress(
        self,
        generator: ProgramSource,
        brute: ProgramSource | None = None,
        seconds: float | None = None,
    ) -> StressResult:
        """Search for an input where the incorrect submission disagrees with a solver.

        Without ``brute`` the solver is the reference solution, allowed only for oracle
        methods; the search then keeps the generator (untrusted pool) apart from the
        reference and validator (judge pool), and only valid inputs count. With
        ``brute``, generator, incorrect submission and brute force run in one untrusted
        container. ``seconds`` defaults to what is left of the budget.
        """
        left = self.budget.stress_seconds - self.usage.stress_seconds
        seconds = min(seconds if seconds is not None else left, left)
        if seconds <= 0:
            raise BudgetExceeded("stress seconds: the budget is spent")
        if brute is None and not self.oracle:
            raise BudgetExceeded("stress against the reference is for oracle methods only")
        started = time.monotonic()
        try:
            if brute is not None:
                result = await self._sandbox.untrusted.stress(
                    _program(generator),
                    self._task.submission.program,
                    _program(brute),
                    limits=self.judge_limits,
                    time_s=seconds,
                    seed=self.seed,
                )
            else:
                result = await self._oracle_stress(_program(generator), seconds)
        finally:
            self.usage.stress_seconds += time.monotonic() - started
        self._record("stress", started, f"{result.outcome} after {result.iterations} inputs")
        return result

    async def _oracle_stress(self, generator: Program, seconds: float) -> StressResult:
        deadline = time.monotonic() + seconds
        tried = skipped = invalid = 0
        seed = self.seed
        while (left := deadline - time.monotonic()) > 0:
            batch = await self._sandbox.untrusted.generate(
                generator, SEARCH_BATCH, limits=self.judge_limits, time_s=left, seed=seed
            )
            if batch.compile_error is not None:
                return StressResult(
                    outcome=StressOutcome.COMPILE_ERROR, compile_error=batch.compile_error
                )
            seed += len(batch.inputs)
            if batch.inputs:
                result = await self._checked_compare(
                    batch.inputs, max(deadline - time.monotonic(), 1)
                )
                tried, skipped = tried + result.iterations, skipped + result.skipped
                invalid += result.invalid
                if result.outcome is StressOutcome.FOUND:
                    return result.model_copy(
                        update={"iterations": tried, "skipped": skipped, "invalid": invalid}
                    )
            if batch.failed is not None:
                return StressResult(
                    outcome=StressOutcome.GENERATOR_FAILED,
                    generator=batch.failed,
                    iterations=tried,
                    skipped=skipped,
                    invalid=invalid,
                )
        return StressResult(
            outcome=StressOutcome.NOT_FOUND, iterations=tried, skipped=skipped, invalid=invalid
        )

    @_watched
    async def search(self, inputs: Sequence[str], seconds: float = 60.0) -> StressResult:
        """Check inputs (valid ones only) against the reference; the first that differs.

        This is an oracle: it counts against ``oracle_inputs``, which is 0 for every
        model method. The fuzz baseline uses it to measure how randomly findable a task is.
        """
        self._spend("oracle_inputs", len(inputs))
        started = time.monotonic()
        result = await self._checked_compare(inputs, seconds)
        self._record("search", started, f"{result.outcome} after {result.iterations} inputs")
        return result

    async def _checked_compare(self, inputs: Sequence[str], seconds: float) -> StressResult:
        """``_compare``, going on past differences the problem's checker accepts.

        The in-container comparison is by tokens; on a problem that accepts several
        answers a different output may still be right, so a difference only counts once
        the problem's own checker rejects it.
        """
        deadline = time.monotonic() + seconds
        offset = tried = skipped = invalid = 0
        result = StressResult(outcome=StressOutcome.NOT_FOUND)
        while offset < len(inputs) and (left := deadline - time.monotonic()) > 0:
            result = await self._compare(inputs[offset:], left)
            tried, skipped = tried + result.iterations, skipped + result.skipped
            invalid += result.invalid
            if result.outcome is not StressOutcome.FOUND or await self._differs(result):
                break
            assert result.index is not None
            offset += result.index + 1
            result = StressResult(outcome=StressOutcome.NOT_FOUND)
        return result.model_copy(
            update={"iterations": tried, "skipped": skipped, "invalid": invalid}
        )

    async def _differs(self, found: StressResult) -> bool:
        """Whether a token-level difference is a wrong answer by the problem's own checker.

        Without a custom checker this repeats the token comparison in-process (with the
        problem's tolerance), which costs microseconds and only on a found difference.
        """
        problem = self._task.problem
        if found.a is None or found.b is None or not found.a.ok:
            return True
        check, _ = await self._judge.check(
            problem, found.input or "", found.a.stdout, found.b.stdout
        )
        return not check.accepted

    async def _compare(self, inputs: Sequence[str], seconds: float) -> StressResult:
        problem = self._task.problem
        return await self._sandbox.judge.compare(
            inputs,
            self._task.submission.program,
            problem.reference,
            validator=problem.validator,
            limits=self.judge_limits,
            time_s=seconds,
        )


def _program(source: ProgramSource) -> Program:
    return Program(source=source.code, language=Language.parse(source.language))
