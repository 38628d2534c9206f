"""Fixtures for importer tests: the fixture sources, a judge on the real sandbox, the CLI."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from refute.cli import main
from refute.judge import Judge
from refute.sandbox import Sandbox

FIXTURES = Path(__file__).parent / "fixtures"
KATTIS = FIXTURES / "kattis"
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


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


Cli = Callable[..., Outcome]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli("problems", "import", ...)`` runs ``refute`` in-process; returns its outcome."""
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["refute", *args])
        with pytest.raises(SystemExit) as exited:
            main()
        captured = capsys.readouterr()
        code = exited.value.code
        return Outcome(
            code if isinstance(code, int) else (0 if code is None else 1),
            captured.out,
            captured.err,
        )

    return run
