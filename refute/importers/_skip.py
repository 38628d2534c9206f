"""``Skip``: a problem or submission that cannot be imported, with its reason and cause."""

from __future__ import annotations

from ..errors import ImporterError


class Skip(ImporterError):
    """A problem (or submission) that cannot be imported, and why.

    ``cause`` is a short, stable label that the report's summary groups by
    (``interactive``, ``validator unsupported``, ...); the message says the details.

    >>> Skip("interactive problem", cause="interactive").cause
    'interactive'
    """

    def __init__(self, message: str, *, cause: str = "other"):
        super().__init__(message)
        self.cause = cause
