"""Fuzzability records and ``problems/INDEX.md``: what the fuzz baseline finds, per task.

Both are generated, never written by hand: ``refute problems index`` runs the ``fuzz``
agent with a budget counted in inputs (a real benchmark run, kept in a run directory) on
every task whose record is missing, stale or made with another budget, writes each
task's record into its package (``[incorrect.<name>.fuzz]``), and renders the index from
the records. The records are what ``refute run``'s default selection reads.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from ..problems import (
    Fuzzability,
    FuzzBudget,
    FuzzRecord,
    Task,
    load_problems,
    write_fuzz_records,
)
from ..runner import AttemptLog, AttemptRecord, Outcome, RunConfig, run_benchmark


class IndexRow(BaseModel):
    """One task of the index."""

    task_id: str
    rating: int | None
    tags: tuple[str, ...]
    language: str
    bug: str | None
    fuzz: Fuzzability
    fuzz_inputs: int | None
    fuzz_valid_rate: float | None


def needs_fuzzing(task: Task, budget: FuzzBudget) -> bool:
    """Whether the task's record must be measured (again) for ``budget``.

    It must when it is missing or stale, when it was measured with other inputs, attempts
    or seed, or when the wall cap cut it short (``capped``: then it says less than the
    budget promises). The wall cap itself is a safety net, not part of the budget: a
    record made under another cap that was not cut short stands.
    """
    record = task.submission.fuzz
    if task.fuzzability is Fuzzability.UNKNOWN or record is None or record.capped:
        return True
    spent = record.budget.model_dump(exclude={"wall_s"})
    return spent != budget.model_dump(exclude={"wall_s"})


def records_from_run(
    tasks: Sequence[Task],
    attempts: Sequence[AttemptRecord],
    budget: FuzzBudget,
    when: datetime.datetime,
) -> dict[str, FuzzRecord]:
    """One record per task that has counted attempts (infrastructure errors do not count).

    Any attempt the judge ruled refuting makes the task ``found``.
    """
    by_task: dict[tuple[str, int], AttemptRecord] = {}
    for attempt in attempts:
        by_task[(attempt.task_id, attempt.attempt)] = attempt  # the latest one counts
    out = {}
    for task in tasks:
        counted = [
            a
            for (task_id, _), a in sorted(by_task.items())
            if task_id == task.id and a.outcome is not Outcome.INFRA_ERROR
        ]
        if not counted:
            continue
        rates = [a.metrics["valid_rate"] for a in counted if "valid_rate" in a.metrics]
        out[task.id] = FuzzRecord(
            found=any(a.refuted for a in counted),
            inputs=sum(int(a.metrics.get("inputs", 0)) for a in counted),
            attempts=len(counted),
            valid_rate=round(sum(rates) / len(rates), 4) if rates else None,
            capped=any(a.metrics.get("capped", 0.0) > 0 for a in counted),
            budget=budget,
            when=when,
            fingerprint=task.fingerprint,
        )
    return out


async def fuzz_tasks(
    tasks: Sequence[Task], budget: FuzzBudget, config: RunConfig, run_dir: Path
) -> dict[str, FuzzRecord]:
    """Run the fuzz baseline on ``tasks`` with ``budget`` and return their records.

    ``config`` gives the problems directory, image and workers; the agent, selection,
    attempts and seed are set here from the budget.
    """
    if not tasks:
        return {}
    run = config.model_copy(
        update={
            "agent": "fuzz",
            "agent_options": {"inputs": budget.inputs, "seconds": budget.wall_s},
            "problems": ",".join(task.id for task in tasks),
            "include_fuzzable": True,
            "attempts": budget.attempts,
            "seed": budget.seed,
        }
    )
    await run_benchmark(run, run_dir, resume=(run_dir / "config.json").exists())
    when = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return records_from_run(tasks, AttemptLog(run_dir / "attempts.jsonl").read(), budget, when)


def save_records(tasks: Sequence[Task], records: dict[str, FuzzRecord]) -> None:
    """Write each record into its task's ``problem.toml``."""
    by_problem: dict[str, tuple[Task, dict[str, FuzzRecord]]] = {}
    for task in tasks:
        if task.id in records:
            entry = by_problem.setdefault(task.problem.id, (task, {}))
            entry[1][task.submission.name] = records[task.id]
    for task, named in by_problem.values():
        write_fuzz_records(task.problem, named)


