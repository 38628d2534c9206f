"""One refresh run: new Codeforces contests in, gated packages out, every decision kept."""

from __future__ import annotations

import contextlib
import datetime
import os
import secrets
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..errors import RefreshError
from ..importers import (
    ImportStatus,
    Publisher,
    staging,
    write_tree,
)
from ..judge import Judge, JudgeConfig
from ..models import Model, ModelConfigError, ModelError, get_model
from ..problems import (
    PackageError,
    SourceFile,
    Task,
)
from ..sandbox import (
    IMAGE,
    Language,
    Limits,
    Program,
    RunResult,
    Sandbox,
    SandboxConfig,
    SandboxError,
)
from ._api import (
    CODEFORCES_URL,
    CfSubmission,
    CodeforcesClient,
    CodeforcesError,
    Contest,
    Hack,
)
from ._gates import example_failure, fuzz_gate, reference_failures, refuting_test
from ._package import (
    NO_VALIDATOR,
    PENDING_FILE,
    PROVENANCE_FILE,
    PackageProvenance,
    pending_note,
    provenance_json,
)
from ._pages import PageError, ProblemPage, parse_problem_page, parse_submission_page
from ._pages import several_answers as several_answers_phrase
from ._ranking import HackTest, RankedSubmission, hack_tests, rank_accepted, rank_incorrect
from ._report import RefreshOutcome, RefreshReport, ReportEntry
from ._state import (
    FINAL,
    ContestEntry,
    Decision,
    PageCache,
    ProblemEntry,
    RunEntry,
    StateFile,
    SubmissionEntry,
    now_iso,
)
from ._validator import ValidatorResult, draft_validator, mutations
from ._work import (
    Bench,
    Kept,
    ProblemWork,
    base_draft,
    provenance_of,
    source_file,
    submission_drafts,
    task_submission,
)

STATE_FILE = ".refresh-state.json"
"""The default state file, in the output directory (the loader ignores files)."""

CACHE_DIR = ".refresh-cache"
"""Fetched pages of undecided problems, in the output directory (a dot keeps the loader
away)."""

PENDING_DIR = "pending"
"""Packages that wait for a validator: ``<out>/pending/<id>/``; ``load_problems`` skips it."""

VALIDATOR_LIMITS = Limits(cpu_ms=10_000, memory_mb=1024)

_OUTCOMES = {
    Decision.ACCEPTED: RefreshOutcome.NEW,
    Decision.PENDING: RefreshOutcome.PENDING,
    Decision.SKIPPED: RefreshOutcome.SKIPPED,
    Decision.DEFERRED: RefreshOutcome.DEFERRED,
}


class RefreshConfig(BaseModel):
    """The options of a refresh run (``refute problems refresh``).

    Args:
        since: the first contest day (UTC) of the window.
        until: the last contest day (default: today).
        min_rating: problems rated below this are skipped (default 1200, as REFUTE).
        out: the problem set directory the new packages go to.
        state: the state file (default ``<out>/.refresh-state.json``).
        model: ``provider/model`` that drafts validators; without one, packages wait in
            ``<out>/pending/``.
        codeforces_url: the site (default ``https://codeforces.com``).
        max_contests: at most this many contests per run (default: all in the window).
        rate_limit_s: least time between two requests to the site (default 2.0).
        backoff_s: first delay before retrying a refused request; doubles (default 2.0).
        drafts: validator drafts per problem (default 3).
        candidates: incorrect submissions tried per problem (default 3).
        references: accepted submissions tried as the reference (default 3).
        tasks_per_problem: tasks kept per problem (default 1).
        fuzz_seconds: the fuzz baseline's budget per task (default 10).
        seed: base seed of the fuzz baseline.
        retry_pending: take up again problems left pending by earlier runs.
        judge: the judge's rules for every gate.
        image: the sandbox image.
        workers: containers per sandbox pool (default: one per CPU).
    """

    since: datetime.date
    until: datetime.date | None = None
    min_rating: int = 1200
    out: Path
    state: Path | None = None
    model: str | None = None
    codeforces_url: str = CODEFORCES_URL
    max_contests: int | None = Field(default=None, ge=1)
    rate_limit_s: float = Field(default=2.0, ge=0)
    backoff_s: float = Field(default=2.0, ge=0)
    drafts: int = Field(default=3, ge=1)
    candidates: int = Field(default=3, ge=1)
    references: int = Field(default=3, ge=1)
    tasks_per_problem: int = Field(default=1, ge=1)
    fuzz_seconds: float = Field(default=10.0, gt=0)
    seed: int = 0
    retry_pending: bool = False
    judge: JudgeConfig = Field(default_factory=JudgeConfig)
    image: str = IMAGE
    workers: int | None = Field(default=None, ge=1)

    @property
    def state_path(self) -> Path:
        return self.state if self.state is not None else self.out / STATE_FILE

    @property
    def last_day(self) -> datetime.date:
        return self.until or datetime.datetime.now(datetime.UTC).date()


