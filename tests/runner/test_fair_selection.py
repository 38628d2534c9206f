"""The default selection leaves out fuzz-findable tasks, by their current records."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.problems import Task
from refute.runner import FuzzSelection, fair_selection

from ..support.fuzz_records import copy_with_records


@pytest.fixture
def tasks(tmp_path: Path) -> list[Task]:
    return copy_with_records(
        tmp_path,
        {
            "charged-pair/int-overflow": True,
            "charged-pair/two-largest": False,
            "ribbon-cut/last-cut": None,
        },
    )


def test_found_tasks_are_left_out_by_default(tasks: list[Task]) -> None:
    kept, note = fair_selection(tasks)
    assert [t.id for t in kept] == ["charged-pair/two-largest", "ribbon-cut/last-cut"]
    assert note.left_out == ["charged-pair/int-overflow"]


def test_include_fuzzable_keeps_every_task(tasks: list[Task]) -> None:
    kept, note = fair_selection(tasks, include_fuzzable=True)
    assert [t.id for t in kept] == [t.id for t in tasks]
    assert note.left_out == [] and note.include_fuzzable


def test_tasks_without_a_current_record_are_kept_as_unknown(tasks: list[Task]) -> None:
    _, note = fair_selection(tasks)
    assert note.unknown == ["ribbon-cut/last-cut"]


def test_the_line_counts_left_out_and_unknown_tasks() -> None:
    note = FuzzSelection(left_out=["a/x", "a/y"], unknown=["b/z"])
    assert note.describe(kept=5) == (
        "selection: 5 task(s); left out 2 fuzz-findable task(s) (--include-fuzzable keeps "
        "them); fuzzability unknown for 1 kept task(s)"
    )
    assert (
        FuzzSelection(include_fuzzable=True)
        .describe(kept=7)
        .startswith("selection: 7 task(s), fuzz-findable ones included")
    )
