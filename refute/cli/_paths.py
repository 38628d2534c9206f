"""Output paths checked before any work, so that no result is lost at the end."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import RefuteError


class OutputPathError(RefuteError):
    """An output path that cannot be written as asked."""


def writable_file(path: Path, flag: str = "--out") -> Path:
    """``path`` when a file can be written there (its folder is made), else one line why.

    The check writes and removes a probe file beside it: permissions alone say nothing
    for root, and a read-only or full file system shows only on writing.
    """
    if path.is_dir():
        raise OutputPathError(
            f"{flag} {path}: it is a directory; give a file path such as {path / 'results.json'}"
        )
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".{path.name}.write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise OutputPathError(
            f"{flag} {path}: cannot write there ({error.strerror or error})"
        ) from error
    return path