async def refresh(
    config: RefreshConfig,
    *,
    client: CodeforcesClient | None = None,
    sandbox: Sandbox | None = None,
    model: Model | None = None,
    on_event: Callable[[str], None] = lambda line: None,
) -> RefreshReport:
    """Run one refresh: see ``docs/refresh.md``. Returns the report, also written to
    ``<out>/refresh-report.json``.

    ``client``, ``sandbox`` and ``model`` default to ones built from ``config`` (the
    sandbox is started only when a problem needs it); tests pass their own.

    Example::

        config = RefreshConfig(since=datetime.date(2026, 6, 1), out=Path("problems"),
                               model="openai/gpt-4.1")
        report = asyncio.run(refresh(config, on_event=print))
        print(report.summary(), report.new_tasks)
    """
    if config.since > config.last_day:
        raise RefreshError(f"--since {config.since} is after --until {config.last_day}")
    state = StateFile(config.state_path)
    run_id = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ-") + secrets.token_hex(2)
    report = RefreshReport(
        run=run_id,
        started=now_iso(),
        since=config.since.isoformat(),
        until=config.last_day.isoformat(),
        out=str(config.out),
    )
    async with contextlib.AsyncExitStack() as stack:
        if client is None:
            client = await stack.enter_async_context(
                CodeforcesClient(
                    config.codeforces_url,
                    rate_limit_s=config.rate_limit_s,
                    backoff_s=config.backoff_s,
                )
            )
        if model is None and config.model:
            model = await stack.enter_async_context(get_model(config.model))
        job = _Refresh(config, state, client, model, report, on_event, stack, sandbox)
        try:
            await job.run()
        finally:
            report.finished = now_iso()
            report.api_calls = dict(client.stats.api_calls)
            report.pages = len(client.stats.pages)
            report.retries = client.stats.retries
            state.data.runs[-1].finished = report.finished if job.completed else None
            state.data.runs[-1].counts = {o.value: len(report.of(o)) for o in RefreshOutcome}
            state.save()
            report.write(config.out)
    return report


