"""Judging a solution: does a program written for a problem pass its tests?

The other direction of the benchmark. A refute attempt brings an input and the judge asks
whether the task's incorrect submission fails on it; a solve attempt brings a program and
this judge asks whether it is correct, on the same problem, with the same reference,
checker and limits, so that solving and refuting are measured alike.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable, Sequence
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from ..problems import Problem, Task
from ..sandbox import Program, Role, RunResult, RunStatus, SandboxError, SandboxPool, text_bytes
from ._judge import Judge, Validation
from ._models import Mode, RunRecord, Stage, excerpt


class SolutionVerdict(StrEnum):
    """The judge's answer for one solution, as a contest judge gives it."""

    ACCEPTED = "ACCEPTED"
    """Correct output within the limits on every test."""
    WRONG_ANSWER = "WRONG_ANSWER"
    TIME_LIMIT = "TIME_LIMIT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    RUNTIME_ERROR = "RUNTIME_ERROR"
    OUTPUT_LIMIT = "OUTPUT_LIMIT"
    COMPILE_ERROR = "COMPILE_ERROR"
    """The program does not build (or is in a language the sandbox does not know): the
    solution's fault, never an infrastructure error."""
    JUDGE_ERROR = "JUDGE_ERROR"
    """The judge material failed (the reference, the checker) or the sandbox did."""


_FAILED = {
    RunStatus.RUNTIME_ERROR: SolutionVerdict.RUNTIME_ERROR,
    RunStatus.TIME_LIMIT: SolutionVerdict.TIME_LIMIT,
    RunStatus.MEMORY_LIMIT: SolutionVerdict.MEMORY_LIMIT,
    RunStatus.OUTPUT_LIMIT: SolutionVerdict.OUTPUT_LIMIT,
}


class SolutionTest(BaseModel):
    """One test a solution is judged on.

    Args:
        name: how results name it (``example 2``, ``failing input of two-largest``).
        input: the input text.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    input: str


class SolutionResult(BaseModel):
    """The judge's verdict on one solution for one task.

    Args:
        task_id: the task whose problem was solved (its known failing input is a test).
        verdict: see ``SolutionVerdict``.
        message: one line for humans: what went wrong on the first failing test.
        failed_test: the name of the first test failed, or ``None``.
        failed_input: that test's input (cut to 4 096 characters), or ``None``.
        tests: tests the solution was to pass.
        generated_tests: of those, random inputs the validator accepted (after the
            stored tests).
        passed: tests it passed before the first failure (all of them when accepted).
        mode: the judge's rules (limits as for the incorrect submission).
        time_limit_ms: the CPU limit each run had.
        memory_limit_mb: the memory limit.
        runs: every program run made (the solution's and the reference's), in order.
        wall_ms: wall time of the judging.
        sandbox_failure: the ``JUDGE_ERROR`` came from the sandbox (a lost container):
            worth judging again later.
    """

    task_id: str
    verdict: SolutionVerdict
    message: str = ""
    failed_test: str | None = None
    failed_input: str | None = None
    tests: int
    generated_tests: int = 0
    passed: int
    mode: Mode
    time_limit_ms: int
    memory_limit_mb: int
    runs: list[RunRecord] = []
    wall_ms: float = 0.0
    sandbox_failure: bool = False

    @property
    def accepted(self) -> bool:
        return self.verdict is SolutionVerdict.ACCEPTED


FAILED_INPUT_CAP = 4096


def solution_tests(task: Task) -> list[SolutionTest]:
    """The tests a solution of ``task``'s problem is judged on, in order.

    The examples first (as a contest judge runs them), then the task's known failing
    input, then the known failing inputs of the problem's other incorrect submissions:
    each was made to break a plausible wrong idea, so together they are the package's
    stored tests. The same input twice is run once.

    >>> from refute.problems import load_problems
    >>> task = load_problems().task("charged-pair/two-largest")
    >>> [test.name for test in solution_tests(task)]  # doctest: +NORMALIZE_WHITESPACE
    ['example 1', 'example 2', 'example 3', 'failing input of two-largest',
     'failing input of int-overflow']
    """
    problem = task.problem
    tests = [
        SolutionTest(name=f"example {number}", input=example.input)
        for number, example in enumerate(problem.examples, 1)
    ]
    others = [s for s in problem.incorrect if s.name != task.submission.name]
    for submission in (task.submission, *others):
        tests.append(
            SolutionTest(name=f"failing input of {submission.name}", input=submission.fail_input)
        )
    seen: set[str] = set()
    unique = []
    for test in tests:
        if test.input not in seen:
            seen.add(test.input)
            unique.append(test)
    return unique


class SolutionJudge:
    """Judges programs written to solve a task's problem.

    Each test runs the program in the untrusted pool (it is model-written) and the
    reference in the judge's pool, under the judge's limits for the problem; the output
    is checked by the problem's checker against the reference's output. The first test
    failed decides the verdict. The stored tests (``solution_tests``) come first, then the
    ``generated`` inputs the problem's validator accepts (the others are dropped). The
    reference's outputs and the validator's decisions are computed once per input and
    kept, since every attempt on a problem is judged on the same tests.

    Args:
        untrusted: an untrusted-role pool (``sandbox.untrusted``): the solution runs here.
        judge: the ``Judge`` whose pool, limits and checker are used for the rest.

    Example::

        async with Sandbox() as sandbox:
            solutions = SolutionJudge(sandbox.untrusted, Judge(sandbox.judge))
            task = load_problems().task("charged-pair/two-largest")
            result = await solutions.judge(task, Program(source=code, language=python))
            print(result.verdict, result.failed_test, result.message)
    """

    def __init__(self, untrusted: SandboxPool, judge: Judge):
        if untrusted.role is not Role.UNTRUSTED:
            raise ValueError(f"solutions run only in an untrusted pool, not a {untrusted.role}")
        self.untrusted = untrusted
        self.input_judge = judge
        self._answers: dict[tuple[str, str], asyncio.Future[RunResult]] = {}
        self._validations: dict[tuple[str, str], asyncio.Future[Validation]] = {}

    async def reference_run(self, problem: Problem, text: str) -> RunResult:
        """The reference's run on ``text``, made once per problem and input (a failed
        lookup, a sandbox fault, is tried again by the next caller)."""
        return await _once(
            self._answers,
            (problem.id, _digest(text)),
            lambda: self.input_judge.run(problem, problem.reference, text),
        )

    async def valid(self, problem: Problem, text: str) -> bool:
        """Does the problem's validator accept ``text``? Asked once per input."""
        validation = await _once(
            self._validations,
            (problem.id, _digest(text)),
            lambda: self.input_judge.validate(problem, text),
        )
        return validation.valid

    async def judge(
        self, task: Task, program: Program, generated: Sequence[str] = ()
    ) -> SolutionResult:
        """The verdict on ``program`` as a solution of ``task``'s problem, judged on the
        stored tests and the valid ones of ``generated`` (never raises for sandbox
        faults: they give ``JUDGE_ERROR`` with ``sandbox_failure``)."""
        verdict = _SolutionVerdict(self, task)
        try:
            await verdict.add_generated(generated)
            return await verdict.decide(program)
        except SandboxError as error:
            result = verdict.result(SolutionVerdict.JUDGE_ERROR, f"sandbox failure: {error}")
            return result.model_copy(update={"sandbox_failure": True})

    def unknown_language(self, task: Task, why: str) -> SolutionResult:
        """The verdict on a solution in a language the sandbox cannot run: it does not
        compile, which is the solution's fault."""
        return _SolutionVerdict(self, task).result(SolutionVerdict.COMPILE_ERROR, why)


