"""Faults of reading and comparing runs."""

from __future__ import annotations

from ..errors import RunError


class ResultsError(RunError):
    """A run directory that is not one, or runs that cannot be compared as asked."""
