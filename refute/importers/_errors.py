"""Faults of an import's source: a file that cannot be read, a row that lacks a field."""

from __future__ import annotations

from ..errors import ImporterError


class ImportSourceError(ImporterError):
    """The source of an import cannot be used; ``faults`` lists every fault found.

    >>> str(ImportSourceError(["rows.json: row 2 (problem_id '1A'): validator: missing"]))
    "rows.json: row 2 (problem_id '1A'): validator: missing"
    """

    def __init__(self, faults: list[str]):
        self.faults = faults
        more = f" (and {len(faults) - 1} more)" if len(faults) > 1 else ""
        super().__init__((faults[0] if faults else "unknown fault") + more)
