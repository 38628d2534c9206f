"""Fixtures for eval tests: predictions written to disk, and an evaluator on the sandbox."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from refute.eval import EvalConfig, Evaluator
from refute.judge import JudgeConfig
from refute.problems import ProblemSet, load_problems
from refute.sandbox import Sandbox


@pytest.fixture(scope="session")
def problems() -> ProblemSet:
    return load_problems()


@pytest.fixture
def write_predictions(tmp_path: Path) -> Callable[[Any], Path]:
    """Write ``data`` as JSON (or as-is, when a string) to ``preds.json``."""

    def write(data: Any) -> Path:
        path = tmp_path / "preds.json"
        path.write_text(data if isinstance(data, str) else json.dumps(data))
        return path

    return write


@pytest.fixture
def evaluator(sandbox: Sandbox) -> Evaluator:
    """Two runs per input and a 3-second search: enough for the bundled tasks, and fast."""
    return Evaluator(sandbox, EvalConfig(judge=JudgeConfig(runs=2), search_seconds=3))