class _SolutionVerdict:
    """The state of judging one solution: its tests, the runs made, the tests passed."""

    def __init__(self, owner: SolutionJudge, task: Task):
        self.owner = owner
        self.task = task
        self.tests = solution_tests(task)
        self.runs: list[RunRecord] = []
        self.passed = 0
        self.generated = 0
        self.started = time.monotonic()

    async def add_generated(self, inputs: Sequence[str]) -> None:
        seen = {test.input for test in self.tests}
        for text in inputs:
            if text in seen or not await self.owner.valid(self.task.problem, text):
                continue
            seen.add(text)
            self.generated += 1
            self.tests.append(SolutionTest(name=f"generated test {self.generated}", input=text))

    async def decide(self, program: Program) -> SolutionResult:
        judge, problem = self.owner.input_judge, self.task.problem
        limits = judge.config.limits(problem)
        for test in self.tests:
            run = await self.owner.untrusted.run(program, test.input, limits)
            self.runs.append(RunRecord.of(Stage.SOLUTION, run))
            if run.status is RunStatus.COMPILE_ERROR:
                said = excerpt(run.stderr, 300)
                return self.result(
                    SolutionVerdict.COMPILE_ERROR, "it does not compile" + _colon(said)
                )
            if not run.ok:
                return self.result(
                    _FAILED[run.status],
                    f"{test.name}: {run.describe()}" + _colon(excerpt(run.stderr, 200)),
                    test,
                )
            reference = await self.owner.reference_run(problem, test.input)
            self.runs.append(RunRecord.of(Stage.REFERENCE, reference))
            if not reference.ok:
                return self.result(
                    SolutionVerdict.JUDGE_ERROR,
                    f"{test.name}: the reference solution failed: {reference.describe()}",
                    test,
                )
            check, checker_run = await judge.check(
                problem, test.input, run.stdout, reference.stdout
            )
            if checker_run is not None:
                self.runs.append(RunRecord.of(Stage.CHECKER, checker_run, check.message))
            if check.failed:
                return self.result(SolutionVerdict.JUDGE_ERROR, f"{test.name}: {check.message}")
            if not check.accepted:
                return self.result(
                    SolutionVerdict.WRONG_ANSWER,
                    f"{test.name}: wrong answer: {check.message}",
                    test,
                )
            self.passed += 1
        return self.result(SolutionVerdict.ACCEPTED, f"accepted on all {len(self.tests)} tests")

    def result(
        self, verdict: SolutionVerdict, message: str, test: SolutionTest | None = None
    ) -> SolutionResult:
        config, problem = self.owner.input_judge.config, self.task.problem
        limits = config.limits(problem)
        return SolutionResult(
            task_id=self.task.id,
            verdict=verdict,
            message=message,
            failed_test=test.name if test is not None else None,
            failed_input=test.input[:FAILED_INPUT_CAP] if test is not None else None,
            tests=len(self.tests),
            generated_tests=self.generated,
            passed=self.passed,
            mode=config.mode,
            time_limit_ms=limits.cpu_ms,
            memory_limit_mb=limits.memory_mb,
            runs=self.runs,
            wall_ms=round((time.monotonic() - self.started) * 1000.0, 1),
        )


def _digest(text: str) -> str:
    return hashlib.sha256(text_bytes(text)).hexdigest()


_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


async def _once(
    cache: dict[_Key, asyncio.Future[_Value]], key: _Key, make: Callable[[], Awaitable[_Value]]
) -> _Value:
    """``make()``'s value, made once per key even when asked for concurrently; a failure
    (a sandbox fault) is not kept, so the next caller tries again."""
    future = cache.get(key)
    if future is None or (future.done() and (future.cancelled() or future.exception())):
        future = asyncio.ensure_future(make())
        cache[key] = future
    return await asyncio.shield(future)


def _colon(said: str) -> str:
    return f": {said}" if said else ""
