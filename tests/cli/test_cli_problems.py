"""``refute problems list|show|check``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from refute.problems import default_problems_dir, load_problems

from ..conftest import TEST_IMAGE
from ..support.cli import Cli

TASK_IDS = [task.id for task in load_problems().tasks()]


STARTERS = ("charged-pair", "matching-socks", "ribbon-cut")


def broken_copy(tmp_path: Path) -> Path:
    """The three starter problems, with ribbon-cut's validator removed."""
    root = tmp_path / "problems"
    for name in STARTERS:
        shutil.copytree(default_problems_dir() / name, root / name)
    (root / "ribbon-cut" / "validator.py").unlink()
    return root


def test_list_json_has_one_object_per_task_with_its_fields(cli: Cli) -> None:
    outcome = cli("problems", "list", "--json")
    assert outcome.code == 0
    rows = json.loads(outcome.stdout)
    assert [row["task_id"] for row in rows] == TASK_IDS
    required = {
        "task_id",
        "problem_id",
        "language",
        "incorrect_path",
        "fail_input_path",
        "rating",
        "tags",
        "fuzzability",
    }
    assert all(required <= row.keys() for row in rows)
    assert all(Path(row["fail_input_path"]).is_file() for row in rows)
    assert {row["fuzzability"] for row in rows} <= {"found", "missed", "unknown"}


def test_list_prints_a_table_row_per_task(cli: Cli) -> None:
    outcome = cli("problems", "list")
    assert outcome.code == 0
    assert all(task_id in outcome.stdout for task_id in TASK_IDS)


def test_list_warns_about_a_broken_package_and_lists_the_others(cli: Cli, tmp_path: Path) -> None:
    root = broken_copy(tmp_path)
    outcome = cli("problems", "list", "--json", "--problems-dir", str(root))
    assert outcome.code == 0
    assert "ribbon-cut/last-cut" not in [row["task_id"] for row in json.loads(outcome.stdout)]
    assert f"warning: {root}/ribbon-cut/validator.py: missing" in outcome.stderr


def test_problems_dir_can_come_from_the_environment(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "problems"
    shutil.copytree(default_problems_dir() / "ribbon-cut", root / "ribbon-cut")
    monkeypatch.setenv("REFUTE_PROBLEMS_DIR", str(root))
    rows = json.loads(cli("problems", "list", "--json").stdout)
    assert [row["task_id"] for row in rows] == ["ribbon-cut/last-cut"]


def test_show_prints_statement_limits_and_incorrect_code(cli: Cli) -> None:
    outcome = cli("problems", "show", "charged-pair/int-overflow")
    assert outcome.code == 0
    assert "Charged Pair" in outcome.stdout
    assert "1000 ms, 256 MB" in outcome.stdout
    assert "long long high = a[n - 1] * a[n - 2];" in outcome.stdout


def test_show_json_includes_statement_and_code(cli: Cli) -> None:
    data = json.loads(cli("problems", "show", "ribbon-cut", "--json").stdout)
    assert data["task_id"] == "ribbon-cut/last-cut"
    assert "## Input" in data["statement"]
    assert "for (int k = 2; k < n - 1; k++)" in data["code"]


def test_show_unknown_task_is_a_one_line_error(cli: Cli) -> None:
    outcome = cli("problems", "show", "nope/x")
    assert outcome.code == 2
    assert outcome.stderr.startswith("error: unknown problem 'nope'")
    assert "Traceback" not in outcome.stderr


def test_show_task_of_a_broken_package_names_the_fault(cli: Cli, tmp_path: Path) -> None:
    root = broken_copy(tmp_path)
    outcome = cli("problems", "show", "ribbon-cut", "--problems-dir", str(root))
    assert outcome.code == 2
    assert (
        f"error: problem package 'ribbon-cut' is malformed: {root}/ribbon-cut/validator.py: missing"
    ) in outcome.stderr


def test_check_passes_on_every_bundled_task(cli: Cli) -> None:
    outcome = cli("problems", "check", "--json", "--image", TEST_IMAGE, "--workers", "2")
    assert outcome.code == 0, outcome.stderr
    reports = json.loads(outcome.stdout)
    assert [(r["task_id"], r["ok"], r["reasons"]) for r in reports] == [
        (task_id, True, []) for task_id in TASK_IDS
    ]


def test_check_fails_on_a_trivially_refutable_task(cli: Cli, tmp_path: Path) -> None:
    root = Path(
        shutil.copytree(
            default_problems_dir() / "charged-pair", tmp_path / "problems" / "charged-pair"
        )
    ).parent
    # Make the overflow show on an example: the submission now fails example 1.
    (root / "charged-pair" / "examples" / "1.in").write_text("3\n-1 100000 100000\n")
    (root / "charged-pair" / "examples" / "1.ans").write_text("10000000000\n")
    outcome = cli(
        "problems",
        "check",
        "charged-pair/int-overflow",
        "--json",
        "--problems-dir",
        str(root),
        "--image",
        TEST_IMAGE,
        "--workers",
        "1",
    )
    assert outcome.code == 1
    (report,) = json.loads(outcome.stdout)
    assert report["ok"] is False
    assert report["reasons"][0].startswith(
        "incorrect submission passes example 1: no: trivially refutable:"
    )


def test_check_counts_a_broken_package_as_a_failure(cli: Cli, tmp_path: Path) -> None:
    root = broken_copy(tmp_path)
    (root / "charged-pair").rename(tmp_path / "charged-pair-out")
    (root / "matching-socks").rename(tmp_path / "matching-socks-out")
    outcome = cli(
        "problems",
        "check",
        "--json",
        "--problems-dir",
        str(root),
        "--image",
        TEST_IMAGE,
        "--workers",
        "1",
    )
    assert outcome.code == 1
    (report,) = json.loads(outcome.stdout)
    assert (report["task_id"], report["ok"]) == ("ribbon-cut", False)
    assert report["reasons"] == [f"failed to load: {root}/ribbon-cut/validator.py: missing"]