def rows(tasks: Sequence[Task]) -> list[IndexRow]:
    """The index rows of ``tasks``, from their fuzzability records."""
    out = []
    for task in tasks:
        status = task.fuzzability
        record = task.submission.fuzz if status is not Fuzzability.UNKNOWN else None
        out.append(
            IndexRow(
                task_id=task.id,
                rating=task.problem.rating,
                tags=task.problem.tags,
                language=task.submission.language,
                bug=task.submission.bug,
                fuzz=status,
                fuzz_inputs=record.inputs if record else None,
                fuzz_valid_rate=record.valid_rate if record else None,
            )
        )
    return out


def render(index: Sequence[IndexRow], budget: FuzzBudget) -> str:
    """The Markdown of ``INDEX.md``."""
    problems = len({row.task_id.split("/")[0] for row in index})
    found = sum(row.fuzz is Fuzzability.FOUND for row in index)
    unknown = sum(row.fuzz is Fuzzability.UNKNOWN for row in index)
    kept = [row for row in index if row.fuzz is not Fuzzability.FOUND]
    kept_problems = len({row.task_id.split("/")[0] for row in kept})
    share = f" ({found / len(index):.0%})" if index else ""
    lines = [
        "# Bundled tasks",
        "",
        "Generated by `refute problems index`; do not edit by hand.",
        "",
        f"{len(index)} tasks over {problems} problems. The `fuzz` baseline (structure-aware "
        f"random search, {budget.inputs} inputs per attempt, {budget.attempts} attempt(s) per "
        f"task, seed {budget.seed}, wall cap {budget.wall_s:g} s per attempt) refuted "
        f"{found}{share}, missed {len(index) - found - unknown}"
        + (f", and {unknown} have no current record" if unknown else "")
        + ".",
        "",
        f"The default selection of `refute run` leaves out the {found} fuzz-findable tasks "
        f"and holds {len(kept)} tasks over {kept_problems} problems "
        "(`--include-fuzzable` keeps them all; docs/selection.md).",
        "",
        "| task | rating | tags | language | bug class | fuzz | inputs tried | valid rate |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in index:
        rate = f"{row.fuzz_valid_rate:.0%}" if row.fuzz_valid_rate is not None else "-"
        inputs = str(row.fuzz_inputs) if row.fuzz_inputs is not None else "-"
        lines.append(
            f"| `{row.task_id}` | {row.rating or '-'} | {', '.join(row.tags)} | {row.language} "
            f"| {row.bug or '-'} | {row.fuzz.value} | {inputs} | {rate} |"
        )
    lines.append("")
    return "\n".join(lines)


class IndexResult(BaseModel):
    """What ``build_index`` did: tasks fuzzed now, records written, and the Markdown."""

    fuzzed: list[str]
    written: list[str]
    markdown: str


async def build_index(
    config: RunConfig, run_dir: Path, budget: FuzzBudget, *, refuzz: bool = False
) -> IndexResult:
    """Fuzz what needs it (everything with ``refuzz``), write the records, render the index.

    Example::

        budget = FuzzBudget(inputs=400, attempts=1, seed=0, wall_s=60)
        result = asyncio.run(build_index(RunConfig(problems_dir=root), run_dir, budget))
        (root / "INDEX.md").write_text(result.markdown)
    """
    tasks = load_problems(config.problems_dir).tasks()
    todo = [task for task in tasks if refuzz or needs_fuzzing(task, budget)]
    records = await fuzz_tasks(todo, budget, config, run_dir)
    save_records(todo, records)
    tasks = load_problems(config.problems_dir).tasks()
    return IndexResult(
        fuzzed=[task.id for task in todo],
        written=sorted(records),
        markdown=render(rows(tasks), budget),
    )
