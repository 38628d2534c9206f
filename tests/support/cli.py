"""The ``cli`` fixture: ``refute`` commands run in-process, as a user would from a shell.

Register it in a folder's ``conftest.py``::

    from ..support.cli import cli  # noqa: F401  (registers the fixture)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

import pytest

from refute.cli import main


@dataclass
class Outcome:
    """A finished command: exit code, stdout and stderr."""

    code: int
    stdout: str
    stderr: str


class Cli(Protocol):
    def __call__(self, *args: str) -> Outcome: ...


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli("problems", "list")`` runs ``refute problems list``; returns code and output."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("REFUTE_PROBLEMS_DIR", raising=False)

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
