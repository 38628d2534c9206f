"""``compare`` on synthetic runs of known structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.judge import Mode
from refute.results import ResultsError, compare, load_run

from .synthetic import bundled_tasks, make_run


def ids(n: int) -> list[str]:
    tasks = [task.id for task in bundled_tasks()]
    assert len(tasks) >= n
    return tasks[:n]


def test_identical_runs_differ_by_zero_and_are_fully_similar(tmp_path: Path) -> None:
    pattern = {task: [i % 3 == 0, i % 2 == 0] for i, task in enumerate(ids(30))}
    a = load_run(make_run(tmp_path / "a", pattern))
    b = load_run(make_run(tmp_path / "b", pattern))
    pair = compare([a, b]).pairs[0]
    assert (pair.difference.value, pair.difference.low, pair.difference.high) == (0, 0, 0)
    assert pair.mcnemar.p_value == 1.0
    assert pair.similarity is not None and pair.similarity.value == 1.0
    assert pair.only_first == pair.only_second == []


def test_independent_runs_have_similarity_zero(tmp_path: Path) -> None:
    # A refutes the first half; B refutes every other task: a 2x2 table of 10s, independent.
    tasks = ids(40)
    a = load_run(make_run(tmp_path / "a", {t: [i < 20] for i, t in enumerate(tasks)}))
    b = load_run(make_run(tmp_path / "b", {t: [i % 2 == 0] for i, t in enumerate(tasks)}))
    pair = compare([a, b]).pairs[0]
    assert pair.similarity is not None
    assert pair.similarity.value == pytest.approx(0.0, abs=1e-9)
    assert pair.similarity.low < 0 < pair.similarity.high
    assert (pair.mcnemar.only_first, pair.mcnemar.only_second) == (10, 10)


def test_a_better_run_shows_in_difference_mcnemar_and_the_task_lists(tmp_path: Path) -> None:
    tasks = ids(40)
    a = load_run(make_run(tmp_path / "a", {t: [i < 16] for i, t in enumerate(tasks)}))
    b = load_run(make_run(tmp_path / "b", {t: [i < 6] for i, t in enumerate(tasks)}))
    pair = compare([a, b], seed=1).pairs[0]
    assert pair.difference.value == pytest.approx(10 / 40)
    assert pair.difference.low > 0
    assert pair.mcnemar.p_value == pytest.approx(2 / 2**10)
    assert pair.only_first == tasks[6:16] and pair.only_second == []
    assert (pair.first_success.value, pair.second_success.value) == (0.4, 0.15)


def test_runs_are_compared_on_their_common_tasks_only(tmp_path: Path) -> None:
    tasks = ids(30)
    a = load_run(make_run(tmp_path / "a", {t: [True] for t in tasks[:20]}))
    b = load_run(make_run(tmp_path / "b", {t: [False] for t in tasks[10:]}))
    result = compare([a, b])
    assert result.common_tasks == 10 and result.pairs[0].common_tasks == 10
    assert result.tasks == {a.name: 20, b.name: 20}
    assert result.pairs[0].difference.value == 1.0


def test_no_common_task_is_one_error(tmp_path: Path) -> None:
    tasks = ids(4)
    a = load_run(make_run(tmp_path / "a", {t: [True] for t in tasks[:2]}))
    b = load_run(make_run(tmp_path / "b", {t: [True] for t in tasks[2:]}))
    with pytest.raises(ResultsError, match="no judged task in common"):
        compare([a, b])
    with pytest.raises(ResultsError, match="no judged task in common"):
        compare([a, b], force=True)


def test_different_modes_are_refused_unless_forced(tmp_path: Path) -> None:
    pattern = {t: [True] for t in ids(3)}
    a = load_run(make_run(tmp_path / "a", pattern))
    b = load_run(make_run(tmp_path / "b", pattern, mode=Mode.REFUTE))
    with pytest.raises(ResultsError, match=r"mode strict, .* in mode refute: not comparable"):
        compare([a, b])
    assert any("forced" in note for note in compare([a, b], force=True).notes)


def test_different_packages_of_a_common_problem_are_refused(tmp_path: Path) -> None:
    tasks = ids(3)
    problem = tasks[0].split("/")[0]
    a = load_run(make_run(tmp_path / "a", {t: [True] for t in tasks}))
    altered = dict(a.file.provenance.problem_sha256) | {problem: "0" * 64}
    b = load_run(make_run(tmp_path / "b", {t: [True] for t in tasks}, problem_sha256=altered))
    with pytest.raises(ResultsError, match=rf"different packages of 1 common problem.*{problem}"):
        compare([a, b])


def test_three_runs_give_a_symmetric_similarity_matrix(tmp_path: Path) -> None:
    tasks = ids(20)
    runs = [
        load_run(
            make_run(tmp_path / name, {t: [(i + shift) % 4 == 0] for i, t in enumerate(tasks)})
        )
        for name, shift in (("a", 0), ("b", 0), ("c", 1))
    ]
    result = compare(runs)
    assert len(result.pairs) == 3
    names = result.runs
    assert result.similarity[names[0]][names[1]] == 1.0
    assert result.similarity[names[0]][names[2]] == result.similarity[names[2]][names[0]]
    assert all(result.similarity[n][n] == 1.0 for n in names)


def test_comparison_is_reproducible_with_its_seed(tmp_path: Path) -> None:
    tasks = ids(25)
    a = load_run(make_run(tmp_path / "a", {t: [i % 3 == 0] for i, t in enumerate(tasks)}))
    b = load_run(make_run(tmp_path / "b", {t: [i % 4 == 0] for i, t in enumerate(tasks)}))
    assert compare([a, b], seed=5) == compare([a, b], seed=5)
    assert (
        compare([a, b], seed=5).pairs[0].difference != compare([a, b], seed=6).pairs[0].difference
    )


def test_an_unfinished_run_is_compared_on_its_judged_tasks_with_a_note(tmp_path: Path) -> None:
    tasks = ids(6)
    a = load_run(make_run(tmp_path / "a", {t: [True] for t in tasks}))
    # an interrupted run: two of its tasks never attempted
    b = load_run(
        make_run(tmp_path / "b", {t: [True] if i < 4 else [] for i, t in enumerate(tasks)})
    )
    result = compare([a, b])
    assert result.pairs[0].common_tasks == 4
    assert any("2 attempt(s) not yet run" in note for note in result.notes)
