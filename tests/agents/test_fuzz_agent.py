"""The fuzz agent's input budget: it stops after N inputs, and N inputs repeat with a seed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refute.agents.fuzz import FuzzAgent
from refute.problems import default_problems_dir
from refute.runner import AttemptLog, AttemptRecord, RunConfig, run_benchmark

from ..conftest import TEST_IMAGE

TASK = "a-signal-towers/int-total"
"""A task the fuzz baseline does not refute in a few dozen inputs."""


@pytest.fixture(scope="module")
def problems_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("problems")
    shutil.copytree(default_problems_dir() / "a-signal-towers", root / "a-signal-towers")
    return root


async def fuzz(problems_dir: Path, out: Path, **options: object) -> AttemptRecord:
    config = RunConfig(
        problems_dir=problems_dir,
        problems=TASK,
        include_fuzzable=True,
        agent_options=options,
        sandbox_workers=1,
        image=TEST_IMAGE,
    )
    await run_benchmark(config, out)
    (record,) = AttemptLog(out / "attempts.jsonl").read()
    return record


async def test_it_stops_after_the_given_number_of_inputs(
    problems_dir: Path, tmp_path: Path
) -> None:
    record = await fuzz(problems_dir, tmp_path / "run", inputs=37, batch=10, seconds=60)
    assert not record.refuted
    assert record.metrics["inputs"] == 37
    assert record.metrics["capped"] == 0.0
    assert record.message == "no counterexample in 37 inputs"


async def test_the_same_seed_tries_the_same_inputs(problems_dir: Path, tmp_path: Path) -> None:
    # A wall cap far beyond 30 inputs' time: a loaded machine must not cut either run short.
    first = await fuzz(problems_dir, tmp_path / "a", inputs=30, seconds=120)
    second = await fuzz(problems_dir, tmp_path / "b", inputs=30, seconds=120)
    assert first.metrics == second.metrics
    assert first.metrics["capped"] == 0.0


async def test_the_wall_cap_cuts_the_budget_short_and_says_so(
    problems_dir: Path, tmp_path: Path
) -> None:
    record = await fuzz(problems_dir, tmp_path / "run", inputs=10**6, seconds=0.5)
    assert record.metrics["capped"] == 1.0
    assert record.metrics["inputs"] < 10**6


def test_a_budget_of_no_inputs_is_refused() -> None:
    with pytest.raises(ValueError, match="inputs=0"):
        FuzzAgent(inputs=0)
