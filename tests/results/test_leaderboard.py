"""``leaderboard``: one row per run, best first, in a table, Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from refute.results import dump, leaderboard, load_run

from .synthetic import bundled_tasks, make_run


def test_rows_are_sorted_by_success_with_cost_per_refuted_task(tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:10]]
    weak = load_run(make_run(tmp_path / "weak", {t: [i < 2] for i, t in enumerate(tasks)}))
    strong = load_run(
        make_run(
            tmp_path / "strong",
            {t: [i < 5] for i, t in enumerate(tasks)},
            agent="zero-shot",
            model="openai/test",
            cost_per_attempt=0.1,
        )
    )
    board = leaderboard([weak, strong])
    assert [row.run for row in board.rows] == [strong.name, weak.name]
    top = board.rows[0]
    assert (top.agent, top.model, top.mode, top.attempts, top.refuted) == (
        "zero-shot",
        "openai/test",
        "strict",
        1,
        5,
    )
    assert top.success.value == 0.5 and top.success.method == "wilson"
    assert top.cost_per_refuted == 0.2
    assert board.rows[1].cost_per_refuted is None or board.rows[1].cost_usd == 0
    assert board.notes == []


def test_markdown_has_a_row_per_run_with_intervals(tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:4]]
    run = load_run(make_run(tmp_path / "r", {t: [i == 0] for i, t in enumerate(tasks)}))
    text = leaderboard([run]).to_markdown()
    lines = text.strip().splitlines()
    assert lines[0].startswith("| # | run |")
    assert len(lines) == 3
    assert "25.0% [4.6%, 69.9%]" in lines[2]


def test_json_round_trips_every_interval(tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:4]]
    run = load_run(make_run(tmp_path / "r", {t: [True, i == 0] for i, t in enumerate(tasks)}))
    data = json.loads(dump(leaderboard([run])))
    row = data["rows"][0]
    assert set(row["success"]) >= {"value", "low", "high", "level", "method"}
    assert set(row["pass_at_k"]) == {"1"}


def test_runs_over_different_tasks_get_a_note(tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:4]]
    a = load_run(make_run(tmp_path / "a", {t: [True] for t in tasks[:2]}))
    b = load_run(make_run(tmp_path / "b", {t: [True] for t in tasks[1:]}))
    assert any("different task sets" in note for note in leaderboard([a, b]).notes)


def test_an_unfinished_run_gets_a_note(tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:3]]
    run = load_run(make_run(tmp_path / "r", {tasks[0]: [True, False], tasks[1]: [True]}))
    assert run.summary.pending == 1
    assert any("1 attempt(s) not yet run" in note for note in leaderboard([run]).notes)
