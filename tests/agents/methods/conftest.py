"""A private copy of one bundled problem, so that these runs do not depend on the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refute.problems import default_problems_dir


@pytest.fixture(scope="session")
def problems_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A problems directory holding only ``charged-pair`` (two tasks)."""
    root = tmp_path_factory.mktemp("problems")
    shutil.copytree(default_problems_dir() / "charged-pair", root / "charged-pair")
    return root
