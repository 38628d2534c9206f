"""refute compare, refute leaderboard and refute run --repeats on real run directories made
by ``refute run`` with the fuzz agent, and on synthetic runs of known structure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from refute.judge import Mode

from ..conftest import TEST_IMAGE
from ..results.synthetic import bundled_tasks, make_run
from ..support.cli import Cli

TASKS = "ribbon-cut,a-lantern-row"


def refute_run(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``refute run`` as a user runs it: a separate process, the real sandbox."""
    command = [sys.executable, "-m", "refute.cli", "run", "--out", str(out), "--image", TEST_IMAGE]
    command += ["--problems", TASKS, "--include-fuzzable", "--agent-option", "seconds=1", *args]
    env = os.environ | {"COLUMNS": "200"}
    env.pop("REFUTE_PROBLEMS_DIR", None)
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def real_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("runs")
    refute_run(root / "seed-0", "--attempts", "2")
    refute_run(root / "seed-1", "--attempts", "2", "--seed", "1")
    return root / "seed-0", root / "seed-1"


@pytest.fixture(scope="module")
def repeats(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("repeats") / "fuzz-x2"
    return out, refute_run(out, "--repeats", "2").stdout


def tasks_of(run: Path) -> int:
    return len(json.loads((run / "config.json").read_text())["provenance"]["tasks"])


def test_compare_two_real_runs(cli: Cli, real_runs: tuple[Path, Path]) -> None:
    a, b = real_runs
    outcome = cli("compare", str(a), str(b))
    assert outcome.code == 0, outcome.stderr
    assert tasks_of(a) >= 2
    assert f"{tasks_of(a)} tasks judged by every run" in outcome.stdout
    assert "paired on common tasks" in outcome.stdout
    assert "McNemar" in outcome.stdout


def test_compare_json_of_real_runs_pairs_them(cli: Cli, real_runs: tuple[Path, Path]) -> None:
    a, b = real_runs
    data = json.loads(cli("compare", str(a), str(b), "--json").stdout)
    pair = data["pairs"][0]
    assert pair["common_tasks"] == tasks_of(a) == tasks_of(b)
    assert pair["difference"]["method"] == "paired-bootstrap-percentile"
    assert pair["mcnemar"]["method"] == "exact-mcnemar"


def test_leaderboard_of_real_runs_in_three_forms(cli: Cli, real_runs: tuple[Path, Path]) -> None:
    a, b = real_runs
    table = cli("leaderboard", str(a), str(b))
    assert table.code == 0, table.stderr
    assert "leaderboard" in table.stdout and "Wilson" in table.stdout
    markdown = cli("leaderboard", str(a), str(b), "--markdown").stdout.strip().splitlines()
    assert markdown[0].startswith("| # | run |") and len(markdown) == 4
    rows = json.loads(cli("leaderboard", str(a), str(b), "--json").stdout)["rows"]
    assert {row["run"] for row in rows} == {str(a), str(b)}
    assert all(row["agent"] == "fuzz" and row["attempts"] == 2 for row in rows)


def test_the_results_table_of_a_real_run_has_intervals(real_runs: tuple[Path, Path]) -> None:
    summary = json.loads((real_runs[0] / "summary.json").read_text())
    assert set(summary["success_rate"]) >= {"value", "low", "high", "level", "method"}
    assert list(summary["pass_at_k"]) == ["1"]
    assert summary["pass_at_k"]["1"]["seed"] == 0


def test_repeats_make_one_run_each_with_derived_seeds(repeats: tuple[Path, str]) -> None:
    out, stdout = repeats
    seeds = [json.loads((out / f"repeat-{i}" / "config.json").read_text()) for i in (0, 1)]
    assert seeds[0]["config"]["seed"] != seeds[1]["config"]["seed"]
    assert [s["config"]["repeat"] for s in seeds] == [0, 1]
    spread = json.loads((out / "repeats.json").read_text())
    assert spread["repeats"] == 2 and len(spread["success_rate"]["within"]) == 2
    assert "between: mean ± sd" in stdout and "repeat-1" in stdout


def test_a_repeats_directory_resumes_without_redoing_attempts(repeats: tuple[Path, str]) -> None:
    out, _ = repeats
    before = (out / "repeat-1" / "attempts.jsonl").read_text()
    done = subprocess.run(
        [sys.executable, "-m", "refute.cli", "run", "--resume", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["repeats"] == 2
    assert (out / "repeat-1" / "attempts.jsonl").read_text() == before


def test_a_repeats_directory_stands_for_its_runs(cli: Cli, repeats: tuple[Path, str]) -> None:
    out, _ = repeats
    rows = json.loads(cli("leaderboard", str(out), "--json").stdout)["rows"]
    assert sorted(row["run"] for row in rows) == [str(out / "repeat-0"), str(out / "repeat-1")]


def test_run_help_explains_model_concurrency_and_repeats(cli: Cli) -> None:
    text = cli("run", "--help").stdout
    assert "Model requests in flight at once" in text
    assert "--repeats" in text


def one_line_error(outcome_stderr: str) -> str:
    lines = outcome_stderr.strip().splitlines()
    assert len(lines) == 1, outcome_stderr
    return lines[0]


def test_a_directory_that_is_not_a_run_is_one_line(cli: Cli, tmp_path: Path) -> None:
    run = make_run(tmp_path / "run", {bundled_tasks()[0].id: [True]})
    (tmp_path / "empty").mkdir()
    outcome = cli("compare", str(run), str(tmp_path / "empty"))
    assert outcome.code == 2
    assert one_line_error(outcome.stderr) == (
        f"error: {tmp_path / 'empty'}: not a run directory (no config.json)"
    )
    assert cli("leaderboard", str(tmp_path / "nowhere")).code == 2


def test_runs_with_no_common_tasks_are_one_line(cli: Cli, tmp_path: Path) -> None:
    first, second = (task.id for task in bundled_tasks()[:2])
    a = make_run(tmp_path / "a", {first: [True]})
    b = make_run(tmp_path / "b", {second: [True]})
    outcome = cli("compare", str(a), str(b))
    assert outcome.code == 2
    assert "have no judged task in common" in one_line_error(outcome.stderr)


def test_incompatible_modes_are_refused_unless_forced(cli: Cli, tmp_path: Path) -> None:
    tasks = {task.id: [i % 2 == 0] for i, task in enumerate(bundled_tasks()[:6])}
    a = make_run(tmp_path / "a", tasks)
    b = make_run(tmp_path / "b", tasks, mode=Mode.REFUTE)
    refused = cli("compare", str(a), str(b))
    assert refused.code == 2
    assert "not comparable (--force to compare anyway)" in one_line_error(refused.stderr)
    forced = cli("compare", str(a), str(b), "--force")
    assert forced.code == 0 and "note: forced" in forced.stdout


def test_three_synthetic_runs_show_the_similarity_matrix(cli: Cli, tmp_path: Path) -> None:
    tasks = [task.id for task in bundled_tasks()[:12]]
    dirs = [
        make_run(tmp_path / name, {t: [(i + shift) % 3 == 0] for i, t in enumerate(tasks)})
        for name, shift in (("a", 0), ("b", 0), ("c", 1))
    ]
    outcome = cli("compare", *map(str, dirs))
    assert outcome.code == 0, outcome.stderr
    assert "error similarity" in outcome.stdout
    assert "tasks refuted by one run and not the other" in outcome.stdout


def test_markdown_and_json_together_are_refused(cli: Cli, tmp_path: Path) -> None:
    run = make_run(tmp_path / "run", {bundled_tasks()[0].id: [True]})
    outcome = cli("leaderboard", str(run), "--markdown", "--json")
    assert outcome.code == 2
    assert "exclude each other" in one_line_error(outcome.stderr)
