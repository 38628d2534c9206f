"""Problems directories whose tasks carry fuzzability records chosen by the test."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from refute.problems import (
    FuzzBudget,
    FuzzRecord,
    Task,
    default_problems_dir,
    load_problems,
    write_fuzz_records,
)

BUDGET = FuzzBudget(inputs=400, attempts=1, seed=0, wall_s=60)


def copy_with_records(root: Path, found: dict[str, bool | None]) -> list[Task]:
    """Copies of the problems named in ``found``'s task ids; ``None``: no record."""
    for problem_id in {task_id.split("/")[0] for task_id in found}:
        shutil.copytree(default_problems_dir() / problem_id, root / problem_id)
    for task in load_problems(root).tasks():
        write_fuzz_records(task.problem, {task.submission.name: record(task, found[task.id])})
    return load_problems(root).tasks()


def record(task: Task, found: bool | None) -> FuzzRecord:
    return FuzzRecord(
        found=bool(found),
        inputs=400,
        attempts=1,
        budget=BUDGET,
        when=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
        # no current record: one measured on something else
        fingerprint=task.fingerprint if found is not None else "sha256:other",
    )
