"""What one refresh run did: ``refresh-report.json`` and the table the CLI prints."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field
from rich.markup import escape
from rich.table import Table

from ..files import atomic_write

REFRESH_REPORT_FILE = "refresh-report.json"
"""The report's file name, in the output directory."""


class RefreshOutcome(StrEnum):
    """What became of one problem in this run."""

    NEW = "new"
    """A new package in the problem set: every gate passed."""
    PENDING = "pending"
    """A package written to ``pending/<id>/``, waiting for a validator or a decision."""
    SKIPPED = "skipped"
    """Not a task, for the reasons given; final."""
    DEFERRED = "deferred"
    """Not decided in this run (not rated yet, a page unreadable); tried again next run."""


class ReportEntry(BaseModel):
    """One problem of the run.

    Args:
        problem: Codeforces' name for it (``2000A``).
        name: its title.
        url: its page.
        outcome: what became of it.
        package: the package id, for ``new`` and ``pending``.
        path: the package directory, relative to the output directory.
        tasks: the task ids, for ``new`` (for ``pending``, those the package would hold).
        reasons: why it is pending, skipped or deferred; for ``new``, the candidates
            turned down on the way.
    """

    problem: str
    name: str = ""
    url: str = ""
    outcome: RefreshOutcome
    package: str | None = None
    path: str | None = None
    tasks: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)


class RefreshReport(BaseModel):
    """Every problem a run looked at, and what the run cost.

    Args:
        run: the run's id (also in the state file and in each package it wrote).
        started: when it started (UTC, ISO 8601).
        finished: when it finished.
        since: the first contest day of the window.
        until: the last contest day of the window.
        out: the output directory.
        contests: contests in the window that were looked at in this run.
        unchanged: problems already decided by an earlier run and left alone.
        entries: one per problem looked at.
        api_calls: Codeforces API calls, by method.
        pages: pages fetched.
        retries: requests retried (call limit, 429, 5xx).
    """

    run: str
    started: str
    finished: str = ""
    since: str
    until: str
    out: str
    contests: list[int] = Field(default_factory=list)
    unchanged: int = 0
    entries: list[ReportEntry] = Field(default_factory=list)
    api_calls: dict[str, int] = Field(default_factory=dict)
    pages: int = 0
    retries: int = 0

    def of(self, outcome: RefreshOutcome) -> list[ReportEntry]:
        return [entry for entry in self.entries if entry.outcome is outcome]

    @property
    def new_tasks(self) -> list[str]:
        """Task ids of the packages this run added to the problem set."""
        return [task for entry in self.of(RefreshOutcome.NEW) for task in entry.tasks]

    def summary(self) -> str:
        """One line: ``2 new, 1 pending, 3 skipped, 12 unchanged``.

        >>> RefreshReport(run="r", started="", since="", until="", out="").summary()
        'nothing new'
        """
        parts = [f"{len(self.of(o))} {o}" for o in RefreshOutcome if self.of(o)]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        return ", ".join(parts) or "nothing new"

    def write(self, directory: Path) -> Path:
        """Write ``refresh-report.json`` into ``directory``; returns its path."""
        path = directory / REFRESH_REPORT_FILE
        atomic_write(path, self.model_dump_json(indent=2) + "\n")
        return path

    def table(self) -> Table:
        """The report as a rich table, one row per problem."""
        table = Table(title=f"refresh {escape(self.run)}: {self.summary()}")
        table.add_column("problem", no_wrap=True)
        table.add_column("outcome", no_wrap=True)
        table.add_column("package / tasks")
        table.add_column("reasons")
        colours = {
            RefreshOutcome.NEW: "green",
            RefreshOutcome.PENDING: "yellow",
            RefreshOutcome.SKIPPED: "dim",
            RefreshOutcome.DEFERRED: "cyan",
        }
        for entry in self.entries:
            new = entry.outcome is RefreshOutcome.NEW
            where = ", ".join(entry.tasks) if new else (entry.path or "")
            table.add_row(
                escape(f"{entry.problem} {entry.name}".strip()),
                f"[{colours[entry.outcome]}]{entry.outcome}[/]",
                escape(where),
                escape("\n".join(entry.reasons)),
            )
        return table
