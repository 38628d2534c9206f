"""refute run: bad flags and missing keys are one clear line and exit 2, before any work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import TEST_IMAGE
from ..support.cli import Cli
from ..support.fuzz_records import copy_with_records


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agent", "nope"], "error: --agent nope: no such agent"),
        (["--agent", "zero-shot"], "error: --agent zero-shot needs a model"),
        (["--problems", "rating>=x"], "error: --problems: rating>=x: not a whole number"),
        (["--problems", "no-such-problem"], "error: --problems: no task matches no-such-problem"),
        (["--model", "mistral/large", "--agent", "zero-shot"], "mistral"),
        (["--resume", "/nonexistent/run"], "no config.json there"),
        (["--agent-option", "novalue"], "--agent-option 'novalue': expected NAME=VALUE"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    cli: Cli, tmp_path: Path, args: list[str], message: str
) -> None:
    outcome = cli("run", "--out", str(tmp_path / "run"), "--image", TEST_IMAGE, *args)
    assert outcome.code == 2
    assert message in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "run" / "attempts.jsonl").exists()


def test_a_missing_api_key_stops_the_run_with_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    outcome = cli(
        "run",
        "--out",
        str(tmp_path / "run"),
        "--agent",
        "zero-shot",
        "--model",
        "openai/gpt-x",
        "--problems",
        "ribbon-cut",
        "--include-fuzzable",
        "--image",
        TEST_IMAGE,
    )
    assert outcome.code == 2
    assert outcome.stderr.strip() == (
        "error: openai/gpt-x: no API key; set OPENAI_API_KEY (any value for a local server "
        "that needs none)"
    )


def test_an_existing_run_is_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    run = tmp_path / "run"
    first = cli(
        "run",
        "--out",
        str(run),
        "--problems",
        "ribbon-cut",
        "--include-fuzzable",
        "--image",
        TEST_IMAGE,
        "--agent-option",
        "seconds=1",
        "--json",
    )
    assert first.code == 0, first.stderr
    assert json.loads(first.stdout)["tasks"] == 1
    again = cli(
        "run",
        "--out",
        str(run),
        "--problems",
        "ribbon-cut",
        "--include-fuzzable",
        "--image",
        TEST_IMAGE,
    )
    assert again.code == 2
    assert f"--resume {run}" in again.stderr


def test_the_run_says_what_the_selection_left_out(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "problems"
    root.mkdir()
    copy_with_records(
        root,
        {
            "charged-pair/int-overflow": True,
            "charged-pair/two-largest": False,
            "ribbon-cut/last-cut": None,
        },
    )
    common = ["--problems-dir", str(root), "--image", TEST_IMAGE]
    outcome = cli("run", "--out", str(tmp_path / "run"), "--agent-option", "inputs=5", *common)
    assert outcome.code == 0, outcome.stderr
    assert (
        "selection: 2 task(s); left out 1 fuzz-findable task(s) (--include-fuzzable keeps "
        "them); fuzzability unknown for 1 kept task(s)" in outcome.stderr
    )
    refused = cli(
        "run", "--out", str(tmp_path / "no"), "--problems", "charged-pair/int-overflow", *common
    )
    assert refused.code == 2
    assert refused.stderr.strip() == (
        "error: --problems charged-pair/int-overflow: all 1 selected task(s) are "
        "fuzz-findable; pass --include-fuzzable to keep them"
    )
