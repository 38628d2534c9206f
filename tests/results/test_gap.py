"""``gap`` on synthetic solve and refute runs whose four-way table is counted by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.judge import Mode
from refute.results import FourWay, ResultsError, gap, load_run

from .synthetic import bundled_tasks, make_run

T, F = True, False

# The first ten bundled tasks (ratings: 2200 2200 1700 1700 1400 1400 1500 1500 1500 1800),
# with per attempt: solved? in the solve run, refuted? in the refute run.
PATTERN: list[tuple[list[bool], list[bool]]] = [
    ([F, T], [F, F]),  # 0 a-kindling-triangles/keep-44: solved only
    ([T], [T]),  # 1 a-kindling-triangles/range-copy: both
    ([F, F], [F, T]),  # 2 a-kitchen-order/float-key: refuted only
    ([T, T], [F]),  # 3 a-kitchen-order/no-tiebreak: solved only
    ([F], [F]),  # 4 a-lantern-row/int-answer: neither
    ([T], [F, F]),  # 5 a-lantern-row/stale-counts: solved only
    ([T], [T]),  # 6 a-oven-batches/hi-1e18: both
    ([F], [F]),  # 7 a-oven-batches/sorted-break: neither
    ([T], [F]),  # 8 a-oven-batches/sum-overflow: solved only
    ([F], [F]),  # 9 a-rising-streaks/greedy-runs: neither
]


def ids() -> list[str]:
    return [task.id for task in bundled_tasks()[: len(PATTERN)]]


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    tasks = ids()
    solve = {task: solved for task, (solved, _) in zip(tasks, PATTERN, strict=True)}
    refute = {task: refuted for task, (_, refuted) in zip(tasks, PATTERN, strict=True)}
    model = "openai/test-model"
    return (
        make_run(tmp_path / "solve", solve, agent="solve", model=model, solve=True),
        make_run(tmp_path / "zero-shot", refute, agent="zero-shot", model=model),
    )


def test_the_four_way_table_matches_the_hand_count(runs: tuple[Path, Path]) -> None:
    result = gap(load_run(runs[0]), load_run(runs[1]))
    assert result.common_tasks == 10
    assert result.table == FourWay(
        solved_refuted=2, solved_not_refuted=4, refuted_not_solved=1, neither=3
    )
    tasks = ids()
    assert result.solved_not_refuted == [tasks[i] for i in (0, 3, 5, 8)]
    assert result.refuted_not_solved == [tasks[2]]


def test_the_rates_and_the_gap_are_paired_on_the_tasks(runs: tuple[Path, Path]) -> None:
    result = gap(load_run(runs[0]), load_run(runs[1]))
    assert (result.solve_rate.value, result.refute_rate.value) == (0.6, 0.3)
    assert result.solve_rate.method == result.refute_rate.method == "wilson"
    assert result.gap.value == pytest.approx(0.3) and result.gap.method == "newcombe-paired"
    assert result.gap.low < 0.3 < result.gap.high
    assert result.gap_bootstrap.value == pytest.approx(0.3)
    assert result.gap_bootstrap.method == "paired-bootstrap-percentile"
    assert (result.mcnemar.only_first, result.mcnemar.only_second) == (4, 1)


def test_the_gap_by_rating_bucket_matches_the_hand_count(runs: tuple[Path, Path]) -> None:
    result = gap(load_run(runs[0]), load_run(runs[1]))
    assert list(result.by_rating) == ["1200-1599", "1600-1999", "2000-2399"]
    assert result.by_rating["1200-1599"].table == FourWay(
        solved_refuted=1, solved_not_refuted=2, refuted_not_solved=0, neither=2
    )
    assert result.by_rating["1600-1999"].table == FourWay(
        solved_refuted=0, solved_not_refuted=1, refuted_not_solved=1, neither=1
    )
    assert result.by_rating["2000-2399"].table == FourWay(
        solved_refuted=1, solved_not_refuted=1, refuted_not_solved=0, neither=0
    )
    assert result.by_rating["2000-2399"].gap.value == pytest.approx(0.5)


def test_the_gap_by_tag_matches_the_hand_count(runs: tuple[Path, Path]) -> None:
    result = gap(load_run(runs[0]), load_run(runs[1]))
    # greedy: a-kindling-triangles (0, 1), a-kitchen-order (2, 3), a-rising-streaks (9).
    assert result.by_tag["greedy"].table == FourWay(
        solved_refuted=1, solved_not_refuted=2, refuted_not_solved=1, neither=1
    )
    # binary search: a-oven-batches (6, 7, 8).
    assert result.by_tag["binary search"].table == FourWay(
        solved_refuted=1, solved_not_refuted=1, refuted_not_solved=0, neither=1
    )


def test_the_runs_must_come_solve_first(runs: tuple[Path, Path]) -> None:
    solve, refute = load_run(runs[0]), load_run(runs[1])
    with pytest.raises(ResultsError, match="not a solve run"):
        gap(refute, solve)
    with pytest.raises(ResultsError, match="must be a refute run"):
        gap(solve, solve)


def test_runs_judged_in_other_modes_need_force(tmp_path: Path) -> None:
    tasks = ids()[:3]
    solve = load_run(make_run(tmp_path / "s", {t: [T] for t in tasks}, agent="solve", solve=True))
    refute = load_run(make_run(tmp_path / "r", {t: [F] for t in tasks}, mode=Mode.REFUTE))
    with pytest.raises(ResultsError, match="--force"):
        gap(solve, refute)
    forced = gap(solve, refute, force=True)
    assert forced.table.solved_not_refuted == 3 and forced.notes[0].startswith("forced:")


def test_runs_with_no_common_task_are_refused(tmp_path: Path) -> None:
    tasks = ids()
    solve = load_run(make_run(tmp_path / "s", {tasks[0]: [T]}, agent="solve", solve=True))
    refute = load_run(make_run(tmp_path / "r", {tasks[1]: [T]}))
    with pytest.raises(ResultsError, match="no judged task in common"):
        gap(solve, refute)


def test_other_models_are_noted(tmp_path: Path) -> None:
    tasks = ids()[:2]
    solve = load_run(
        make_run(tmp_path / "s", {t: [T] for t in tasks}, agent="solve", model="a/x", solve=True)
    )
    refute = load_run(make_run(tmp_path / "r", {t: [T] for t in tasks}, model="a/y"))
    assert any("two models" in note for note in gap(solve, refute).notes)
