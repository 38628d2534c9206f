"""Output paths checked before any work, so that no result is lost at the end."""

from __future__ import annotations

from pathlib import Path

from ..errors import RefuteError
from ..files import writable_dir


class OutputPathError(RefuteError):
    """An output path that cannot be written as asked."""


def writable_file(path: Path, flag: str = "--out") -> Path:
    """``path`` when a file can be written there (its folder is made), else one line why.

    The check writes and removes a probe file beside it (``refute.files.writable_dir``).
    """
    if path.is_dir():
        raise OutputPathError(
            f"{flag} {path}: it is a directory; give a file path such as {path / 'results.json'}"
        )
    try:
        writable_dir(path.parent, probe=f".{path.name}.write-test")
    except OSError as error:
        raise OutputPathError(
            f"{flag} {path}: cannot write there ({error.strerror or error})"
        ) from error
    return path
