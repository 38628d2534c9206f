"""What an import did with each problem and submission: ``import-report.json``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field
from rich.markup import escape
from rich.table import Table

IMPORT_REPORT_FILE = "import-report.json"
"""The report's file name, in the output directory."""


class ImportStatus(StrEnum):
    """What became of one problem (or one submission) of an import."""

    WRITTEN = "written"
    """A new package, checked and moved into the output directory."""
    REPLACED = "replaced"
    """A different package of the same id was there and was replaced (``--force``)."""
    UNCHANGED = "unchanged"
    """An identical package was already there; nothing was written."""
    CONFLICT = "conflict"
    """A different package of the same id is there; kept, since ``--force`` was not given."""
    FAILED = "failed"
    """The converted package failed the checks of ``refute problems check``; not written."""
    SKIPPED = "skipped"
    """Not importable (an interactive problem, a submission no test refutes, ...)."""


SUCCESS = frozenset({ImportStatus.WRITTEN, ImportStatus.REPLACED, ImportStatus.UNCHANGED})


class ImportEntry(BaseModel):
    """One line of the report.

    Args:
        id: the problem id, or for a submission the task id ``<problem>/<name>``.
        source: where it came from (``rows.jsonl row 3``, ``pkgs/sum/submissions/...``).
        status: what became of it.
        reasons: why it was skipped or failed (empty when written or unchanged).
        tasks: for a problem written or unchanged, its task ids.
    """

    id: str
    source: str
    status: ImportStatus
    reasons: list[str] = []
    tasks: list[str] = []


class ImportReport(BaseModel):
    """Every problem and every skipped submission of one import, in order.

    Args:
        importer: ``refute`` or ``kattis``.
        out: the output directory.
        entries: one per problem (or row), plus one per submission that was skipped.
    """

    importer: str
    out: str
    entries: list[ImportEntry] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No package failed its checks or clashed with a different existing one."""
        return not any(
            entry.status in (ImportStatus.FAILED, ImportStatus.CONFLICT) for entry in self.entries
        )

    def count(self, status: ImportStatus) -> int:
        return sum(entry.status is status for entry in self.entries)

    def tasks(self) -> list[str]:
        """Task ids of every package written, replaced or unchanged."""
        return [task for entry in self.entries if entry.status in SUCCESS for task in entry.tasks]

    def write(self, directory: Path) -> Path:
        """Write ``import-report.json`` into ``directory``; returns its path."""
        path = directory / IMPORT_REPORT_FILE
        path.write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")
        return path

    def summary(self) -> str:
        """One line: how many of each status."""
        counts = [f"{self.count(status)} {status}" for status in ImportStatus if self.count(status)]
        return ", ".join(counts) or "nothing to import"

    def table(self) -> Table:
        """The report as a rich table, one row per entry."""
        table = Table(title=f"import ({self.importer}) into {escape(self.out)}: {self.summary()}")
        table.add_column("id", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("details")
        colours = {ImportStatus.FAILED: "red", ImportStatus.CONFLICT: "red"}
        for entry in self.entries:
            colour = colours.get(entry.status, "green" if entry.status in SUCCESS else "yellow")
            details = entry.reasons or ([f"tasks: {', '.join(entry.tasks)}"] if entry.tasks else [])
            table.add_row(
                escape(entry.id), f"[{colour}]{entry.status}[/]", escape("\n".join(details))
            )
        return table
