"""``refute eval``: REFUTE's predictions in, REFUTE's results out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from refute.problems import load_problems

from ..conftest import TEST_IMAGE
from ..support.cli import Cli


def printing(text: str) -> dict[str, Any]:
    return {"generate_inp": {"code": f"import sys\nsys.stdout.write({text!r})", "lang": "Python 3"}}


def test_known_failing_inputs_succeed_and_first_examples_do_not(cli: Cli, tmp_path: Path) -> None:
    # one task per starter problem: tests/eval covers every bundled task through the API
    starters = {"charged-pair", "matching-socks", "ribbon-cut"}
    tasks = [t for t in load_problems().tasks() if t.problem.id in starters]
    preds = [
        {
            "problem_id": task.id,
            "method": "standard",
            "attempts": [
                printing(task.submission.fail_input),
                printing(task.problem.examples[0].input),
            ],
        }
        for task in tasks
    ]
    (tmp_path / "preds.json").write_text(json.dumps(preds))
    out = tmp_path / "results.json"
    outcome = cli(
        "eval",
        str(tmp_path / "preds.json"),
        "--out",
        str(out),
        "--image",
        TEST_IMAGE,
        "--workers",
        "2",
        "--runs-per-eval",
        "2",
    )
    assert outcome.code == 0, outcome.stderr
    results = json.loads(out.read_text())
    assert [(r["problem_id"], [v["success"] for v in r["verdicts"]]) for r in results] == [
        (task.id, [True, False]) for task in tasks
    ]
    assert (
        f"{len(tasks)}/{2 * len(tasks)} attempts refuted their task; "
        f"{len(tasks)}/{len(tasks)} predictions with a success (strict mode); "
        f"0 judge error(s); results in {out}" in " ".join(outcome.stderr.split())
    )


def test_mode_is_recorded_in_every_verdict(cli: Cli, tmp_path: Path) -> None:
    preds = [
        {"problem_id": "ribbon-cut", "method": "standard", "attempts": [printing("3\n1 1 5\n")]}
    ]
    (tmp_path / "preds.json").write_text(json.dumps(preds))
    out = tmp_path / "results.json"
    outcome = cli(
        "eval",
        str(tmp_path / "preds.json"),
        "--out",
        str(out),
        "--mode",
        "refute",
        "--image",
        TEST_IMAGE,
        "--workers",
        "1",
    )
    assert outcome.code == 0, outcome.stderr
    (result,) = json.loads(out.read_text())
    assert (result["verdicts"][0]["success"], result["verdicts"][0]["mode"]) == (True, "refute")


def test_predictions_that_are_not_json_are_a_one_line_error(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "preds.json"
    path.write_text("[{")
    outcome = cli("eval", str(path), "--out", str(tmp_path / "r.json"))
    assert outcome.code == 2
    assert outcome.stderr.strip().splitlines() == [
        f"error: {path}: not valid JSON: Expecting property name enclosed in double quotes at "
        "line 1, column 3"
    ]
    assert not (tmp_path / "r.json").exists()


def test_unknown_language_is_an_error_with_its_position(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "preds.json"
    entry = {"problem_id": "ribbon-cut", "method": "standard", "attempts": [printing("1")]}
    bad = {
        "problem_id": "ribbon-cut",
        "method": "standard",
        "attempts": [{"generate_inp": {"code": "", "lang": "Rust"}}],
    }
    path.write_text(json.dumps([entry, entry, entry, bad]))
    outcome = cli("eval", str(path))
    assert outcome.code == 2
    assert " ".join(outcome.stderr.split()).startswith(
        f"error: {path}: [3].attempts[0].generate_inp.lang: unknown language 'Rust'"
    )


def test_unknown_problem_is_an_error_with_its_position(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "preds.json"
    path.write_text(json.dumps([{"problem_id": "1975F", "method": "standard", "attempts": []}]))
    outcome = cli("eval", str(path))
    assert outcome.code == 2
    assert " ".join(outcome.stderr.split()).startswith(
        f"error: {path}: [0].problem_id: unknown problem '1975F'"
    )


def test_missing_predictions_file_is_an_error(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("eval", str(tmp_path / "nope.json"))
    assert outcome.code == 2
    assert "no such file" in outcome.stderr
