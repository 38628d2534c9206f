"""``load_run``: a run directory read back; anything else is one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refute.results import ResultsError, load_run, load_runs

from .synthetic import bundled_tasks, make_run


def test_reads_config_outcomes_and_summary(tmp_path: Path) -> None:
    first, second = (task.id for task in bundled_tasks()[:2])
    run = load_run(make_run(tmp_path / "r", {first: [True, False], second: [False, False]}))
    assert run.name == str(tmp_path / "r")
    assert run.config.attempts == 2
    assert (run.outcomes[first].attempts, run.outcomes[first].refuting) == (2, 1)
    assert run.outcomes[first].rate == 0.5
    assert run.summary.success_rate.value == 0.5
    assert run.judged_tasks == [first, second]


def test_a_missing_summary_is_remade_from_the_records(tmp_path: Path) -> None:
    task = bundled_tasks()[0].id
    run = load_run(make_run(tmp_path / "r", {task: [True]}, summary=False))
    assert run.summary.refuted == 1
    assert run.summary.success_rate.method == "wilson"


def test_an_outdated_summary_is_remade(tmp_path: Path) -> None:
    task = bundled_tasks()[0].id
    directory = make_run(tmp_path / "r", {task: [True]})
    (directory / "summary.json").write_text(json.dumps({"tasks": 1, "success_rate": 1.0}))
    assert load_run(directory).summary.success_rate.value == 1.0


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "not a directory"),
        ("empty", r"not a run directory \(no config.json\)"),
        ("garbage", r"not a run's config\.json"),
    ],
)
def test_a_directory_that_is_not_a_run_is_one_error(
    tmp_path: Path, setup: str, message: str
) -> None:
    directory = tmp_path / "d"
    if setup != "missing":
        directory.mkdir()
    if setup == "garbage":
        (directory / "config.json").write_text("{not json")
    with pytest.raises(ResultsError, match=message) as caught:
        load_run(directory)
    assert "\n" not in str(caught.value)


def test_the_same_run_twice_is_refused(tmp_path: Path) -> None:
    directory = make_run(tmp_path / "r", {bundled_tasks()[0].id: [True]})
    with pytest.raises(ResultsError, match="given twice"):
        load_runs([directory, tmp_path / "." / "r"])


def test_a_run_loads_its_tasks_for_the_report(tmp_path: Path) -> None:
    first, second = (task.id for task in bundled_tasks()[:2])
    run = load_run(make_run(tmp_path / "r", {first: [True], second: [False]}))
    tasks = run.load_tasks()
    assert sorted(tasks) == sorted([first, second])
    assert tasks[first].submission.program.source
