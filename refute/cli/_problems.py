"""``refute problems ...``: list, show and check problem packages."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from ..judge import Judge, JudgeConfig, Mode, TaskCheck, check_task
from ..problems import FuzzBudget, ProblemSet, Task, default_problems_dir, load_problems
from ..report import build_index
from ..runner import RunConfig
from ..sandbox import IMAGE, Sandbox, SandboxConfig
from ._import import import_app
from ._refresh import refresh_command

problems_app = typer.Typer(help="List, show and check problem packages.", no_args_is_help=True)
problems_app.add_typer(import_app, name="import")
problems_app.command("refresh")(refresh_command)
out = Console()
err = Console(stderr=True)

PROBLEMS_DIR = typer.Option(
    None,
    "--problems-dir",
    metavar="DIR",
    file_okay=False,
    help="Problems directory (default: $REFUTE_PROBLEMS_DIR, else the bundled problems/).",
)
IMAGE_OPTION = typer.Option(IMAGE, "--image", help="Sandbox image.")
WORKERS = typer.Option(
    None, "--workers", min=1, help="Containers per sandbox pool (default: one per CPU)."
)
MODE = typer.Option(
    Mode.STRICT,
    "--mode",
    case_sensitive=False,
    help="Judging rules: strict (problem limits) or refute (REFUTE's).",
)


def load(problems_dir: Path | None, *, warn: bool = True) -> ProblemSet:
    """Load the problem set; with ``warn``, name each fault of a broken package on stderr.

    Commands that name their tasks pass ``warn=False``: a fault in one of those tasks is
    an error raised when it is asked for, and the others' faults are beside the point.
    """
    problems = load_problems(problems_dir)
    if warn:
        for error in problems.errors:
            err.print(f"[yellow]warning:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        if problems.errors:
            broken = len(problems.broken())
            err.print(
                f"[yellow]warning:[/] {broken} problem package(s) failed to load", highlight=False
            )
    return problems


def sandbox_config(image: str, workers: int | None) -> SandboxConfig:
    if workers is None:
        return SandboxConfig(image=image)
    return SandboxConfig(image=image, judge_workers=workers, untrusted_workers=workers)


def task_row(task: Task) -> dict[str, Any]:
    """A task as ``problems list --json`` prints it."""
    problem, submission = task.problem, task.submission
    return {
        "task_id": task.id,
        "problem_id": problem.id,
        "name": problem.name,
        "language": submission.language,
        "incorrect_path": str(submission.path),
        "fail_input_path": str(submission.fail_input_path),
        "rating": problem.rating,
        "tags": list(problem.tags),
        "bug": submission.bug,
        "time_limit_ms": problem.time_limit_ms,
        "memory_limit_mb": problem.memory_limit_mb,
        "checker": "custom"
        if problem.checker
        else ("tokens+tolerance" if problem.checker_settings.uses_tolerance else "tokens"),
        "source": problem.source,
        "fuzzability": task.fuzzability.value,
    }


@problems_app.command("list")
def list_tasks(
    problems_dir: Path | None = PROBLEMS_DIR,
    json_output: bool = typer.Option(False, "--json", help="Print a JSON list of tasks."),
) -> None:
    """One row per task (problem x incorrect submission)."""
    problems = load(problems_dir)
    rows = [task_row(task) for task in problems.tasks()]
    if json_output:
        print(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{len(rows)} tasks in {problems.root}")
    table.add_column("task", no_wrap=True)
    table.add_column("language", no_wrap=True)
    table.add_column("rating", justify="right")
    table.add_column("tags")
    table.add_column("bug")
    for row in rows:
        table.add_row(
            row["task_id"],
            row["language"],
            str(row["rating"] or ""),
            ", ".join(row["tags"]),
            row["bug"] or "",
        )
    out.print(table)


@problems_app.command("show")
def show(
    task_id: str = typer.Argument(..., help="A task id, or a problem id with one task."),
    problems_dir: Path | None = PROBLEMS_DIR,
    json_output: bool = typer.Option(False, "--json", help="Print the task as JSON."),
) -> None:
    """The statement, limits, examples and incorrect code of a task."""
    task = load(problems_dir, warn=False).task(task_id)
    problem, submission = task.problem, task.submission
    if json_output:
        row = task_row(task)
        row.update(
            statement=problem.statement.text,
            code=submission.program.source,
            examples=[e.model_dump() for e in problem.examples],
            note=submission.note,
        )
        print(json.dumps(row, indent=2))
        return
    facts = [
        f"[bold]{escape(task.id)}[/]: {escape(problem.name)}",
        f"limits: {problem.time_limit_ms} ms, {problem.memory_limit_mb} MB",
        f"rating: {problem.rating or '-'}   tags: {escape(', '.join(problem.tags)) or '-'}",
        f"source: {escape(problem.source)}" + (f" {escape(problem.url)}" if problem.url else ""),
    ]
    out.print("\n".join(facts), highlight=False)
    out.print(Panel(Markdown(problem.statement.text), title="statement"))
    for example in problem.examples:
        out.print(
            Panel(
                f"{escape(example.input.rstrip())}\n[dim]---[/]\n{escape(example.answer.rstrip())}",
                title=f"example {example.name}",
            )
        )
    lexer = "cpp" if submission.program.language.compiled else "python"
    title = f"incorrect/{submission.path.name} ({submission.language})"
    out.print(Panel(Syntax(submission.program.source, lexer, line_numbers=True), title=title))


TASK_IDS = typer.Argument(None, help="Tasks to check (default: every task).")


@problems_app.command("check")
def check(
    task_ids: list[str] | None = TASK_IDS,
    problems_dir: Path | None = PROBLEMS_DIR,
    json_output: bool = typer.Option(False, "--json", help="Print per-task results as JSON."),
    mode: Mode = MODE,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
    cluster: str | None = typer.Option(
        None, "--cluster", help="Check on a Ray cluster's nodes: HOST:PORT, ray://HOST:PORT, auto."
    ),
) -> None:
    """Check tasks: examples pass, validator accepts, the failing input refutes.

    Exits with 1 when any task (or, without TASK_IDS, any package) fails.
    """
    problems = load(problems_dir, warn=not task_ids)
    tasks = [problems.task(task_id) for task_id in task_ids] if task_ids else problems.tasks()
    if cluster is not None:  # Ray is imported only here
        from ..cluster import check_on_cluster

        checking = check_on_cluster(
            cluster, tasks, JudgeConfig(mode=mode), image=image, workers=workers
        )
    else:
        checking = _check(tasks, JudgeConfig(mode=mode), sandbox_config(image, workers))
    reports = asyncio.run(checking)
    if not task_ids:
        reports += [
            TaskCheck(
                task_id=package,
                ok=False,
                checks=[],
                reasons=[f"failed to load: {error}" for error in errors],
            )
            for package, errors in problems.broken().items()
        ]
    if json_output:
        print(
            json.dumps([r.model_dump(mode="json", exclude={"judged"}) for r in reports], indent=2)
        )
    else:
        table = Table(title=f"checked {len(reports)} tasks ({mode} mode)")
        table.add_column("task", no_wrap=True)
        table.add_column("ok")
        table.add_column("details")
        for report in reports:
            table.add_row(
                report.task_id,
                "[green]yes[/]" if report.ok else "[red]NO[/]",
                escape("\n".join(report.reasons)) or f"{len(report.checks)} checks",
            )
        out.print(table)
    failed = sum(not report.ok for report in reports)
    if failed:
        err.print(f"[red]{failed} of {len(reports)} task(s) failed the check[/]")
        raise typer.Exit(1)


async def _check(
    tasks: list[Task], judge_config: JudgeConfig, config: SandboxConfig
) -> list[TaskCheck]:
    async with Sandbox(config) as sandbox:
        judge = Judge(sandbox.judge, judge_config)
        limit = asyncio.Semaphore(sandbox.judge.size)

        async def one(task: Task) -> TaskCheck:
            async with limit:
                return await check_task(judge, task)

        return list(await asyncio.gather(*(one(task) for task in tasks)))


INDEX_OUT = typer.Option(
    None, "--out", help="Where to write the index (default: INDEX.md in the problems dir)."
)
INDEX_RUN_DIR = typer.Option(
    None, "--run-dir", help="Keep the fuzz run here (default: a temporary directory)."
)


@problems_app.command("index")
def index(
    problems_dir: Path | None = PROBLEMS_DIR,
    out_file: Path | None = INDEX_OUT,
    inputs: int = typer.Option(400, "--inputs", min=1, help="Fuzz inputs per attempt."),
    attempts: int = typer.Option(1, "--attempts", min=1, help="Fuzz attempts per task."),
    seed: int = typer.Option(0, "--seed", help="Base seed of the fuzz run."),
    wall_s: float = typer.Option(
        600.0, "--wall-cap", min=0.1, help="Safety cap on one attempt's wall time, in seconds."
    ),
    refuzz: bool = typer.Option(
        False, "--refuzz", help="Fuzz every task, not only those whose record is missing or stale."
    ),
    run_dir: Path | None = INDEX_RUN_DIR,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
) -> None:
    """Write each task's fuzzability record and INDEX.md (docs/selection.md).

    Only tasks whose record is missing, stale (the submission, reference or validator
    changed), made with other --inputs/--attempts/--seed, or cut short by the wall cap are
    fuzzed, unless --refuzz.
    """
    root = (problems_dir or default_problems_dir()).resolve()
    load(root)
    fields: dict[str, Any] = {"problems_dir": root, "image": image}
    if workers is not None:
        fields["sandbox_workers"] = workers
    config = RunConfig.model_validate(fields)
    budget = FuzzBudget(inputs=inputs, attempts=attempts, seed=seed, wall_s=wall_s)
    target = out_file or root / "INDEX.md"
    with tempfile.TemporaryDirectory(prefix="refute-index-") as tmp:
        result = asyncio.run(build_index(config, run_dir or Path(tmp), budget, refuzz=refuzz))
    target.write_text(result.markdown, encoding="utf-8")
    missing = sorted(set(result.fuzzed) - set(result.written))
    err.print(
        f"fuzzed {len(result.fuzzed)} task(s), wrote {len(result.written)} record(s)"
        + (f"; no record for {', '.join(missing)} (infrastructure errors)" if missing else ""),
        highlight=False,
    )
    err.print(f"wrote {target}")
