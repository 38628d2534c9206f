"""refute problems index: fuzz what needs it, write the records, render INDEX.md."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomlkit

from refute.problems import Fuzzability, FuzzBudget, default_problems_dir, load_problems
from refute.report import build_index
from refute.runner import RunConfig

from ..conftest import TEST_IMAGE

BUDGET = FuzzBudget(inputs=5, attempts=1, seed=0, wall_s=120)
"""two-largest falls to the first input; int-overflow needs more than five (13 with seed 0)."""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """charged-pair without fuzzability records."""
    problems = tmp_path / "problems"
    shutil.copytree(default_problems_dir() / "charged-pair", problems / "charged-pair")
    toml = problems / "charged-pair" / "problem.toml"
    document = tomlkit.parse(toml.read_text())
    for entry in document["incorrect"].values():
        entry.pop("fuzz", None)
    toml.write_text(tomlkit.dumps(document))
    return problems


def config(root: Path) -> RunConfig:
    return RunConfig(problems_dir=root, sandbox_workers=1, image=TEST_IMAGE)


def statuses(root: Path) -> dict[str, Fuzzability]:
    return {task.id: task.fuzzability for task in load_problems(root).tasks()}


async def test_it_writes_a_record_per_task_and_the_counts(root: Path, tmp_path: Path) -> None:
    result = await build_index(config(root), tmp_path / "run", BUDGET)
    assert (
        result.fuzzed
        == result.written
        == [
            "charged-pair/int-overflow",
            "charged-pair/two-largest",
        ]
    )
    assert statuses(root) == {
        "charged-pair/int-overflow": Fuzzability.MISSED,
        "charged-pair/two-largest": Fuzzability.FOUND,
    }
    record = load_problems(root).task("charged-pair/int-overflow").submission.fuzz
    assert record is not None and record.inputs == 5 and record.budget == BUDGET
    assert "refuted 1 (50%), missed 1." in result.markdown
    assert "holds 1 tasks over 1 problems" in result.markdown
    assert "| `charged-pair/int-overflow` |" in result.markdown


async def test_current_records_are_not_fuzzed_again(root: Path, tmp_path: Path) -> None:
    await build_index(config(root), tmp_path / "first", BUDGET)
    again = await build_index(config(root), tmp_path / "second", BUDGET)
    assert again.fuzzed == []
    assert not (tmp_path / "second").exists()


async def test_a_changed_submission_or_budget_is_fuzzed_again(root: Path, tmp_path: Path) -> None:
    await build_index(config(root), tmp_path / "first", BUDGET)
    source = root / "charged-pair" / "incorrect" / "two-largest.py"
    source.write_text(source.read_text() + "\n# edited\n")
    stale = await build_index(config(root), tmp_path / "second", BUDGET)
    assert stale.fuzzed == ["charged-pair/two-largest"]
    bigger = BUDGET.model_copy(update={"inputs": 20})
    rerun = await build_index(config(root), tmp_path / "third", bigger)
    assert rerun.fuzzed == ["charged-pair/int-overflow", "charged-pair/two-largest"]
    assert statuses(root)["charged-pair/int-overflow"] is Fuzzability.FOUND


async def test_refuzz_measures_every_task(root: Path, tmp_path: Path) -> None:
    await build_index(config(root), tmp_path / "first", BUDGET)
    again = await build_index(config(root), tmp_path / "second", BUDGET, refuzz=True)
    assert len(again.fuzzed) == 2
