"""Outputs and selectors checked before any work, Ctrl-C, time-outs, and literal error lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from refute.runner import AttemptLog, FaultOf

from ..conftest import TEST_IMAGE
from ..support.cli import Cli

QUICK = (
    *("--image", TEST_IMAGE, "--agent-option", "seconds=0.5", "--sandbox-workers", "1"),
    "--include-fuzzable",
)


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_eval_out_that_is_a_directory_fails_before_judging(cli: Cli, tmp_path: Path) -> None:
    predictions = tmp_path / "preds.json"
    predictions.write_text("[]")
    started = time.monotonic()
    outcome = cli("eval", str(predictions), "--out", str(tmp_path))
    assert outcome.code == 2
    assert one_error_line(outcome.stderr) == (
        f"error: --out {tmp_path}: it is a directory; give a file path such as "
        f"{tmp_path / 'results.json'}"
    )
    assert time.monotonic() - started < 5  # no sandbox was started
    assert not list(tmp_path.glob("*.part"))


def test_eval_out_that_cannot_be_written_fails_before_judging(cli: Cli, tmp_path: Path) -> None:
    predictions = tmp_path / "preds.json"
    predictions.write_text("[]")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    outcome = cli("eval", str(predictions), "--out", str(blocker / "results.json"))
    assert outcome.code == 2
    assert one_error_line(outcome.stderr).startswith(
        f"error: --out {blocker / 'results.json'}: cannot write there ("
    )


@pytest.mark.parametrize(
    ("where", "message"), [("file", "it is a file"), ("file/run", "cannot write there")]
)
def test_run_out_that_cannot_be_a_run_directory_is_one_line(
    cli: Cli, tmp_path: Path, where: str, message: str
) -> None:
    (tmp_path / "file").write_text("")
    out = tmp_path / where
    outcome = cli("run", "--out", str(out), "--problems", "ribbon-cut", *QUICK)
    assert outcome.code == 2
    assert one_error_line(outcome.stderr).startswith(f"error: --out {out}: {message}")


@pytest.mark.parametrize("selector", ["", ",", " , ,"])
def test_an_empty_selector_is_refused_not_taken_for_everything(
    cli: Cli, tmp_path: Path, selector: str
) -> None:
    outcome = cli("run", "--out", str(tmp_path / "run"), "--problems", selector, *QUICK)
    assert outcome.code == 2
    assert one_error_line(outcome.stderr) == (
        f"error: --problems {selector!r}: an empty selector; give task or problem ids, "
        "globs or filters, or leave --problems out to run every task"
    )
    assert not (tmp_path / "run" / "attempts.jsonl").exists()


@pytest.mark.parametrize("selector", ["x.py:smile:", "[bold]x[/bold]", "a:thumbs_up:b[/]"])
def test_error_lines_are_printed_literally(cli: Cli, tmp_path: Path, selector: str) -> None:
    outcome = cli("run", "--out", str(tmp_path / "run"), "--problems", selector, *QUICK)
    assert outcome.code == 2
    assert one_error_line(outcome.stderr) == f"error: --problems: no task matches {selector}"


def test_model_timeout_is_recorded_in_the_run_config(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFUTE_MODEL_TIMEOUT", "9")
    by_env = cli("run", "--out", str(tmp_path / "env"), "--problems", "ribbon-cut", *QUICK)
    assert by_env.code == 0, by_env.stderr
    by_flag = cli(
        "run",
        "--out",
        str(tmp_path / "flag"),
        "--problems",
        "ribbon-cut",
        "--model-timeout",
        "7.5",
        *QUICK,
    )
    assert by_flag.code == 0, by_flag.stderr
    for name, seconds in (("env", 9.0), ("flag", 7.5)):
        saved = json.loads((tmp_path / name / "config.json").read_text())
        assert saved["config"]["model_retry"]["timeout_s"] == seconds
    resumed = cli("run", "--resume", str(tmp_path / "flag"), "--model-timeout", "3")
    assert resumed.code == 0, resumed.stderr
    saved = json.loads((tmp_path / "flag" / "config.json").read_text())
    assert saved["config"]["model_retry"]["timeout_s"] == 3.0


@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf"])
def test_a_bad_model_timeout_variable_is_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("REFUTE_MODEL_TIMEOUT", value)
    outcome = cli("run", "--out", str(tmp_path / "run"), "--problems", "ribbon-cut", *QUICK)
    assert outcome.code == 2
    assert one_error_line(outcome.stderr) == (
        f"error: REFUTE_MODEL_TIMEOUT={value!r}: expected a number of seconds above 0"
    )


def test_ctrl_c_says_how_many_attempts_are_kept_and_how_to_resume(tmp_path: Path) -> None:
    out = tmp_path / "run"
    command = [sys.executable, "-m", "refute.cli", "run", "--out", str(out), "--attempts", "6"]
    command += ["--problems", "charged-pair,ribbon-cut", *QUICK, "--json"]
    env = {**os.environ, "COLUMNS": "200"}
    runner = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    log = out / "attempts.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not log.exists() or log.read_text().count("\n") < 2):
        time.sleep(0.05)
    runner.send_signal(signal.SIGINT)
    stdout, stderr = runner.communicate(timeout=60)
    assert runner.returncode == 130
    records = AttemptLog(log).read()
    kept = len({(r.task_id, r.attempt) for r in records if r.fault is not FaultOf.INFRASTRUCTURE})
    assert 2 <= kept < 18
    assert stderr.strip().splitlines()[-1] == (
        f"interrupted; {kept} attempts kept; resume with: refute run --resume {out}"
    )
    assert stdout == ""
