"""A run's default selection leaves out fuzz-findable tasks and says so in its files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refute.runner import FuzzSelection, RunConfig, SelectorError, run_benchmark

from ..conftest import TEST_IMAGE
from ..support.fuzz_records import copy_with_records

FOUND = "charged-pair/int-overflow"
MISSED = "charged-pair/two-largest"
UNKNOWN = "ribbon-cut/last-cut"


@pytest.fixture
def problems_dir(tmp_path: Path) -> Path:
    root = tmp_path / "problems"
    root.mkdir()
    copy_with_records(root, {FOUND: True, MISSED: False, UNKNOWN: None})
    return root


def config(problems_dir: Path, **changes: object) -> RunConfig:
    fields: dict[str, object] = {
        "problems_dir": problems_dir,
        "sandbox_workers": 1,
        "image": TEST_IMAGE,
        "agent_options": {"inputs": 5},
    }
    return RunConfig.model_validate(fields | changes)


async def test_a_default_run_skips_found_tasks_and_records_why(
    problems_dir: Path, tmp_path: Path
) -> None:
    heard: list[tuple[int, FuzzSelection]] = []
    out = tmp_path / "run"
    summary = await run_benchmark(
        config(problems_dir),
        out,
        on_selection=lambda kept, note: heard.append((kept, note)),
    )
    assert summary.tasks == 2
    expected = {"include_fuzzable": False, "left_out": [FOUND], "unknown": [UNKNOWN]}
    assert heard == [(2, FuzzSelection.model_validate(expected))]
    saved = json.loads((out / "config.json").read_text())
    assert saved["provenance"]["tasks"] == [MISSED, UNKNOWN]
    assert saved["provenance"]["selection"] == expected
    assert json.loads((out / "summary.json").read_text())["selection"] == expected


async def test_include_fuzzable_runs_every_task(problems_dir: Path, tmp_path: Path) -> None:
    summary = await run_benchmark(config(problems_dir, include_fuzzable=True), tmp_path / "run")
    assert summary.tasks == 3


async def test_a_selection_of_only_fuzzable_tasks_is_refused(
    problems_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(SelectorError, match="pass --include-fuzzable"):
        await run_benchmark(config(problems_dir, problems=FOUND), tmp_path / "run")
    assert not (tmp_path / "run").exists()
