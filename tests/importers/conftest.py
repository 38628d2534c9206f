"""Fixtures for importer tests: the fixture sources, a judge on the real sandbox, the CLI."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from refute.judge import Judge
from refute.sandbox import Sandbox

from ..support.cli import cli  # noqa: F401  (registers the fixture)

FIXTURES = Path(__file__).parent / "fixtures"
KATTIS = FIXTURES / "kattis"
ARCHIVE = FIXTURES / "archive"
"""A nested archive: packages at different depths, one with generators.yaml."""
ROWS = FIXTURES / "refute" / "rows.json"


def rows() -> list[dict[str, Any]]:
    """The REFUTE fixture rows (two tiny problems), fresh for each caller to change."""
    data: list[dict[str, Any]] = json.loads(ROWS.read_text(encoding="utf-8"))
    return data


def write_rows(path: Path, items: list[dict[str, Any]]) -> Path:
    """Write rows as ``.json`` (a list) or ``.jsonl``, by the path's suffix."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    else:
        path.write_text(json.dumps(items), encoding="utf-8")
    return path


@pytest.fixture
def judge(sandbox: Sandbox) -> Judge:
    return Judge(sandbox.judge)


@pytest.fixture
def kattis_copy(tmp_path: Path) -> Callable[..., Path]:
    """Copy some Kattis fixture packages into a fresh folder; returns the folder."""

    def copy(*names: str) -> Path:
        folder = tmp_path / "kattis"
        for name in names:
            shutil.copytree(KATTIS / name, folder / name)
        return folder

    return copy