class _Refresh:
    def __init__(
        self,
        config: RefreshConfig,
        state: StateFile,
        client: CodeforcesClient,
        model: Model | None,
        report: RefreshReport,
        on_event: Callable[[str], None],
        stack: contextlib.AsyncExitStack,
        sandbox: Sandbox | None,
    ):
        self.config = config
        self.state = state
        self.client = client
        self.model = model
        self.report = report
        self.say = on_event
        self.stack = stack
        self._sandbox = sandbox
        self._judge: Judge | None = None
        self.cache = PageCache(config.state_path.parent / CACHE_DIR)
        self.run_id = report.run
        self.completed = False
        self._ratings: dict[str, int | None] | None = None

    # -- the run ----------------------------------------------------------------------

    async def run(self) -> None:
        options = self.config.model_dump(mode="json")
        self.state.data.runs.append(RunEntry(id=self.run_id, started=now_iso(), options=options))
        self.state.save()
        contests = await self.client.contests(gym=False)
        window = sorted(
            (c for c in contests if self._in_window(c)),
            key=lambda c: (c.start_time_seconds or 0, c.id),
        )
        visits = [c for c in window if self._needs_visit(c)]
        if self.config.max_contests is not None:
            visits = visits[: self.config.max_contests]
        self.report.unchanged = sum(
            len(entry.problems)
            for c in window
            if c not in visits and (entry := self.state.data.contests.get(str(c.id)))
        )
        self.say(f"{len(window)} contest(s) in the window, {len(visits)} to look at")
        for contest in visits:
            await self._contest(contest)
        self.completed = True

    def _in_window(self, contest: Contest) -> bool:
        if contest.phase != "FINISHED" or contest.start_time_seconds is None:
            return False
        day = datetime.datetime.fromtimestamp(contest.start_time_seconds, datetime.UTC).date()
        return self.config.since <= day <= self.config.last_day

    def _retry(self, entry: ProblemEntry) -> bool:
        """Whether an earlier decision about a problem is taken up again in this run."""
        if entry.decision in FINAL:
            return False
        if entry.decision is Decision.DEFERRED:
            return True
        return self.config.retry_pending or (entry.needs_model and self.model is not None)

    def _needs_visit(self, contest: Contest) -> bool:
        entry = self.state.data.contests.get(str(contest.id))
        if entry is None or not entry.done:
            return True
        problems = self.state.data.problems
        return any(self._retry(problems[key]) for key in entry.problems if key in problems)

    async def _problem_ratings(self) -> dict[str, int | None]:
        if self._ratings is None:
            self._ratings = {p.key: p.rating for p in await self.client.problemset()}
        return self._ratings

    async def _contest(self, contest: Contest) -> None:
        self.say(f"contest {contest.id}: {contest.name}")
        self.report.contests.append(contest.id)
        try:
            problems = await self.client.contest_problems(contest.id)
        except CodeforcesError as error:
            self.say(f"contest {contest.id}: {error}; tried again next run")
            return
        entry = ContestEntry(
            id=contest.id,
            name=contest.name,
            start=contest.start_time_seconds or 0,
            problems=[p.key for p in problems],
            run=self.run_id,
        )
        known = self.state.data.problems
        todo = [p for p in problems if p.key not in known or self._retry(known[p.key])]
        self.report.unchanged += len(problems) - len(todo)
        if todo:
            try:
                ratings = await self._problem_ratings()
                hacks = await self.client.hacks(contest.id)
                submissions = await self.client.submissions(contest.id)
                authors = await self.client.rating_changes(contest.id)
            except CodeforcesError as error:
                self.say(f"contest {contest.id}: {error}; tried again next run")
                return
            for problem in todo:
                rating = ratings.get(problem.key) or problem.rating
                work = ProblemWork(contest, problem, self.client.base_url, rating)
                await self._decide(work, hacks, submissions, authors)
        entry.done = all(
            p.key in known and known[p.key].decision is not Decision.DEFERRED for p in problems
        )
        self.state.data.contests[str(contest.id)] = entry
        self.state.save()

    # -- one problem ------------------------------------------------------------------

    async def _decide(
        self,
        work: ProblemWork,
        hacks: Sequence[Hack],
        submissions: Sequence[CfSubmission],
        authors: dict[str, int],
    ) -> None:
        try:
            decision = await self._problem(work, hacks, submissions, authors)
        except PageError as error:
            self.cache.drop(work.pages)  # a login wall or a new layout: fetch afresh next time
            decision = self._record(work, Decision.DEFERRED, [f"unreadable page: {error}"])
        except (CodeforcesError, SandboxError) as error:
            decision = self._record(work, Decision.DEFERRED, [f"{type(error).__name__}: {error}"])
        except PackageError as error:
            decision = self._skip(work, f"the package does not load: {error}")
        except ModelConfigError:
            raise
        except ModelError as error:
            decision = self._record(work, Decision.DEFERRED, [f"the model failed: {error}"])
        said = decision.tasks if decision.decision is Decision.ACCEPTED else decision.reasons
        self.say(f"  {work.key}: {decision.decision}" + _first(said))

    def _record(
        self,
        work: ProblemWork,
        decision: Decision,
        reasons: list[str],
        *,
        path: str | None = None,
        tasks: Sequence[str] = (),
        needs_model: bool = False,
    ) -> ProblemEntry:
        entry = ProblemEntry(
            key=work.key,
            contest_id=work.contest.id,
            index=work.cf.index,
            name=work.cf.name,
            decision=decision,
            reasons=[*reasons, *work.notes],
            package=work.id if path else None,
            path=path,
            tasks=list(tasks),
            needs_model=needs_model,
            run=self.run_id,
            decided=now_iso(),
        )
        self.state.decide(entry)
        if decision in FINAL:
            self.cache.drop(work.pages)
            stale = self.config.out / PENDING_DIR / work.id
            if stale.is_dir():  # pending before, decided now
                shutil.rmtree(stale)
        self.report.entries.append(
            ReportEntry(
                problem=work.key,
                name=work.cf.name,
                url=work.url,
                outcome=_OUTCOMES[decision],
                package=entry.package,
                path=path,
                tasks=list(tasks),
                reasons=entry.reasons,
            )
        )
        return entry

    def _skip(self, work: ProblemWork, *reasons: str) -> ProblemEntry:
        return self._record(work, Decision.SKIPPED, list(reasons))

    async def _problem(
        self,
        work: ProblemWork,
        hacks: Sequence[Hack],
        submissions: Sequence[CfSubmission],
        authors: dict[str, int],
    ) -> ProblemEntry:
        cf, config = work.cf, self.config
        if cf.type != "PROGRAMMING":
            return self._skip(work, f"not a programming problem ({cf.type})")
        if "interactive" in cf.tags:
            return self._skip(work, "interactive problem (tagged interactive)")
        if work.rating is None:
            return self._record(work, Decision.DEFERRED, ["not rated yet"])
        if work.rating < config.min_rating:
            return self._skip(work, f"rated {work.rating}, below --min-rating {config.min_rating}")
        tests, unusable = hack_tests(hacks, cf.index)
        work.notes += unusable
        if not tests:
            return self._skip(work, "no successful hack with a published test to refute with")
        incorrect = rank_incorrect(submissions, tests, authors, cf.index)
        if not incorrect.candidates:
            return self._skip(work, "no hacked or wrong-answer submission in C++ or Python")
        accepted = rank_accepted(submissions, authors, cf.index)
        if not accepted.candidates:
            return self._skip(work, "no accepted submission in C++ or Python for a reference")

        path = f"/contest/{work.contest.id}/problem/{cf.index}"
        page = parse_problem_page(await self._page(work, path), work.url)
        if page.interactive:
            return self._skip(work, "interactive problem (the statement has an interaction)")
        phrase = several_answers_phrase(f"{page.legend}\n{page.output}\n{page.note}")
        if phrase:
            return self._skip(work, f"several answers may be correct: {phrase!r}")
        if not page.examples:
            return self._skip(work, "the page shows no examples")

        with staging(self.config.out) as stage:
            bench = Bench(stage, base_draft(work, page))
            reference = await self._reference(work, bench, accepted.candidates, tests)
            if reference is None:
                return self._skip(work, "no accepted submission reproduces the jury's answers")
            kept = await self._incorrect(work, bench, incorrect.candidates, tests)
            if not kept:
                return self._skip(
                    work,
                    "no incorrect submission passes the examples and is "
                    "refuted by a hack test in our judge",
                )
            valid = [e.input for e in bench.problem.examples] + [t.input for t in tests]
            invalid = mutations([e.input for e in bench.problem.examples], page.input, valid)
            bench.draft = bench.draft.model_copy(
                update={"invalid": tuple((m.name, m.input) for m in invalid)}
            )
            if self.model is None:
                reason = "no validator: no --model was given to draft one"
                return await self._pending(work, bench, kept, reason, needs_model=True)
            drafted = await self._validator(work, page, valid, invalid)
            if drafted.source is None:
                return await self._pending(work, bench, kept, drafted.reason, drafted=drafted)
            bench.draft = bench.draft.model_copy(
                update={"validator": SourceFile(source=drafted.source, extension="py")}
            )
            chosen = await self._fuzz(work, bench, kept)
            if not chosen:
                return self._skip(
                    work,
                    "the fuzz baseline refutes every candidate: randomly "
                    "findable tasks are left out, as in REFUTE",
                )
            return await self._publish(work, bench, chosen, drafted)

    # -- fetching ---------------------------------------------------------------------

    async def _page(self, work: ProblemWork, path: str) -> str:
        work.pages.append(path)
        cached = self.cache.get(path)
        if cached is not None:
            return cached
        html = await self.client.page(path)
        self.cache.put(path, html)
        return html

    async def _source(self, work: ProblemWork, candidate: RankedSubmission) -> str | None:
        submission = candidate.submission
        path = f"/contest/{work.contest.id}/submission/{submission.id}"
        html = await self._page(work, path)  # a site failure defers the whole problem
        try:
            return parse_submission_page(html)
        except PageError as error:
            work.notes.append(f"submission {submission.id}: source unavailable: {error}")
            return None

    # -- the sandbox ------------------------------------------------------------------

    async def sandbox(self) -> Sandbox:
        if self._sandbox is None:
            config = SandboxConfig(image=self.config.image)
            if self.config.workers is not None:
                config = SandboxConfig(
                    image=self.config.image,
                    judge_workers=self.config.workers,
                    untrusted_workers=self.config.workers,
                )
            try:
                self._sandbox = await self.stack.enter_async_context(Sandbox(config))
            except SandboxError as error:  # no sandbox, no gates: stop rather than defer all
                raise RefreshError(f"the sandbox does not start: {error}") from error
        return self._sandbox

    async def judge(self) -> Judge:
        if self._judge is None:
            self._judge = Judge((await self.sandbox()).judge, self.config.judge)
        return self._judge

    async def _run_draft(self, source: str, text: str) -> RunResult:
        """Run a model-written validator draft: untrusted pool, never the judge's."""
        program = Program(source=source, language=Language.parse("Python 3"))
        return await (await self.sandbox()).untrusted.run(program, text, VALIDATOR_LIMITS)

    # -- the steps --------------------------------------------------------------------

    async def _reference(
        self,
        work: ProblemWork,
        bench: Bench,
        candidates: Sequence[RankedSubmission],
        tests: Sequence[HackTest],
    ) -> RankedSubmission | None:
        judge = await self.judge()
        for candidate in candidates[: self.config.references]:
            source = await self._source(work, candidate)
            if source is None:
                continue
            reference = source_file(source, candidate)
            problem = bench.stage(reference=reference)
            failures = await reference_failures(judge, problem, problem.reference, tests)
            sid = candidate.submission.id
            if not failures:
                bench.draft = bench.draft.model_copy(update={"reference": reference})
                bench.reference = candidate
                self._submission(work, candidate, "reference", "reference")
                return candidate
            work.notes.append(f"reference candidate {sid}: {failures[0]}")
            self._submission(work, candidate, "reference", "rejected", failures[0])
        return None

    async def _incorrect(
        self,
        work: ProblemWork,
        bench: Bench,
        candidates: Sequence[RankedSubmission],
        tests: Sequence[HackTest],
    ) -> list[Kept]:
        judge = await self.judge()
        problem = bench.stage()
        kept: list[Kept] = []
        for candidate in candidates[: self.config.candidates]:
            source = await self._source(work, candidate)
            if source is None:
                continue
            sid = candidate.submission.id
            task = Task(
                problem=problem, submission=task_submission(candidate, source, problem.root)
            )
            failed = await example_failure(judge, task)
            if failed is not None:
                work.notes.append(f"submission {sid}: trivially refutable: {failed}")
                self._submission(work, candidate, "incorrect", "rejected", failed)
                continue
            own = [candidate.hack] if candidate.hack is not None else []
            order = own + [t for t in tests if t not in own]
            test, seen = await refuting_test(judge, task, order)
            if test is None:
                why = "no published hack test refutes it in our judge (" + "; ".join(seen) + ")"
                work.notes.append(f"submission {sid}: {why}")
                self._submission(work, candidate, "incorrect", "rejected", why)
                continue
            kept.append(Kept(candidate, source, test))
        return kept

    async def _validator(
        self, work: ProblemWork, page: ProblemPage, valid: list[str], invalid: Sequence[Any]
    ) -> ValidatorResult:
        assert self.model is not None
        return await draft_validator(
            self.model,
            page.markdown(),
            valid,
            invalid,
            self._run_draft,
            drafts=self.config.drafts,
            key=f"refresh/{work.key}/validator",
        )

    async def _fuzz(self, work: ProblemWork, bench: Bench, kept: list[Kept]) -> list[Kept]:
        judge = await self.judge()
        sandbox = await self.sandbox()
        problem = bench.stage(incorrect=submission_drafts(kept))
        tasks = {task.submission.name: task for task in problem.tasks()}
        chosen: list[Kept] = []
        for item in kept:
            item.fuzz = await fuzz_gate(
                sandbox,
                judge,
                tasks[item.name],
                seconds=self.config.fuzz_seconds,
                seed=self.config.seed,
            )
            sid = item.candidate.submission.id
            if item.fuzz.found:
                why = (
                    f"the fuzz baseline found a counterexample after {item.fuzz.inputs} inputs "
                    f"(budget {item.fuzz.seconds:g} s): randomly findable"
                )
                work.notes.append(f"submission {sid}: {why}")
                self._submission(work, item.candidate, "incorrect", "rejected", why)
                continue
            chosen.append(item)
            if len(chosen) == self.config.tasks_per_problem:
                break
        return chosen

    # -- writing ----------------------------------------------------------------------

    def _provenance(
        self,
        work: ProblemWork,
        bench: Bench,
        kept: Sequence[Kept],
        validator: dict[str, Any],
        pending: str | None = None,
    ) -> PackageProvenance:
        base = self.client.base_url
        reference = bench.reference
        return PackageProvenance(
            run=self.run_id,
            contest_id=work.contest.id,
            contest_name=work.contest.name,
            contest_start=work.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            date=work.start.date(),
            problem=work.key,
            url=work.url,
            rating=work.rating,
            reference=provenance_of(reference, base) if reference is not None else None,
            incorrect={item.name: provenance_of(item.candidate, base, item) for item in kept},
            hacks=sorted({item.test.hack_id for item in kept}),
            validator=validator,
            pending=pending,
            attribution=bench.draft.attribution or "",
        )

    async def _pending(
        self,
        work: ProblemWork,
        bench: Bench,
        kept: list[Kept],
        reason: str,
        *,
        needs_model: bool = False,
        drafted: ValidatorResult | None = None,
    ) -> ProblemEntry:
        validator: dict[str, Any] = {"written_by": None}
        if drafted is not None:
            validator = {
                "model": self.config.model or "(given)",
                "drafts": [d.model_dump() for d in drafted.drafts],
            }
        provenance = self._provenance(work, bench, kept, validator, pending=reason)
        draft = bench.draft.model_copy(
            update={
                "validator": SourceFile(source=NO_VALIDATOR, extension="py"),
                "incorrect": submission_drafts(kept),
                "extra": (
                    (PROVENANCE_FILE, provenance_json(provenance)),
                    (PENDING_FILE, pending_note(work.key, work.url, reason, work.id)),
                ),
            }
        )
        pending = self.config.out / PENDING_DIR
        pending.mkdir(parents=True, exist_ok=True)
        target = pending / work.id
        with staging(self.config.out) as stage:
            staged = stage / work.id
            write_tree(draft.files(), staged)
            if target.exists():
                os.replace(target, stage / "old")
            os.replace(staged, target)
        for item in kept:
            self._submission(work, item.candidate, "incorrect", "pending", reason)
        path = target.relative_to(self.config.out).as_posix()
        return self._record(
            work,
            Decision.PENDING,
            [reason],
            path=path,
            tasks=[f"{work.id}/{item.name}" for item in kept],
            needs_model=needs_model,
        )

    async def _publish(
        self, work: ProblemWork, bench: Bench, chosen: list[Kept], drafted: ValidatorResult
    ) -> ProblemEntry:
        validator = {
            "model": self.config.model or "(given)",
            "drafts": [d.model_dump() for d in drafted.drafts],
        }
        provenance = self._provenance(work, bench, chosen, validator)
        draft = bench.draft.model_copy(
            update={
                "incorrect": submission_drafts(chosen),
                "extra": ((PROVENANCE_FILE, provenance_json(provenance)),),
            }
        )
        publisher = Publisher(self.config.out, await self.judge())
        entries = await publisher.publish(draft, work.url)
        head = entries[0]
        for extra in entries[1:]:
            work.notes.append(f"{extra.id}: {'; '.join(extra.reasons)}")
        if head.status not in (ImportStatus.WRITTEN, ImportStatus.REPLACED, ImportStatus.UNCHANGED):
            return self._skip(work, f"the package failed to publish ({head.status})", *head.reasons)
        for item in chosen:
            if f"{work.id}/{item.name}" in head.tasks:
                self._submission(work, item.candidate, "incorrect", "task")
        return self._record(work, Decision.ACCEPTED, [], path=work.id, tasks=head.tasks)

    def _submission(
        self,
        work: ProblemWork,
        candidate: RankedSubmission,
        role: str,
        outcome: str,
        reason: str = "",
    ) -> None:
        self.state.submission(
            SubmissionEntry(
                id=candidate.submission.id,
                problem=work.key,
                role=role,
                outcome=outcome,
                reason=reason,
                run=self.run_id,
            )
        )


def _first(reasons: list[str]) -> str:
    return f" ({reasons[0]})" if reasons else ""
