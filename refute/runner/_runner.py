"""Running a benchmark: every (task, attempt) job, judged, recorded, resumable."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..agents import (
    Agent,
    BudgetExceeded,
    Candidate,
    MeteredModel,
    ProgramSource,
    TaskView,
    Toolbox,
    resolve_agent,
)
from ..agents.methods import generated_tests
from ..errors import RefuteError, RunError
from ..files import atomic_write, writable_dir
from ..judge import Judge, JudgeResult, SolutionJudge, SolutionResult, SolutionVerdict, Verdict
from ..models import Model, ModelConfigError, ModelLimiter, get_model
from ..problems import Task, load_problems
from ..sandbox import Language, Limits, Program, Sandbox, SandboxConfig
from ._config import RunConfig, RunFile, provenance
from ._faults import Cause, Health, InfrastructureError, engine_trouble, infrastructure_cause
from ._minimize import minimize
from ._records import INPUT_CAP, AttemptLog, AttemptRecord, FaultOf, Outcome
from ._selector import FuzzSelection, SelectorError, fair_selection, select_tasks
from ._summary import Summary, summarize

GENERATOR_LIMITS = Limits(cpu_ms=30_000, memory_mb=1024, output_bytes=64 << 20)
"""Limits for an agent's input generator (REFUTE: 30 s per code execution)."""


class RunDirError(RunError):
    """A run directory that cannot be used as asked."""


@dataclass
class Progress:
    """Counts a progress display shows; updated after every attempt."""

    total: int = 0
    done: int = 0
    refuted: int = 0
    errors: int = 0
    """Attempts in which the agent raised an exception."""
    infra_errors: int = 0
    """Attempts the infrastructure failed (redone by ``--resume``)."""
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    started: float = field(default_factory=time.monotonic)

    def add(self, record: AttemptRecord) -> None:
        self.done += 1
        self.refuted += int(record.refuted)
        self.errors += int(record.outcome is Outcome.AGENT_ERROR)
        self.infra_errors += int(record.outcome is Outcome.INFRA_ERROR)
        self.input_tokens += record.input_tokens
        self.output_tokens += record.output_tokens
        self.cost_usd += record.cost_usd


