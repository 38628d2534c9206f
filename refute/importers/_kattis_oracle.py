"""Judging a Kattis package before it is written: its samples, and the failing input of
each submission, with the judge's own steps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..judge import Judge, Validation, Verdict
from ..problems import JUDGE_PROGRAM_LANGUAGES, Example, Problem, SourceFile, Statement
from ..sandbox import Language, Program, RunResult, RunStatus
from ._kattis_package import KattisPackage
from ._kattis_programs import KattisSubmission
from ._kattis_tests import KattisTest, by_size
from ._skip import Skip
from ._timing import TIMING, timing_dependent


def program_of(file: SourceFile, judge_program: bool = False) -> Program:
    """The program a drafted source is, as the package loader will read it."""
    if judge_program:
        return Program(
            source=file.source,
            language=Language.parse(JUDGE_PROGRAM_LANGUAGES[f".{file.extension}"]),
        )
    return Program(source=file.source, language=Language.parse(file.language or file.extension))


def problem_of(package: KattisPackage) -> Problem:
    """The draft as a loaded ``Problem``, to judge with before anything is written."""
    draft = package.draft
    return Problem(
        id=draft.id,
        name=draft.name,
        source=draft.source,
        time_limit_ms=draft.time_limit_ms,
        memory_limit_mb=draft.memory_limit_mb,
        checker_settings=draft.checker_settings,
        root=package.directory,
        statement=Statement(text=draft.statement, legend="", input="", output=""),
        examples=tuple(Example(name=n, input=i, answer=a) for n, i, a in draft.examples),
        reference=program_of(draft.reference),
        reference_path=Path(f"reference.{draft.reference.extension}"),
        validator=program_of(draft.validator, judge_program=True),
        checker=program_of(draft.checker, judge_program=True) if draft.checker else None,
        incorrect=(),
    )


REFERENCE_FAILS = "reference fails a sample"
"""The cause of a reference that fails a sample (the next accepted submission is tried)."""

WALL_RETRIES = 2
"""Runs tried again when a wall-clock time-out ended them (``KattisOracle.run``)."""


class KattisOracle:
    """The judge's steps for one problem, with the validator's and the reference's results
    kept per input: the search tries every submission on the same tests.
    """

    def __init__(self, judge: Judge, problem: Problem):
        self.judge = judge
        self.problem = problem
        self._valid: dict[str, Validation] = {}
        self._reference: dict[str, RunResult] = {}

    async def validate(self, text: str) -> Validation:
        if text not in self._valid:
            self._valid[text] = await self.judge.validate(self.problem, text)
        return self._valid[text]

    async def reference(self, text: str) -> RunResult:
        if text not in self._reference:
            self._reference[text] = await self.run(self.problem.reference, text)
        return self._reference[text]

    async def run(self, program: Program, text: str) -> RunResult:
        """``Judge.run``, tried again (twice at most) when the wall clock, not the CPU
        limit, ended it: on a loaded machine a program can use a fraction of its CPU time
        before the wall limit (three times the CPU limit) runs out, and the verdict
        would then be the machine's, not the program's."""
        cpu_limit = self.judge.config.limits(self.problem).cpu_ms
        run = await self.judge.run(self.problem, program, text)
        for _ in range(WALL_RETRIES):
            if run.status is not RunStatus.TIME_LIMIT or run.cpu_ms >= cpu_limit:
                break
            run = await self.judge.run(self.problem, program, text)
        return run

    async def check_samples(self, custom_checker: bool) -> None:
        """The validator accepts each sample and the reference passes it; else ``Skip``."""
        judge, problem = self.judge, self.problem
        for example in problem.examples:
            validation = await self.validate(example.input)
            if not validation.valid:
                raise Skip(
                    f"the input validator rejects sample {example.name}: {validation.message}",
                    cause="validator rejects a sample",
                )
            run = await self.reference(example.input)
            if not run.ok:
                raise Skip(
                    f"the reference fails sample {example.name}: {run.describe()}",
                    cause=REFERENCE_FAILS,
                )
            result, _ = await judge.check(problem, example.input, run.stdout, example.answer)
            if not result.accepted:
                raise Skip(
                    f"the reference fails sample {example.name}: {result.message}",
                    cause=REFERENCE_FAILS,
                )
            if custom_checker:
                own, _ = await judge.check(problem, example.input, run.stdout, run.stdout)
                if not own.accepted:
                    raise Skip(
                        "the output validator rejects the reference's output given as the "
                        "judge answer (refute passes the reference's output, not the .ans): "
                        + own.message,
                        cause="output validator needs the .ans",
                    )

    async def rejected(self, tests: list[KattisTest]) -> tuple[list[KattisTest], list[str]]:
        """The invalid inputs the validator rejects, and a note per one it accepts: an
        accepted one would fail ``refute problems check``, so it is left out."""
        kept, notes = [], []
        for test in tests:
            if (await self.validate(test.input)).valid:
                notes.append(f"{test.path}: the input validator accepts it (left out of invalid/)")
            else:
                kept.append(test)
        return kept, notes

    async def verdict(self, program: Program, text: str) -> tuple[Verdict, str]:
        """The judge's verdict on ``text`` for ``program`` (one run, as ``Judge.judge``),
        except that a wrong answer that depends on timing (``timing_dependent``) is
        ``NOT_REFUTED`` with a message starting with ``TIMING``."""
        validation = await self.validate(text)
        if not validation.valid:
            return Verdict.INVALID_INPUT, validation.message
        reference = await self.reference(text)
        if not reference.ok:
            return Verdict.JUDGE_ERROR, f"the reference solution failed: {reference.describe()}"
        run = await self.run(program, text)
        if run.status is RunStatus.COMPILE_ERROR:
            return Verdict.JUDGE_ERROR, "does not compile: " + run.stderr.strip()[:300]
        if not run.ok:
            return Verdict.REFUTED, run.describe()
        check, _ = await self.judge.check(self.problem, text, run.stdout, reference.stdout)
        if check.failed:
            return Verdict.JUDGE_ERROR, check.message
        if not check.accepted:
            timing = timing_dependent(program, run, self.problem.time_limit_ms)
            if timing is not None:  # not a refutation to take (``_timing``)
                return Verdict.NOT_REFUTED, f"{TIMING}: {timing}"
            return Verdict.REFUTED, f"wrong answer: {check.message}"
        return Verdict.NOT_REFUTED, ""

    async def on_samples(self, submission: KattisSubmission) -> Search | tuple[str, str]:
        """A search for the submission's failing input, or ``(reason, cause)`` when it
        fails a sample (a trivially refutable task) or cannot be judged on one."""
        assert submission.program is not None
        program = program_of(submission.program)
        for example in self.problem.examples:
            verdict, message = await self.verdict(program, example.input)
            if verdict is Verdict.REFUTED:
                why = f"fails sample {example.name} (trivially refutable): {message}"
                return why, "fails a sample"
            if verdict is not Verdict.NOT_REFUTED:
                if message.startswith("does not compile"):
                    return message, "does not compile"
                return f"on sample {example.name}: {verdict}: {message}", "judge error"
        return Search(submission, program)

    async def search(self, search: Search, tests: list[KattisTest]) -> None:
        """Try ``tests`` on the submission, smallest first, until one refutes it."""
        for test in sorted(tests, key=by_size):
            if search.done:
                return
            search.record(test, *await self.verdict(search.program, test.input))

    async def refuting_input(
        self, submission: KattisSubmission, tests: list[KattisTest]
    ) -> tuple[KattisTest | None, str]:
        """The smallest test that refutes the submission, or ``None`` and why not (the
        samples first, then ``tests``; ``search_outcome`` also gives the cause)."""
        test, reason, _ = await self.search_outcome(submission, tests)
        return test, reason

    async def search_outcome(
        self, submission: KattisSubmission, tests: list[KattisTest]
    ) -> tuple[KattisTest | None, str, str | None]:
        """``refuting_input`` with the cause of a failure to find one."""
        search = await self.on_samples(submission)
        if isinstance(search, tuple):
            return None, *search
        await self.search(search, tests)
        return search.outcome()


@dataclass
class Search:
    """The search for one submission's failing input, over tests given in batches."""

    submission: KattisSubmission
    program: Program
    found: KattisTest | None = None
    stopped: tuple[str, str] | None = None
    tried: int = 0
    rejected: int = 0
    errors: int = 0
    timing: str = ""
    """Why a test's wrong answer was not taken (``_timing``), when one was not."""
    marginal: int = 0
    """Refutations by time not taken: over the limit, but not over twice it (Polygon's)."""

    @property
    def done(self) -> bool:
        return self.found is not None or self.stopped is not None

    def record(self, test: KattisTest, verdict: Verdict, message: str) -> None:
        """Count one test's verdict: it refutes, its input is invalid, the judge failed
        (a compile error stops the search), or its wrong answer depends on timing."""
        self.tried += 1
        if verdict is Verdict.REFUTED:
            self.found = test
        elif message.startswith(TIMING):
            self.timing = self.timing or message.removeprefix(f"{TIMING}: ")
        elif verdict is Verdict.INVALID_INPUT:
            self.rejected += 1
        elif verdict is Verdict.JUDGE_ERROR:
            if message.startswith("does not compile"):
                self.stopped = (message, "does not compile")
            self.errors += 1

    def outcome(self) -> tuple[KattisTest | None, str, str | None]:
        """The failing input, or ``None`` with the reason and cause."""
        if self.found is not None:
            return self.found, "", None
        if self.stopped is not None:
            return None, *self.stopped
        notes = [f"{self.rejected} rejected by the validator"] if self.rejected else []
        notes += [f"{self.errors} with a judge error"] if self.errors else []
        if self.marginal:
            notes.append(f"{self.marginal} over the time limit only within twice it")
        more = f" ({', '.join(notes)})" if notes else ""
        if not self.tried:
            return None, "no test refutes it: the package has no tests to try", "no tests"
        if self.timing:
            return None, f"only wrong answers that depend on timing{more}: {self.timing}", TIMING
        if self.errors == self.tried:
            return None, f"every test gave a judge error{more}", "judge error"
        return None, f"no test refutes it: {self.tried} tests tried{more}", "no test refutes it"
