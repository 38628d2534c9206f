"""The state file: what earlier refresh runs fetched and decided, so that a run does only
what is new and an interrupted run resumes where it stopped.

It is JSON, rewritten atomically (a temporary file, then a rename) after every decision.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from ..errors import RefreshError
from ..files import atomic_write

STATE_VERSION = 1


class StateError(RefreshError):
    """A state file that cannot be read (not JSON, or not a refresh state)."""


class Decision(StrEnum):
    """What a refresh decided about a problem."""

    ACCEPTED = "accepted"
    """Its package passed every gate and is in the problem set."""
    PENDING = "pending"
    """Its package waits in ``pending/`` for a validator (or a human decision)."""
    SKIPPED = "skipped"
    """It will not become a task (interactive, several answers, no hack test ...); final."""
    DEFERRED = "deferred"
    """Not decided yet (not rated yet, a page that could not be read); tried again."""


FINAL = frozenset({Decision.ACCEPTED, Decision.SKIPPED})


class RunEntry(BaseModel):
    """One refresh run: its id, when it ran, with which options, what it produced."""

    id: str
    started: str
    finished: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)


class ContestEntry(BaseModel):
    """A contest seen by a refresh; ``done`` once each of its problems has a final decision."""

    id: int
    name: str
    start: int
    problems: list[str] = Field(default_factory=list)
    done: bool = False
    run: str


class ProblemEntry(BaseModel):
    """What was decided about one problem (``2000A``), by which run, and why.

    ``needs_model`` marks a problem pending only for want of a model: a later run with
    ``--model`` takes it up again.
    """

    key: str
    contest_id: int
    index: str
    name: str = ""
    decision: Decision
    reasons: list[str] = Field(default_factory=list)
    package: str | None = None
    path: str | None = None
    tasks: list[str] = Field(default_factory=list)
    needs_model: bool = False
    run: str
    decided: str


class SubmissionEntry(BaseModel):
    """A submission whose source was fetched, and what became of it."""

    id: int
    problem: str
    role: str
    """``incorrect`` or ``reference``."""
    outcome: str
    """``task``, ``reference``, ``rejected`` or ``pending``."""
    reason: str = ""
    run: str


class RefreshState(BaseModel):
    """Everything a refresh remembers (see ``docs/refresh.md``)."""

    version: int = STATE_VERSION
    runs: list[RunEntry] = Field(default_factory=list)
    contests: dict[str, ContestEntry] = Field(default_factory=dict)
    problems: dict[str, ProblemEntry] = Field(default_factory=dict)
    submissions: dict[str, SubmissionEntry] = Field(default_factory=dict)


def now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class StateFile:
    """The state on disk; ``save()`` after each change keeps it current.

    Args:
        path: the JSON file (created on the first save).

    Example::

        state = StateFile(Path("problems/.refresh-state.json"))
        if "2000A" not in state.data.problems:
            ...
        state.save()
    """

    def __init__(self, path: Path):
        self.path = path
        self.data = self._read()

    def _read(self) -> RefreshState:
        if not self.path.exists():
            return RefreshState()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            state = RefreshState.model_validate(raw)
        except (ValueError, ValidationError, OSError) as error:
            first = str(error).splitlines()[0]
            raise StateError(f"{self.path}: not a refresh state file ({first})") from error
        if state.version > STATE_VERSION:
            raise StateError(
                f"{self.path}: state version {state.version} is newer than this refute "
                f"understands ({STATE_VERSION}); upgrade refute"
            )
        return state

    def save(self) -> None:
        """Write the state atomically: a crash leaves the old file or the new one."""
        atomic_write(self.path, self.data.model_dump_json(indent=2) + "\n", durable=True)

    # -- decisions --------------------------------------------------------------------

    def decide(self, entry: ProblemEntry) -> None:
        self.data.problems[entry.key] = entry
        self.save()

    def submission(self, entry: SubmissionEntry) -> None:
        self.data.submissions[str(entry.id)] = entry
        self.save()


class PageCache:
    """Fetched pages kept on disk until their problem is decided, so that a resumed or
    retried problem is not fetched again.

    Args:
        directory: where the pages are kept (``.refresh-state.cache`` beside the state).
    """

    def __init__(self, directory: Path):
        self.directory = directory

    def _file(self, path: str) -> Path:
        digest = hashlib.sha256(path.encode()).hexdigest()[:24]
        return self.directory / f"{digest}.html"

    def get(self, path: str) -> str | None:
        file = self._file(path)
        return file.read_text(encoding="utf-8") if file.is_file() else None

    def put(self, path: str, text: str) -> None:
        atomic_write(self._file(path), text)

    def drop(self, paths: list[str]) -> None:
        for path in paths:
            self._file(path).unlink(missing_ok=True)