def attempt_seed(seed: int, task_id: str, attempt: int) -> int:
    """A seed for one attempt, derived from the run's seed, stable across machines."""
    digest = hashlib.sha256(f"{seed}:{task_id}:{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def _slug(task_id: str) -> str:
    return task_id.replace("/", "__")


@dataclass
class AttemptEnv:
    """What one attempt needs, wherever it runs: on this machine or on a cluster node."""

    config: RunConfig
    agent: Agent
    oracle: bool
    sandbox: Sandbox
    judge: Judge
    solutions: SolutionJudge
    model: Model | None


def attempt_env(config: RunConfig, sandbox: Sandbox, model: Model | None) -> AttemptEnv:
    """The environment of the attempts of a run of ``config``, judged in ``sandbox``."""
    entry = resolve_agent(config.agent)
    agent = entry.factory(**config.agent_options)
    judge = Judge(sandbox.judge, config.judge)
    solutions = SolutionJudge(sandbox.untrusted, judge)
    return AttemptEnv(config, agent, entry.oracle, sandbox, judge, solutions, model)


@dataclass
class FinishedAttempt:
    """An attempt done but not yet kept: the record's fields without its file paths, the
    input and the transcript. Only the driver writes them into the run directory, so an
    attempt run on a cluster node is kept exactly as one run here."""

    fields: dict[str, Any]
    cause: Cause | None
    text: str | None
    transcript: dict[str, Any]


Execute = Callable[[Task, int], Awaitable[FinishedAttempt]]
"""Runs one attempt (task, attempt index) wherever attempts run."""


@dataclass
class Executor:
    """Where the attempts of one run go, as a backend opened it."""

    execute: Execute
    concurrency: int
    """Attempts to keep in flight."""
    image_id: str
    toolchain: dict[str, str]


class Backend(Protocol):
    """Runs attempts somewhere: this machine (the default) or a cluster (refute.cluster)."""

    def open(self, config: RunConfig) -> contextlib.AbstractAsyncContextManager[Executor]:
        """Set up for the run of ``config`` (sandboxes, model clients) until closed."""
        ...


class BackendGone(InfrastructureError):
    """Nowhere is left to run attempts (every cluster node gone): the run stops."""


class LocalBackend:
    """Attempts run on this machine: one sandbox pool, one model client."""

    @contextlib.asynccontextmanager
    async def open(self, config: RunConfig) -> AsyncIterator[Executor]:
        async with contextlib.AsyncExitStack() as stack:
            model: Model | None = None
            if config.model:
                limiter = ModelLimiter(config.model_concurrency)
                model = await stack.enter_async_context(
                    get_model(
                        config.model,
                        config.sampling,
                        no_cache=config.no_cache,
                        limiter=limiter,
                        retry=config.model_retry,
                    )
                )
            workers = config.sandbox_workers
            sandbox = await stack.enter_async_context(
                Sandbox(
                    SandboxConfig(
                        image=config.image, judge_workers=workers, untrusted_workers=workers
                    )
                )
            )
            env = attempt_env(config, sandbox, model)

            async def execute(task: Task, index: int) -> FinishedAttempt:
                return await run_attempt(env, task, index)

            yield Executor(
                execute=execute,
                concurrency=attempt_concurrency(config),
                image_id=sandbox.image_id,
                toolchain=sandbox.toolchain,
            )


def attempt_concurrency(config: RunConfig) -> int:
    """Attempts in flight on one sandbox pool: with a model, several per model slot, so
    that one attempt's judging overlaps the next one's model call (the limiter caps the
    calls)."""
    return config.model_concurrency * 4 if config.model else config.sandbox_workers * 2


@dataclass
class _Context:
    config: RunConfig
    out: Path
    execute: Execute
    log: AttemptLog
    progress: Progress
    on_progress: Callable[[Progress], None]
    spent: float = 0.0


async def run_benchmark(
    config: RunConfig,
    out: Path,
    *,
    resume: bool = False,
    on_progress: Callable[[Progress], None] = lambda progress: None,
    on_selection: Callable[[int, FuzzSelection], None] = lambda kept, selection: None,
    backend: Backend | None = None,
) -> Summary:
    """Run (or, with ``resume``, continue) a benchmark into the directory ``out``.

    Without ``resume`` a directory that already holds attempts is refused, so a run is
    never mixed into another by mistake; with it, recorded attempts are not redone
    (infrastructure errors are: they were no attempt of the agent's).

    Writes ``config.json``, appends one line per finished attempt to ``attempts.jsonl``,
    keeps each attempt's full input and transcript, and writes ``summary.json``.
    Unless ``config.include_fuzzable``, tasks the fuzz baseline refutes are left out;
    ``on_selection`` hears how many tasks are kept and what was left out. ``backend``
    says where attempts run (default :class:`LocalBackend`: this machine).

    Raises ``InfrastructureError`` when the infrastructure keeps failing (the engine is
    gone, the model service fails attempt after attempt): the run stops there, keeps
    what it recorded, writes ``summary.json`` and says how to resume.

    Example::

        config = RunConfig(problems_dir=Path("problems"), agent="fuzz", attempts=2)
        summary = asyncio.run(run_benchmark(config, Path("runs/fuzz-1")))
        print(summary.success_rate, summary.pass_at_k)
    """
    problems = load_problems(config.problems_dir)
    selected = select_tasks(problems.tasks(), config.problems)
    tasks, selection = fair_selection(selected, include_fuzzable=config.include_fuzzable)
    if not tasks:
        raise SelectorError(
            f"--problems {config.problems or ''}: all {len(selected)} selected task(s) are "
            "fuzz-findable; pass --include-fuzzable to keep them"
        )
    entry = resolve_agent(config.agent)
    if entry.needs_model and not config.model:
        raise RefuteError(f"--agent {entry.name} needs a model: pass --model provider/name")
    _prepare(out)
    log = AttemptLog(out / "attempts.jsonl")
    recorded = log.read()
    if recorded and not resume:
        raise RunDirError(f"--out {out}: it holds a run already; use --resume {out}")
    done = {(r.task_id, r.attempt) for r in recorded if r.fault is not FaultOf.INFRASTRUCTURE}
    jobs = [
        (task, index)
        for index in range(config.attempts)
        for task in tasks
        if (task.id, index) not in done
    ]
    stopped: str | None = None
    async with (backend or LocalBackend()).open(config) as executor:
        run_file = RunFile(
            config=config,
            provenance=provenance(
                tasks, executor.image_id, entry.oracle, executor.toolchain, selection
            ),
        )
        try:
            _write_json(out / "config.json", run_file.model_dump(mode="json"))
        except OSError as error:
            raise RunDirError(f"--out {out}: cannot write config.json ({error})") from error
        on_selection(len(tasks), selection)
        context = _Context(
            config=config,
            out=out,
            execute=executor.execute,
            log=log,
            progress=Progress(total=len(jobs)),
            on_progress=on_progress,
            spent=sum(r.cost_usd for r in recorded),
        )
        on_progress(context.progress)
        stopped = await _run_jobs(context, jobs, executor.concurrency)
    summary = summarize(tasks, log.read(), config.attempts, seed=config.seed)
    try:
        _write_json(
            out / "summary.json",
            summary.model_dump(mode="json") | {"selection": selection.model_dump(mode="json")},
        )
    except OSError as error:
        stopped = stopped or f"cannot write {out / 'summary.json'}: {error}"
    if stopped is not None:
        kept = summary.attempts + summary.judge_errors
        raise InfrastructureError(
            f"run stopped: {stopped}; {kept} attempts kept, {summary.infra_errors} "
            f"infrastructure error(s), {summary.pending} to do; "
            f"once it works again, resume with: refute run --resume {out}"
        )
    return summary


def _prepare(out: Path) -> None:
    """Make the run directory, or say in one line why it cannot be one."""
    if out.exists() and not out.is_dir():
        raise RunDirError(f"--out {out}: it is a file, not a directory")
    try:
        writable_dir(out)
    except OSError as error:
        raise RunDirError(f"--out {out}: cannot write there ({error.strerror or error})") from error


async def _run_jobs(
    context: _Context, jobs: list[tuple[Task, int]], concurrency: int
) -> str | None:
    """Run the jobs; the reason the run had to stop early, or ``None``."""
    queue: asyncio.Queue[tuple[Task, int]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    health = Health()

    async def worker() -> None:
        while not queue.empty():
            task, index = queue.get_nowait()
            limit = context.config.max_cost
            if limit is not None and context.spent >= limit:
                continue  # over budget: start nothing new; --resume picks these up
            try:
                finished = await context.execute(task, index)
            except BackendGone as error:
                raise _Stop(str(error)) from error
            record, cause = _keep(context.out, task, index, finished)
            context.spent += record.cost_usd
            try:
                context.log.append(record)
            except OSError as error:  # the run directory's disk: nothing can be kept
                raise _Stop(f"cannot write {context.log.path}: {error}") from error
            context.progress.add(record)
            context.on_progress(context.progress)
            reason = await health.after(cause, record.message)
            if reason is not None:
                raise _Stop(reason)

    stopped: list[str] = []
    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(min(concurrency, max(len(jobs), 1))):
                group.create_task(worker())
    except* ModelConfigError as errors:
        raise errors.exceptions[0] from None
    except* _Stop as stops:
        stopped = [stop.reason for stop in stops.exceptions if isinstance(stop, _Stop)]
    return stopped[0] if stopped else None


class _Stop(RunError):
    """Raised by a worker to stop the run; the other attempts in flight are cancelled
    (not recorded: ``--resume`` runs them)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


async def run_attempt(context: AttemptEnv, task: Task, index: int) -> FinishedAttempt:
    """One attempt, redone once when a sandbox container was lost under it.

    The pool has replaced the container by then; when the engine still answers, the
    attempt runs again from the start (model calls replay from the response cache). The
    money of both tries is kept; tokens are the last try's (a replay reports the same).
    """
    first = await _try(context, task, index)
    if first.cause is not Cause.SANDBOX or await engine_trouble() is not None:
        return first
    again = await _try(context, task, index)
    cost = first.fields.get("cost_usd", 0.0) + again.fields.get("cost_usd", 0.0)
    again.fields |= {"tries": 2, "cost_usd": cost}
    return again


async def _try(context: AttemptEnv, task: Task, index: int) -> FinishedAttempt:
    started = time.monotonic()
    key = f"{task.id}#{index}"
    # A repeat of a run must not replay the first run's cached responses.
    cache_key = key if context.config.repeat is None else f"{key}@repeat-{context.config.repeat}"
    metered = MeteredModel(context.model, cache_key) if context.model is not None else None
    tools = Toolbox(
        context.sandbox,
        context.judge,
        task,
        context.agent.budget,
        oracle=context.oracle,
        seed=attempt_seed(context.config.seed, task.id, index),
        model=metered,
    )
    base: dict[str, Any] = {"task_id": task.id, "attempt": index, "oracle": context.oracle}
    candidate: Candidate | None = None
    judged: JudgeResult | SolutionResult | None = None
    text: str | None = None
    cause: Cause | None = None
    try:
        candidate = await context.agent.attempt(TaskView.of(task, oracle=context.oracle), tools)
        if candidate.empty:
            base |= {"outcome": Outcome.NO_CANDIDATE, "message": candidate.failure or "no input"}
        elif candidate.solution is not None:
            judged = await _judge_solution(context, task, candidate.solution)
            base |= _solution_fields(judged)
        else:
            text, why = await _candidate_text(context, candidate)
            if text is None:
                base |= {"outcome": Outcome.NO_CANDIDATE, "message": why}
            else:
                judged_input = await context.judge.judge(task, text)
                base |= _judged(judged_input)
                judged = judged_input
    except ModelConfigError:
        raise
    except BudgetExceeded as error:
        base |= {"outcome": Outcome.NO_CANDIDATE, "message": f"budget: {error}"}
    except Exception as error:
        cause = infrastructure_cause(error)
        if cause is None:  # the agent's own fault: recorded, the run goes on
            base |= {"outcome": Outcome.AGENT_ERROR, "message": _said(error)}
        else:
            base |= {"outcome": Outcome.INFRA_ERROR, "message": _said(error)}

    if judged is not None and judged.sandbox_failure:
        base["outcome"], cause = Outcome.INFRA_ERROR, Cause.SANDBOX
    swallowed = tools.infrastructure_faults + (metered.infrastructure_faults if metered else [])
    gave_up = base.get("outcome") in (Outcome.NO_CANDIDATE, Outcome.AGENT_ERROR)
    if swallowed and cause is None and gave_up:
        # The agent caught a fault of the sandbox or the model and gave up: not its fault.
        what = swallowed[-1]
        base |= {"outcome": Outcome.INFRA_ERROR, "message": f"after a tool's failure: {what}"}
        cause = Cause.MODEL if metered and metered.infrastructure_faults else Cause.SANDBOX
    if text is not None and base.get("refuted") and context.config.minimize:
        try:
            base["minimized_input"] = await minimize(context.judge, task, text)
        except Exception as error:
            if infrastructure_cause(error) is None:
                raise
            # The refutation stands; only its shrinking was lost (the next attempt
            # finds out whether the infrastructure is still there).
    transcript = {
        "attempt": key,
        "candidate": candidate.model_dump(mode="json") if candidate is not None else None,
        "tool_calls": [call.model_dump(mode="json") for call in tools.calls],
        "model": tools.model.transcript if tools.model is not None else [],
        "judge": judged.model_dump(mode="json") if judged is not None else None,
    }
    if metered is not None:
        usage = metered.usage
        base |= {
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "cost_usd": usage.cost_usd,
            "model_calls": usage.calls,
        }
    base |= {
        "tool_calls": len(tools.calls),
        "wall_s": round(time.monotonic() - started, 3),
        "metrics": candidate.metrics if candidate is not None else {},
    }
    return FinishedAttempt(base, cause, text, transcript)


def _keep(
    out: Path, task: Task, index: int, finished: FinishedAttempt
) -> tuple[AttemptRecord, Cause | None]:
    """Write an attempt's input and transcript into the run directory; its record."""
    fields, cause = dict(finished.fields), finished.cause
    try:
        fields |= _files(out, index, task.id, finished.text, finished.transcript)
    except OSError as error:
        fields |= {"outcome": Outcome.INFRA_ERROR, "message": f"cannot keep the attempt: {error}"}
        cause = Cause.DISK
    return AttemptRecord.model_validate(fields), cause


def _said(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


async def _candidate_text(context: AttemptEnv, candidate: Candidate) -> tuple[str | None, str]:
    if candidate.input is not None:
        return candidate.input, ""
    assert candidate.generator is not None
    try:
        language = Language.parse(candidate.generator.language)
    except ValueError as error:
        return None, f"generator: {error}"
    program = Program(source=candidate.generator.code, language=language)
    run = await context.sandbox.untrusted.run(program, "", GENERATOR_LIMITS)
    if not run.ok:
        said = run.stderr.strip()[-300:]
        return None, f"the input generator failed: {run.describe()}" + (f": {said}" if said else "")
    return run.stdout, ""


async def _judge_solution(
    context: AttemptEnv, task: Task, solution: ProgramSource
) -> SolutionResult:
    try:
        language = Language.parse(solution.language)
    except ValueError as error:
        return context.solutions.unknown_language(task, f"solution: {error}")
    program = Program(source=solution.code, language=language)
    # The same random tests for every attempt on a problem: attempts stay comparable and
    # the reference runs once per test.
    seed = attempt_seed(context.config.seed, task.problem.id, 0)
    generated = generated_tests(TaskView.of(task), seed)
    return await context.solutions.judge(task, program, generated)


def _solution_fields(result: SolutionResult) -> dict[str, Any]:
    judge_error = result.verdict is SolutionVerdict.JUDGE_ERROR
    return {
        "outcome": Outcome.JUDGED,
        "solution_verdict": result.verdict,
        "verdict": Verdict.JUDGE_ERROR if judge_error else None,
        "message": result.message,
        "failed_test": result.failed_test,
        "refuted": result.accepted,
    }


def _judged(result: JudgeResult) -> dict[str, Any]:
    return {
        "outcome": Outcome.JUDGED,
        "verdict": result.verdict,
        "reason": result.reason,
        "message": result.message,
        "refuted": result.verdict is Verdict.REFUTED,
    }


def _files(
    out: Path, index: int, task_id: str, text: str | None, transcript: dict[str, Any]
) -> dict[str, Any]:
    folder = _slug(task_id)
    fields: dict[str, Any] = {}
    if text is not None:
        path = out / "inputs" / folder / f"{index}.in"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        fields |= {"input": text[:INPUT_CAP], "input_path": str(path.relative_to(out))}
    path = out / "transcripts" / folder / f"{index}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_json(path, transcript)
    fields["transcript"] = str(path.relative_to(out))
    return fields


def _write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8", "backslashreplace"))  # never fails on bytes


def load_run_config(directory: Path) -> RunConfig:
    """The configuration of the run in ``directory`` (for ``--resume``)."""
    path = directory / "config.json"
    if not path.is_file():
        raise RunDirError(f"--resume {directory}: no config.json there; is it a run directory?")
    try:
        return RunFile.model_validate_json(path.read_text(encoding="utf-8")).config
    except ValueError as error:
        first = str(error).splitlines()[0]
        raise RunDirError(f"{path}: unreadable ({first})") from error
