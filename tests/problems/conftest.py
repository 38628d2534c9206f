"""Packages on disk for loader tests: copies of bundled ones, broken in ``tmp_path``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from refute.problems import default_problems_dir


@pytest.fixture
def problems_root(tmp_path: Path) -> Path:
    root = tmp_path / "problems"
    root.mkdir()
    return root


@pytest.fixture
def copy_package(problems_root: Path) -> Callable[[str], Path]:
    """Copy a bundled package into ``problems_root``; returns the copy's directory."""

    def copy(problem_id: str) -> Path:
        return Path(
            shutil.copytree(default_problems_dir() / problem_id, problems_root / problem_id)
        )

    return copy
