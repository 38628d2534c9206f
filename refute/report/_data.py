"""What a report shows, gathered from run directories: plain models, no plotting library.

The HTML page (``_html.py``) is made from a ``ReportData``; keeping the two apart lets the
data be tested without a browser and lets other front ends (a notebook) use the same data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from ..problems import Task
from ..results import (
    Comparison,
    Gap,
    Leaderboard,
    ResultsError,
    Run,
    compare,
    gap,
    is_solve_run,
    leaderboard,
)
from ..runner import AttemptRecord
from ..stats import Estimate

TEXT_CAP = 20_000
"""Characters of an input, a code listing or a transcript kept in the page: the full text
stays in the run directory, and a report of a few hundred tasks must stay openable."""


class AttemptView(BaseModel):
    """One attempt of one run on one task, as a task's row shows it."""

    run: str
    attempt: int
    verdict: str
    reason: str | None
    refuted: bool
    message: str
    input: str
    transcript: str


class TaskRow(BaseModel):
    """One task: what was asked, and every run's attempts at it."""

    task_id: str
    name: str
    rating: int | None
    tags: list[str]
    statement: str
    incorrect_language: str
    incorrect_code: str
    refuted_by: dict[str, bool]
    attempts: list[AttemptView]


class GroupRates(BaseModel):
    """Success per group (a rating bucket or a tag), per run: the bars of a figure."""

    groups: list[str]
    rates: dict[str, list[Estimate | None]]
    """Per run, one estimate per group (``None`` where the run has no task of the group)."""


class ReportData(BaseModel):
    """Everything one report shows."""

    runs: list[str]
    leaderboard: Leaderboard
    comparison: Comparison | None
    """Every pair of runs on their common tasks (``None`` for a single run, or runs with no
    common task)."""
    notes: list[str]
    by_rating: GroupRates
    by_tag: GroupRates
    pass_at_k: dict[str, dict[str, Estimate]]
    tasks: list[TaskRow]
    solve_runs: list[str] = []
    """Runs of ``--agent solve``: their successes are solved tasks, not refuted ones."""
    gaps: list[Gap] = []
    """Each solve run joined with the refute runs of its model (with every refute run when
    none shares its model): the falsification gap."""


def _cap(text: str) -> str:
    if len(text) <= TEXT_CAP:
        return text
    return text[:TEXT_CAP] + f"\n... ({len(text) - TEXT_CAP} more characters in the run directory)"


def _read(run: Run, relative: str | None) -> str:
    if not relative:
        return ""
    path = run.directory / relative
    try:
        return _cap(path.read_bytes().decode("utf-8", "backslashreplace"))
    except OSError:
        return f"({relative} is missing from the run directory)"


def _transcript(run: Run, record: AttemptRecord) -> str:
    text = _read(run, record.transcript)
    try:
        return _cap(json.dumps(json.loads(text), indent=2, ensure_ascii=False))
    except ValueError:
        return text


def _attempt(run: Run, record: AttemptRecord) -> AttemptView:
    decided = record.solution_verdict or record.verdict
    verdict = decided.value if decided else record.outcome.value
    text = _read(run, record.input_path) if record.input_path else (record.input or "")
    return AttemptView(
        run=run.name,
        attempt=record.attempt,
        verdict=verdict,
        reason=record.reason.value if record.reason else None,
        refuted=record.refuted,
        message=record.message or "",
        input=text,
        transcript=_transcript(run, record),
    )


def _order(name: str) -> tuple[int, str]:
    """Rating buckets by their lower end (``800-1199`` before ``1200-1599``), then names."""
    head = name.split("-", 1)[0]
    return (int(head), name) if head.isdigit() else (1 << 30, name)


def _groups(runs: Sequence[Run], field: str) -> GroupRates:
    groups = sorted({name for run in runs for name in getattr(run.summary, field)}, key=_order)
    rates: dict[str, list[Estimate | None]] = {}
    for run in runs:
        buckets = getattr(run.summary, field)
        rates[run.name] = [
            buckets[name].success_rate if name in buckets else None for name in groups
        ]
    return GroupRates(groups=groups, rates=rates)


def _task_rows(runs: Sequence[Run]) -> list[TaskRow]:
    tasks: dict[str, Task] = {}
    for run in runs:
        tasks |= run.load_tasks()
    ids = sorted({task for run in runs for task in run.file.provenance.tasks})
    rows = []
    for task_id in ids:
        task = tasks.get(task_id)
        attempts = [
            _attempt(run, record)
            for run in runs
            for record in sorted(run.records, key=lambda r: r.attempt)
            if record.task_id == task_id
        ]
        refuted_by = {
            run.name: run.outcomes[task_id].refuted
            for run in runs
            if task_id in run.outcomes and run.outcomes[task_id].attempts
        }
        rows.append(
            TaskRow(
                task_id=task_id,
                name=task.problem.name if task else task_id,
                rating=task.problem.rating if task else None,
                tags=list(task.problem.tags) if task else [],
                statement=_cap(task.problem.statement.text)
                if task
                else "(no longer in the problems directory)",
                incorrect_language=task.submission.language if task else "",
                incorrect_code=_cap(task.submission.program.source) if task else "",
                refuted_by=refuted_by,
                attempts=attempts,
            )
        )
    return rows


def _gaps(runs: Sequence[Run], force: bool, notes: list[str]) -> list[Gap]:
    solvers = [run for run in runs if is_solve_run(run)]
    refuters = [run for run in runs if not is_solve_run(run)]
    gaps = []
    for solve in solvers:
        same_model = [run for run in refuters if run.config.model == solve.config.model]
        for refute in same_model or refuters:
            try:
                gaps.append(gap(solve, refute, force=force))
            except ResultsError as error:
                notes.append(f"no gap of {solve.name} and {refute.name}: {error}")
    return gaps


def report_data(runs: Sequence[Run], *, force: bool = False) -> ReportData:
    """Gather a report's content from ``runs`` (``force``: compare runs whose settings
    differ, as ``refute compare --force`` does)."""
    if not runs:
        raise ResultsError("report: give at least one run directory")
    notes: list[str] = []
    comparison = None
    if len(runs) > 1:
        try:
            comparison = compare(runs, force=force)
            notes += comparison.notes
        except ResultsError as error:
            if not force and "--force" in str(error):
                raise
            notes.append(f"no comparison: {error}")
    board = leaderboard(runs)
    notes += [note for note in board.notes if note not in notes]
    gaps = _gaps(runs, force, notes)
    return ReportData(
        runs=[run.name for run in runs],
        leaderboard=board,
        comparison=comparison,
        notes=notes,
        by_rating=_groups(runs, "by_rating"),
        by_tag=_groups(runs, "by_tag"),
        pass_at_k={run.name: run.summary.pass_at_k for run in runs},
        tasks=_task_rows(runs),
        solve_runs=[run.name for run in runs if is_solve_run(run)],
        gaps=gaps,
    )


def default_title(directories: Sequence[Path]) -> str:
    names = ", ".join(directory.name or str(directory) for directory in directories[:3])
    more = f" and {len(directories) - 3} more" if len(directories) > 3 else ""
    return f"refute report: {names}{more}"
