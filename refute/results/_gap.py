"""``gap``: a solve run joined with a refute run, task by task: the falsification gap.

REFUTE's finding is that a model which could solve many of the problems refutes few of
the wrong solutions to them; it could only estimate the solving side from ratings. With
a ``solve`` run and a refute run on the same tasks, both sides are measured: per task,
solved or not and refuted or not, and the gap is the difference of the two rates, paired
on the tasks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, computed_field

from ..runner import rating_bucket
from ..stats import (
    RESAMPLES,
    Estimate,
    McNemar,
    mcnemar_exact,
    newcombe_paired_difference,
    paired_bootstrap_difference,
    wilson,
)
from ._compare import common_tasks
from ._errors import ResultsError
from ._run import Run

SOLVE_AGENT = "solve"


class FourWay(BaseModel):
    """The tasks of a gap, by solved (the solve run) and refuted (the refute run).

    Args:
        solved_refuted: solved and refuted.
        solved_not_refuted: solved, but the wrong submission was not refuted: the bugs
            the model misses on problems it can solve.
        refuted_not_solved: refuted, though the problem was not solved.
        neither: neither solved nor refuted.
    """

    solved_refuted: int = 0
    solved_not_refuted: int = 0
    refuted_not_solved: int = 0
    neither: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def tasks(self) -> int:
        solved = self.solved_refuted + self.solved_not_refuted
        return solved + self.refuted_not_solved + self.neither

    def add(self, solved: bool, refuted: bool) -> None:
        if solved and refuted:
            self.solved_refuted += 1
        elif solved:
            self.solved_not_refuted += 1
        elif refuted:
            self.refuted_not_solved += 1
        else:
            self.neither += 1


class GapGroup(BaseModel):
    """The gap on the tasks of one group (a rating bucket, a tag).

    Args:
        table: the group's four-way table.
        solve_rate: the share of the group's tasks solved (Wilson interval).
        refute_rate: the share refuted (Wilson interval).
        gap: ``solve_rate - refute_rate`` with Newcombe's paired interval.
    """

    table: FourWay
    solve_rate: Estimate
    refute_rate: Estimate
    gap: Estimate


class Gap(BaseModel):
    """A solve run and a refute run on the tasks both judged.

    Args:
        solve_run: the solve run's name.
        refute_run: the refute run's name.
        solve_agent: the solve run's agent (``solve``).
        refute_agent: the refute run's agent (``zero-shot``, ``agentic`` ...).
        solve_model: the solve run's model.
        refute_model: the refute run's model.
        common_tasks: tasks both runs judged (at least one counted attempt each).
        table: the four-way table over those tasks.
        solve_rate: tasks solved by at least one attempt, share of the common tasks.
        refute_rate: tasks refuted by at least one attempt.
        gap: ``solve_rate - refute_rate``, with Newcombe's paired interval (method 10).
        gap_bootstrap: the same difference with a seeded paired bootstrap over tasks, as
            ``refute compare`` gives for two refute runs.
        mcnemar: the exact McNemar test on the discordant tasks (solved only, refuted only).
        by_rating: the gap per rating bucket of 400.
        by_tag: the gap per tag.
        solved_not_refuted: the tasks solved but not refuted, by id.
        refuted_not_solved: the tasks refuted but not solved, by id.
        notes: what a reader should know (other models, attempts that differ).
    """

    solve_run: str
    refute_run: str
    solve_agent: str
    refute_agent: str
    solve_model: str | None
    refute_model: str | None
    common_tasks: int
    table: FourWay
    solve_rate: Estimate
    refute_rate: Estimate
    gap: Estimate
    gap_bootstrap: Estimate
    mcnemar: McNemar
    by_rating: dict[str, GapGroup]
    by_tag: dict[str, GapGroup]
    solved_not_refuted: list[str]
    refuted_not_solved: list[str]
    notes: list[str]


def is_solve_run(run: Run) -> bool:
    """The run's attempts were solutions (``--agent solve``, or any agent whose records
    carry a solution verdict)."""
    return run.config.agent == SOLVE_AGENT or any(r.solution_verdict for r in run.records)


def _group(pairs: Iterable[tuple[bool, bool]]) -> GapGroup:
    table = FourWay()
    for solved, refuted in pairs:
        table.add(solved, refuted)
    n = table.tasks
    return GapGroup(
        table=table,
        solve_rate=wilson(table.solved_refuted + table.solved_not_refuted, n),
        refute_rate=wilson(table.solved_refuted + table.refuted_not_solved, n),
        gap=newcombe_paired_difference(
            table.solved_refuted, table.solved_not_refuted, table.refuted_not_solved, table.neither
        ),
    )


def _order(name: str) -> tuple[int, str]:
    head = name.split("-", 1)[0]
    return (int(head), name) if head.isdigit() else (1 << 30, name)


def gap(
    solve: Run, refute: Run, *, force: bool = False, seed: int = 0, resamples: int = RESAMPLES
) -> Gap:
    """Join ``solve`` (a solve run) with ``refute`` (a refute run) on their common tasks.

    Refused with a ``ResultsError`` when the first is not a solve run or the second is,
    when they share no judged task, and (unless ``force``) when they were judged in
    different modes or on different packages of the same problems.

    Example::

        result = gap(load_run(Path("runs/solve")), load_run(Path("runs/zero-shot")))
        print(result.table, result.gap.describe())
    """
    if not is_solve_run(solve):
        raise ResultsError(
            f"{solve.name}: not a solve run (agent {solve.config.agent}); "
            "give the solve run first: compare --gap SOLVE_RUN REFUTE_RUN"
        )
    if is_solve_run(refute):
        raise ResultsError(f"{refute.name}: a solve run; the second run must be a refute run")
    common, notes = common_tasks(solve, refute, force)
    if solve.config.model != refute.config.model:
        notes.append(
            f"{solve.name} ran model {solve.config.model}, {refute.name} {refute.config.model}: "
            "the gap is between two models"
        )
    if solve.config.attempts != refute.config.attempts:
        notes.append(
            f"{solve.name} has {solve.config.attempts} attempt(s) per task, {refute.name} "
            f"{refute.config.attempts}: both rates grow with attempts"
        )

    solved = {task: solve.outcomes[task].refuted for task in common}
    refuted = {task: refute.outcomes[task].refuted for task in common}
    try:
        tasks = refute.load_tasks() | solve.load_tasks()
    except ResultsError as error:
        tasks = {}
        notes.append(f"no rating or tag of any task: {error}")
    by_rating: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_tag: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for task_id in common:
        pair = (solved[task_id], refuted[task_id])
        task = tasks.get(task_id)
        by_rating[rating_bucket(task.problem.rating if task else None)].append(pair)
        for tag in task.problem.tags if task else ():
            by_tag[tag].append(pair)
    if tasks and any(task not in tasks for task in common):
        notes.append("some tasks are no longer in the problems directory: counted as unrated")

    overall = _group((solved[t], refuted[t]) for t in common)
    only_solved = [t for t in common if solved[t] and not refuted[t]]
    only_refuted = [t for t in common if refuted[t] and not solved[t]]
    return Gap(
        solve_run=solve.name,
        refute_run=refute.name,
        solve_agent=solve.config.agent,
        refute_agent=refute.config.agent,
        solve_model=solve.config.model,
        refute_model=refute.config.model,
        common_tasks=len(common),
        table=overall.table,
        solve_rate=overall.solve_rate,
        refute_rate=overall.refute_rate,
        gap=overall.gap,
        gap_bootstrap=paired_bootstrap_difference(
            [float(solved[t]) for t in common],
            [float(refuted[t]) for t in common],
            seed=seed,
            resamples=resamples,
        ),
        mcnemar=mcnemar_exact(len(only_solved), len(only_refuted)),
        by_rating={name: _group(by_rating[name]) for name in sorted(by_rating, key=_order)},
        by_tag={name: _group(by_tag[name]) for name in sorted(by_tag)},
        solved_not_refuted=only_solved,
        refuted_not_solved=only_refuted,
        notes=notes,
    )
