"""Real run directories for the report's tests: two fuzz runs made by ``refute run``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import TEST_IMAGE
from ..support.cli import cli  # noqa: F401  (registers the fixture)

TASKS = "charged-pair,ribbon-cut"


def refute_run(out: Path, *args: str) -> None:
    """``refute run`` as a user runs it: a separate process, the real sandbox."""
    command = [sys.executable, "-m", "refute.cli", "run", "--out", str(out), "--image", TEST_IMAGE]
    command += ["--problems", TASKS, "--include-fuzzable", "--agent-option", "inputs=60"]
    env = os.environ | {"COLUMNS": "200"}
    env.pop("REFUTE_PROBLEMS_DIR", None)
    done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("report-runs")
    refute_run(root / "fuzz-a", "--attempts", "2")
    refute_run(root / "fuzz-b", "--seed", "7")
    return root / "fuzz-a", root / "fuzz-b"
