"""Fixtures for judge tests: a judge on the real sandbox, and small packages on disk."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from refute.judge import Judge, JudgeConfig
from refute.problems import Task, load_problems
from refute.sandbox import Sandbox

from .aplusb import MakeTask, write_task


@pytest.fixture
def make_task(tmp_path: Path) -> MakeTask:
    """Write an "A + B" task with some programs replaced (see ``aplusb.write_task``)."""
    return functools.partial(write_task, tmp_path)


@pytest.fixture
def judge(sandbox: Sandbox) -> Judge:
    return Judge(sandbox.judge)


@pytest.fixture
def judge_with(sandbox: Sandbox) -> Callable[..., Judge]:
    """A judge with some ``JudgeConfig`` fields changed: ``judge_with(runs=1)``."""

    def make(**changes: object) -> Judge:
        return Judge(sandbox.judge, JudgeConfig.model_validate(changes))

    return make


@pytest.fixture(scope="session")
def bundled() -> dict[str, Task]:
    """The bundled tasks, by id."""
    return {task.id: task for task in load_problems().tasks()}
