"""``compare``: paired differences between runs on their common tasks, and how alike their
mistakes are."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from pydantic import BaseModel

from ..stats import (
    RESAMPLES,
    Estimate,
    McNemar,
    error_similarity,
    mcnemar_exact,
    paired_bootstrap_difference,
    wilson,
)
from ._errors import ResultsError
from ._run import Run


class PairComparison(BaseModel):
    """Two runs on the tasks both judged.

    Args:
        first: the first run's name.
        second: the second run's name.
        common_tasks: tasks both runs judged (at least one counted attempt each).
        first_success: the first run's success rate on those tasks (Wilson interval).
        second_success: the second run's.
        difference: ``first - second`` success rate, with a paired bootstrap interval.
        mcnemar: the exact McNemar test on tasks refuted by one run only.
        only_first: tasks refuted by the first run and not the second.
        only_second: tasks refuted by the second run and not the first.
        similarity: chance-adjusted error similarity (``None`` when undefined: neither run
            tells any task apart from another).
    """

    first: str
    second: str
    common_tasks: int
    first_success: Estimate
    second_success: Estimate
    difference: Estimate
    mcnemar: McNemar
    only_first: list[str]
    only_second: list[str]
    similarity: Estimate | None


class Comparison(BaseModel):
    """Every pair of the compared runs.

    Args:
        runs: the runs' names, in the order given.
        tasks: per run, the tasks it judged.
        common_tasks: tasks every run judged.
        pairs: one entry per pair of runs, in the order given.
        similarity: the error-similarity matrix, ``similarity[a][b]`` (1 on the diagonal,
            ``None`` where undefined).
        notes: what a reader should know (settings that differ, forced comparisons).
    """

    runs: list[str]
    tasks: dict[str, int]
    common_tasks: int
    pairs: list[PairComparison]
    similarity: dict[str, dict[str, float | None]]
    notes: list[str]


def _problem_of(task_id: str) -> str:
    return task_id.split("/", 1)[0]


def incompatibilities(first: Run, second: Run, common: Sequence[str]) -> tuple[list[str], str]:
    """Why two runs' numbers do not measure the same thing (refused without ``--force``),
    and a note when the packages could not be checked."""
    problems: list[str] = []
    a, b = first.file, second.file
    if a.config.judge.mode != b.config.judge.mode:
        problems.append(
            f"{first.name} is judged in mode {a.config.judge.mode.value}, "
            f"{second.name} in mode {b.config.judge.mode.value}"
        )
    hashes_a, hashes_b = a.provenance.problem_sha256, b.provenance.problem_sha256
    note = ""
    if a.provenance.tasks == b.provenance.tasks and (not hashes_a or not hashes_b):
        if a.provenance.problem_set_sha256 != b.provenance.problem_set_sha256:
            problems.append(f"{first.name} and {second.name} have different problem-set hashes")
    elif hashes_a and hashes_b:
        changed = sorted(
            problem
            for problem in {_problem_of(task) for task in common}
            if hashes_a.get(problem) != hashes_b.get(problem)
        )
        if changed:
            problems.append(
                f"{first.name} and {second.name} ran different packages of "
                f"{len(changed)} common problem(s) ({', '.join(changed[:3])})"
            )
    else:
        note = (
            f"{first.name} and {second.name}: the packages of their common problems could not "
            "be checked (a run made before per-problem hashes)"
        )
    return problems, note


def common_tasks(first: Run, second: Run, force: bool) -> tuple[list[str], list[str]]:
    """The tasks both runs judged (in ``first``'s order), and the notes on pairing them.

    Runs with no judged task in common, and runs whose numbers do not measure the same
    thing (``incompatibilities``) unless ``force``, are refused with one line.
    """
    judged = set(second.judged_tasks)
    common = [task for task in first.judged_tasks if task in judged]
    if not common:
        raise ResultsError(f"{first.name} and {second.name} have no judged task in common")
    problems, note = incompatibilities(first, second, common)
    if problems and not force:
        raise ResultsError(f"{problems[0]}: not comparable (--force to compare anyway)")
    return common, [f"forced: {problem}" for problem in problems] + ([note] if note else [])


def _pair(first: Run, second: Run, common: list[str], seed: int, resamples: int) -> PairComparison:
    a = [float(first.outcomes[task].refuted) for task in common]
    b = [float(second.outcomes[task].refuted) for task in common]
    only_first = [t for t in common if first.outcomes[t].refuted and not second.outcomes[t].refuted]
    only_second = [
        t for t in common if second.outcomes[t].refuted and not first.outcomes[t].refuted
    ]
    return PairComparison(
        first=first.name,
        second=second.name,
        common_tasks=len(common),
        first_success=wilson(int(sum(a)), len(common)),
        second_success=wilson(int(sum(b)), len(common)),
        difference=paired_bootstrap_difference(a, b, seed=seed, resamples=resamples),
        mcnemar=mcnemar_exact(len(only_first), len(only_second)),
        only_first=only_first,
        only_second=only_second,
        similarity=error_similarity(
            [first.outcomes[t].rate for t in common],
            [second.outcomes[t].rate for t in common],
            seed=seed,
            resamples=resamples,
        ),
    )


def compare(
    runs: Sequence[Run], *, force: bool = False, seed: int = 0, resamples: int = RESAMPLES
) -> Comparison:
    """Compare every pair of ``runs`` on the tasks both judged.

    Runs judged in different modes, or on different packages of the same problems, are
    refused with a ``ResultsError`` unless ``force``; a pair with no common task always is.

    Example::

        result = compare([load_run(Path("runs/a")), load_run(Path("runs/b"))])
        pair = result.pairs[0]
        print(pair.difference.describe(), pair.mcnemar.p_value, pair.similarity)
    """
    if len(runs) < 2:
        raise ResultsError("compare: give at least two run directories")
    notes: list[str] = []
    pairs: list[PairComparison] = []
    for first, second in combinations(runs, 2):
        common, pairing = common_tasks(first, second, force)
        notes += pairing
        if first.config.attempts != second.config.attempts:
            notes.append(
                f"{first.name} has {first.config.attempts} attempt(s) per task, {second.name} "
                f"{second.config.attempts}: success rates grow with attempts"
            )
        pairs.append(_pair(first, second, common, seed, resamples))

    notes += [
        f"{run.name}: {run.summary.pending} attempt(s) not yet run; its tasks with no "
        "attempt are left out"
        for run in runs
        if run.summary.pending
    ]
    names = [run.name for run in runs]
    matrix: dict[str, dict[str, float | None]] = {name: {name: 1.0} for name in names}
    for pair in pairs:
        value = pair.similarity.value if pair.similarity is not None else None
        matrix[pair.first][pair.second] = value
        matrix[pair.second][pair.first] = value
    everywhere = set(runs[0].judged_tasks).intersection(*(run.judged_tasks for run in runs[1:]))
    return Comparison(
        runs=names,
        tasks={run.name: len(run.judged_tasks) for run in runs},
        common_tasks=len(everywhere),
        pairs=pairs,
        similarity={name: {other: matrix[name].get(other) for other in names} for name in names},
        notes=notes,
    )
