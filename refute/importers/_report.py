"""What an import did with each problem and submission: ``import-report.json``."""

from __future__ import annotations

import json
import re
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

NO_SUBMISSION_LEFT = "no submission left"
"""The cause of a problem none of whose submissions became a task; each submission has
its own entry and cause."""


class ImportEntry(BaseModel):
    """One line of the report.

    Args:
        id: the problem id, or for a submission the task id ``<problem>/<name>``.
        source: where it came from (``rows.jsonl row 3``, ``pkgs/sum/submissions/...``).
        status: what became of it.
        reasons: why it was skipped or failed (empty when written or unchanged).
        tasks: for a problem written or unchanged, its task ids.
        cause: for a skip or a failure, a short label the summary groups by
            (``interactive``, ``language: Java``, ``no test refutes it``, ...).
        kind: ``problem`` or ``submission``.
        submissions: for a problem, how many submissions of the chosen categories in a
            language refute runs it has: what a skip of the whole problem costs (except
            with ``no submission left``, where each one has an entry and a cause).
        notes: for a problem, what was imported only in part (a ``generators.yaml`` key
            not supported, a generator that failed); it still counts as imported.
        seconds: wall time spent on the problem (reading, generating, judging, writing;
            not the time it waited for a free judge).
        cached: the problem was unchanged since the last import and nothing ran.
    """

    id: str
    source: str
    status: ImportStatus
    reasons: list[str] = []
    tasks: list[str] = []
    cause: str | None = None
    kind: str = "problem"
    submissions: int = 0
    notes: list[str] = []
    seconds: float | None = None
    cached: bool = False


class CauseCount(BaseModel):
    """One row of the summary by cause: how many problems and submissions it cost.

    ``submissions`` adds the submissions of the problems skipped for that cause to the
    submissions skipped for it one by one.
    """

    cause: str
    problems: int = 0
    submissions: int = 0


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

    def causes(self) -> list[CauseCount]:
        """Skips and failures by cause, costliest first; notes on imported problems count
        as problems (they cost tests, not submissions)."""
        rows: dict[str, CauseCount] = {}
        for entry in self.entries:
            if entry.status in SUCCESS:
                for note in entry.notes:
                    cause = "partly imported: " + note_cause(note)
                    rows.setdefault(cause, CauseCount(cause=cause)).problems += 1
                continue
            cause = entry.cause or str(entry.status)
            row = rows.setdefault(cause, CauseCount(cause=cause))
            if entry.kind == "problem":
                row.problems += 1
                if cause != NO_SUBMISSION_LEFT:
                    row.submissions += entry.submissions
            else:
                row.submissions += 1
        return sorted(rows.values(), key=lambda r: (-r.submissions, -r.problems, r.cause))

    def cause_table(self) -> Table:
        """The summary by cause as a rich table."""
        table = Table(title="skipped, by cause")
        table.add_column("cause")
        table.add_column("problems", justify="right")
        table.add_column("submissions", justify="right")
        for row in self.causes():
            table.add_row(escape(row.cause), str(row.problems), str(row.submissions))
        return table

    def write(self, directory: Path) -> Path:
        """Write ``import-report.json`` into ``directory``; returns its path."""
        path = directory / IMPORT_REPORT_FILE
        data = self.model_dump(mode="json")
        data["causes"] = [row.model_dump() for row in self.causes()]
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
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


def note_cause(note: str) -> str:
    """The kind of a note, without the test paths it names: ``generator failed``, ..."""
    text = re.sub(r"^\S+: ", "", note)
    if "not supported" in text:
        key = re.search(r"key '([^']+)'", text)
        return f"generators.yaml key {key.group(1)!r} not supported" if key else "not supported"
    if "left out of invalid" in text:
        return "invalid input the validator accepts"
    for kind in ("generator failed", "generator unsupported", "missing test"):
        if text.startswith(kind):
            return kind
    return "generators.yaml: " + re.sub(r"\s*\(.*\)$", "", text)[:60]
