"""``hack``: compile, search in parallel, confirm with the judge, shrink, report."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..judge import Judge, JudgeConfig, JudgeResult, Mode, Reason, Verdict
from ..models import get_model
from ..problems import Problem, Task
from ..runner import minimize
from ..sandbox import (
    CompileError,
    Limits,
    Program,
    RunStatus,
    Sandbox,
    SandboxConfig,
    SandboxPool,
)

# Used as a module: a second list of its names here would repeat the package's __init__.
from . import _models
from ._diff import first_difference
from ._guided import guided_search
from ._mutate import ExampleMutator
from ._search import Comparison, InputSource, Search, Source, StressSource, describe_run
from ._task import task_of

INPUT_CAP = 64 << 20
"""Characters of an input a judge result keeps: all of any input worth shrinking."""

NO_VALIDATOR_NOTE = (
    "no validator: the shrunk input is only known to break the solution, not to follow "
    "the input format; give --validator to keep it valid"
)

FALLBACK_NOTE = (
    "no generator and no model: mutating the examples (numbers and lengths); "
    "a generator (--gen) or a model (--model) would do better"
)


@dataclass
class HackProgress:
    """What the search is doing, for a progress line.

    ``phase`` is ``starting``, ``compiling``, ``searching``, ``asking the model``
    or ``minimizing``.
    """

    phase: str
    stats: _models.SearchStats
    started: float
    round: int = 0
    best: int | None = None
    """Size in bytes of the smallest counterexample so far (while minimizing)."""

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


class _RecordingJudge(Judge):
    """A judge that remembers the smallest refuting input it has seen, so that an
    interrupted shrinking still has its best result to show."""

    best: JudgeResult | None = None
    calls: int = 0

    async def judge(self, task: Task, text: str) -> JudgeResult:
        self.calls += 1
        result = await super().judge(task, text)
        if result.refuted and (self.best is None or len(text) < len(self.best.input)):
            self.best = result
        return result


async def hack(
    request: _models.HackRequest,
    *,
    base: Problem | None = None,
    sandbox: Sandbox | None = None,
    on_progress: Callable[[HackProgress], None] = lambda progress: None,
) -> _models.HackResult:
    """Search for an input on which ``request.solution`` is judged wrong.

    Starts its own sandbox unless one is given. Raises ``HackError`` for broken inputs
    (a program that does not compile, a brute that crashes, a validator that rejects
    every test); Ctrl-C (task cancellation) ends it with outcome ``INTERRUPTED`` and the
    best counterexample so far. The package's docstring has an example.
    """
    started = time.monotonic()
    progress = HackProgress("starting", _models.SearchStats(), started)
    run = _Hack(request, base, progress, on_progress)
    if sandbox is not None:
        result = await run.run(sandbox)
    else:
        workers = request.workers or len(os.sched_getaffinity(0))
        config = SandboxConfig(
            judge_workers=workers,
            untrusted_workers=workers if request.generator is None and request.model else 1,
        )
        async with Sandbox(config) as started_sandbox:
            result = await run.run(started_sandbox)
    return result.model_copy(update={"wall_seconds": round(time.monotonic() - started, 3)})


class _Hack:
    def __init__(
        self,
        request: _models.HackRequest,
        base: Problem | None,
        progress: HackProgress,
        on_progress: Callable[[HackProgress], None],
    ):
        self.request = request
        self.task = task_of(request, base)
        self.progress = progress
        self.notify = on_progress
        self.strategy = (
            _models.Strategy.GENERATOR
            if request.generator is not None
            else _models.Strategy.MODEL
            if request.model
            else _models.Strategy.MUTATION
        )
        self.notes: list[str] = []
        self.rounds = 0

    def _phase(self, phase: str) -> None:
        self.progress.phase = phase
        self.notify(self.progress)

    async def run(self, sandbox: Sandbox) -> _models.HackResult:
        request, task = self.request, self.task
        mode = JudgeConfig(
            mode=Mode.STRICT, runs=1, time_factor=request.time_factor, input_cap=INPUT_CAP
        )
        judge = _RecordingJudge(sandbox.judge, mode)
        limits = mode.limits(task.problem)
        validator = request.validator.program if request.validator else None
        workers = request.workers or sandbox.judge.size
        stats = self.progress.stats
        search: Search | None = None
        try:
            self._phase("compiling")
            await self._compile(sandbox.judge)
            await self._preflight(sandbox.judge, limits)

            async def confirm(text: str) -> JudgeResult | None:
                result = await judge.judge(task, text)
                return result if result.verdict is Verdict.REFUTED else None

            def searched(_: _models.SearchStats) -> None:
                self.notify(self.progress)

            if self.strategy is _models.Strategy.MODEL:
                assert request.model is not None
                async with get_model(request.model) as model:

                    def on_round(number: int) -> None:
                        self.progress.round = number
                        self._phase(f"round {number}: searching")

                    search, self.rounds = await guided_search(
                        model,
                        task,
                        sandbox,
                        budget=request.budget,
                        rounds=request.rounds,
                        seed=request.seed,
                        workers=workers,
                        limits=limits,
                        validator=validator,
                        stats=stats,
                        confirm=confirm,
                        on_progress=searched,
                        on_round=on_round,
                    )
            else:
                sources = self._sources(sandbox.judge, limits, validator, workers)
                self._phase("searching")
                search = Search(sources, request.budget, request.seed, confirm, searched, stats)
                await search.run()
            if search is not None and search.found is None:
                self._raise_for(search)
            if search is None or search.found is None:
                return self._result(_models.HackOutcome.NOT_FOUND)
            found = search.found
            first = found.verdict
            best, calls_before = first, judge.calls
            if request.minimize and request.minimize_calls:
                self.progress.best = len(first.input)
                self._phase("minimizing")
                text = await minimize(judge, task, found.input, request.minimize_calls)
                if judge.best is not None and judge.best.input == text:
                    best = judge.best
                elif text != first.input:
                    best = await judge.judge(task, text)
            calls = judge.calls - calls_before
            if request.validator is None and best.input != found.input:
                self.notes.append(NO_VALIDATOR_NOTE)
            return await self._found(sandbox.judge, best, found.input, found.seed, calls)
        except asyncio.CancelledError:
            # Some container may still owe a reply to a cancelled request: nothing more
            # runs in this sandbox. Report what is known.
            smallest = judge.best
            if smallest is None:
                return self._result(_models.HackOutcome.INTERRUPTED)
            original = search.found.input if search and search.found else smallest.input
            seed = search.found.seed if search and search.found else None
            return self._result(
                _models.HackOutcome.INTERRUPTED,
                input=smallest.input,
                notes=[*self.notes, "interrupted: the counterexample may not be the smallest"],
                original_input=original,
                seed=seed,
                reason=smallest.reason,
                message=smallest.message,
            )

    def _result(self, outcome: _models.HackOutcome, **fields: object) -> _models.HackResult:
        return _models.HackResult.model_validate(
            {
                "outcome": outcome,
                "strategy": self.strategy,
                "stats": self.progress.stats,
                "model_rounds": self.rounds,
                "notes": self.notes,
                **fields,
            }
        )

    def _programs(self) -> list[tuple[str, _models.NamedProgram]]:
        request = self.request
        named = [("solution", request.solution), ("brute", request.brute)]
        for role, program in (
            ("generator", request.generator),
            ("validator", request.validator),
            ("checker", request.checker),
        ):
            if program is not None:
                named.append((role, program))
        return named

    async def _compile(self, pool: SandboxPool) -> None:
        async def one(role: str, named: _models.NamedProgram) -> None:
            try:
                await pool.compile(named.program)
            except CompileError as error:
                raise _models.HackError(
                    f"{named.name}: the {role} does not compile: {_first_error(error)}"
                ) from error

        await asyncio.gather(*(one(role, named) for role, named in self._programs()))

    async def _preflight(self, pool: SandboxPool, limits: Limits) -> None:
        """Run the brute once on a first test, so that a broken brute is blamed, not the
        solution, before any search."""
        request = self.request
        if request.generator is not None:
            made = await pool.run(
                request.generator.program, "", limits, args=[str(request.seed + 1)]
            )
            if not made.ok:
                raise _models.HackError(
                    f"{request.generator.name}: the generator failed on seed "
                    f"{request.seed + 1}: {describe_run(made)}"
                )
            first = made.stdout
            origin = f"the generator's test for seed {request.seed + 1}"
        elif request.seeds:
            first, origin = request.seeds[0], "the first example"
        elif self.strategy is _models.Strategy.MUTATION:
            raise _models.HackError(
                "nothing to search with: give a generator (--gen GEN), a model "
                "(--model provider/name), or an example input (--seed-input FILE)"
            )
        else:
            return
        if self.strategy is _models.Strategy.MUTATION:
            self.notes.append(FALLBACK_NOTE)
        if request.validator is not None:
            checked = await pool.run(request.validator.program, first, limits)
            if not checked.ok:
                return  # one invalid test says little; a search of them all will tell
        brute = await pool.run(request.brute.program, first, limits)
        if brute.status is RunStatus.RUNTIME_ERROR:
            raise _models.HackError(
                f"{request.brute.name}: the brute (not the solution) crashed on {origin}: "
                f"{describe_run(brute)}"
            )

    def _sources(
        self, pool: SandboxPool, limits: Limits, validator: Program | None, workers: int
    ) -> list[Source]:
        request = self.request
        comparison = Comparison(request.solution.program, request.brute.program, validator, limits)
        if request.generator is not None:
            return [StressSource(pool, request.generator.program, comparison)] * workers
        mutator = ExampleMutator(request.seeds, request.statement)
        return [InputSource(pool, mutator, comparison)] * workers

    def _raise_for(self, search: Search) -> None:
        """A search that ended on a broken program, as a ``HackError`` naming it."""
        failure, request = search.failure, self.request
        if self.strategy is _models.Strategy.MODEL:
            return  # the model was told; its generators are not the user's fault
        if failure is not None and failure.generator is not None and request.generator:
            raise _models.HackError(
                f"{request.generator.name}: the generator failed on seed {failure.seed}: "
                f"{describe_run(failure.generator)}"
            )
        if failure is not None and failure.compile_error is not None:
            raise _models.HackError(
                f"a program does not compile: {failure.compile_error.strip()[:300]}"
            )
        if search.stop is not None:
            blame = (
                request.validator.name
                if request.validator and search.stats.invalid
                else request.brute.name
            )
            raise _models.HackError(f"{blame}: {search.stop}")

    async def _found(
        self,
        pool: SandboxPool,
        verdict: JudgeResult,
        original: str,
        seed: int | None,
        calls: int,
    ) -> _models.HackResult:
        request, problem = self.request, self.task.problem
        limits = JudgeConfig(time_factor=request.time_factor).limits(problem)
        if verdict.verdict is not Verdict.REFUTED:
            raise _models.HackError(
                f"the counterexample did not hold when judged again: {verdict.message}"
            )
        solution_run, brute_run = await asyncio.gather(
            pool.run(request.solution.program, verdict.input, limits),
            pool.run(request.brute.program, verdict.input, limits),
        )
        difference = None
        if verdict.reason is Reason.WRONG_ANSWER and solution_run.ok:
            difference = first_difference(solution_run.stdout, brute_run.stdout)
        return self._result(
            _models.HackOutcome.FOUND,
            input=verdict.input,
            original_input=original,
            seed=seed,
            reason=verdict.reason,
            message=verdict.message,
            solution_run=solution_run,
            brute_run=brute_run,
            difference=difference,
            minimize_calls=calls,
        )


def _first_error(error: CompileError) -> str:
    """The compiler's first error line, else its last line."""
    lines = [line.strip() for line in error.result.stderr.splitlines() if line.strip()]
    for line in lines:
        if "error" in line.lower():
            return line[:300]
    return lines[-1][:300] if lines else error.result.describe()
