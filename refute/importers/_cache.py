"""The import cache: a package unchanged since its last import is not judged again.

Each imported package directory leaves ``<out>/.refute-cache/kattis/<hash of its
path>.json`` with a key (a hash of every file of the package, the categories asked for,
the judge's configuration and the importer's version), the entries it produced and a
hash of the package written. When the key and the written package are both the same,
the entries come back as ``unchanged`` and nothing runs; anything else imports afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..files import atomic_write
from ._report import SUCCESS, ImportEntry, ImportStatus

CACHE_DIR = ".refute-cache"
"""In the output directory; the leading dot keeps ``load_problems`` away from it."""

IMPORTER_VERSION = "kattis-4"
"""Changes whenever the importer would convert the same package differently."""


def tree_digest(directory: Path, *, skip_hidden: bool = True) -> str:
    """A hash of every file's relative path and bytes under ``directory``."""
    digest = hashlib.sha256()
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not (skip_hidden and f.startswith(".")))
        for name in sorted(files):
            path = Path(root) / name
            if skip_hidden and name.startswith("."):
                continue
            relative = path.relative_to(directory).as_posix()
            digest.update(relative.encode("utf-8", "surrogateescape") + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\1unreadable")
            digest.update(b"\0")
    return digest.hexdigest()


class _Record(BaseModel):
    key: str
    entries: list[ImportEntry]
    written: dict[str, str]
    """Package id -> ``tree_digest`` of ``out/<id>`` as written."""


class ImportCache:
    """Records per package directory, under ``out/.refute-cache/<importer>/``."""

    def __init__(self, out: Path, importer: str = "kattis"):
        self.out = out
        self.folder = out / CACHE_DIR / importer

    def _file(self, directory: Path) -> Path:
        name = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:24]
        return self.folder / f"{name}.json"

    def key(self, directory: Path, *parts: str) -> str:
        """The cache key of a package: its content and what else decides the import."""
        digest = hashlib.sha256(IMPORTER_VERSION.encode())
        for part in (*parts, tree_digest(directory)):
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    def get(self, directory: Path, key: str) -> list[ImportEntry] | None:
        """The entries of the last import of ``directory`` when nothing changed since."""
        try:
            record = _Record.model_validate_json(self._file(directory).read_text())
        except (OSError, ValidationError, ValueError):
            return None
        if record.key != key:
            return None
        for package, digest in record.written.items():
            target = self.out / package
            if not target.is_dir() or tree_digest(target, skip_hidden=False) != digest:
                return None
        return [
            entry.model_copy(update={"status": ImportStatus.UNCHANGED, "cached": True})
            if entry.status in SUCCESS
            else entry.model_copy(update={"cached": True})
            for entry in record.entries
        ]

    def put(self, directory: Path, key: str, entries: list[ImportEntry]) -> None:
        """Remember what importing ``directory`` gave (only when nothing failed)."""
        if any(e.status in (ImportStatus.FAILED, ImportStatus.CONFLICT) for e in entries):
            return
        written = {
            entry.id: tree_digest(self.out / entry.id, skip_hidden=False)
            for entry in entries
            if entry.kind == "problem" and entry.status in SUCCESS
        }
        record = _Record(key=key, entries=entries, written=written)
        atomic_write(self._file(directory), json.dumps(record.model_dump(mode="json")))
