"""Writing a draft: into a staging directory, checked there, then renamed into place."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..judge import Judge, check_task
from ..problems import PackageDraft, PackageError, load_problem
from ._report import ImportEntry, ImportStatus

STAGING_PREFIX = ".refute-import-"
"""Staging directories live in the output directory (same file system, so a rename moves
a package into place at once); the leading dot keeps ``load_problems`` away from them."""


def read_tree(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory``, by relative POSIX path."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def write_tree(files: dict[str, bytes], directory: Path) -> None:
    for relative, data in files.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh staging directory inside ``out``, removed afterwards."""
    out.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


class Publisher:
    """Checks drafts with the real judge and moves the sound ones into ``out``.

    A draft identical to the package already at ``out/<id>`` is ``UNCHANGED`` (and not
    checked again). Otherwise it is written to a staging directory, loaded with
    ``load_problem`` and each task is checked with ``check_task``; tasks that fail are
    dropped (each reported), and a package left with none is ``FAILED`` and not written. A
    different package already at ``out/<id>`` is replaced only with ``force``.

    Args:
        out: the output directory.
        judge: a judge on a judge pool; its config is the one ``refute problems check`` uses.
        force: replace different existing packages.
    """

    def __init__(self, out: Path, judge: Judge, *, force: bool = False):
        self.out = out
        self.judge = judge
        self.force = force
        self._limit = asyncio.Semaphore(judge.pool.size)

    async def publish(self, draft: PackageDraft, source: str) -> list[ImportEntry]:
        """Check and write one draft; returns its entry and one per dropped submission."""
        async with self._limit:
            return await self._publish(draft, source)

    async def _publish(self, draft: PackageDraft, source: str) -> list[ImportEntry]:
        target = self.out / draft.id
        existing = read_tree(target) if target.is_dir() else None
        entries: list[ImportEntry] = []

        def problem(status: ImportStatus, reasons: list[str] | None = None) -> list[ImportEntry]:
            tasks = [f"{draft.id}/{s.name}" for s in draft.incorrect]
            if status not in (ImportStatus.WRITTEN, ImportStatus.REPLACED, ImportStatus.UNCHANGED):
                tasks = []
            entry = ImportEntry(
                id=draft.id, source=source, status=status, reasons=reasons or [], tasks=tasks
            )
            return [entry, *entries]

        files = draft.files()
        if files == existing:
            return problem(ImportStatus.UNCHANGED)
        if target.exists() and existing is None:
            return problem(ImportStatus.CONFLICT, [f"{target} exists and is not a directory"])
        with staging(self.out) as stage:
            staged = stage / draft.id
            write_tree(files, staged)
            try:
                loaded = load_problem(staged)
            except PackageError as error:
                faults = [str(e).replace(str(stage) + os.sep, "") for e in error.errors]
                return problem(ImportStatus.FAILED, faults)
            failed: dict[str, list[str]] = {}
            for task in loaded.tasks():
                checked = await check_task(self.judge, task)
                if not checked.ok:
                    failed[task.submission.name] = checked.reasons
            if failed and len(failed) == len(draft.incorrect):
                reasons = sorted({reason for found in failed.values() for reason in found})
                return problem(ImportStatus.FAILED, reasons)
            if failed:
                entries = [
                    ImportEntry(
                        id=f"{draft.id}/{name}",
                        source=next(s.origin or source for s in draft.incorrect if s.name == name),
                        status=ImportStatus.SKIPPED,
                        reasons=["fails the checks: " + "; ".join(reasons)],
                    )
                    for name, reasons in sorted(failed.items())
                ]
                draft = draft.without(set(failed))
                files = draft.files()
                if files == existing:
                    return problem(ImportStatus.UNCHANGED)
                shutil.rmtree(staged)
                write_tree(files, staged)
                load_problem(staged)  # the same package less some submissions: still loads
            if existing is not None and not self.force:
                return problem(
                    ImportStatus.CONFLICT,
                    [f"a different package {draft.id!r} is in {self.out}; --force replaces it"],
                )
            if existing is not None:
                os.replace(target, stage / f"{draft.id}.old")
            os.replace(staged, target)
            return problem(ImportStatus.REPLACED if existing is not None else ImportStatus.WRITTEN)


def published_entries(
    published: list[ImportEntry], drafted: list[ImportEntry]
) -> list[ImportEntry]:
    """The entries of a problem that was drafted (``drafted``: its placeholder entry, then
    its skipped submissions) and then published (``published``: its entry, then one per
    submission dropped by the checks): the problem's entry with the draft's submission
    count and notes, and a cause unless it was written."""
    head = published[0].model_copy(
        update={"submissions": drafted[0].submissions, "notes": drafted[0].notes}
    )
    if head.status not in (ImportStatus.WRITTEN, ImportStatus.REPLACED):
        head = head.model_copy(update={"cause": head.cause or str(head.status)})
    dropped = [
        e.model_copy(update={"kind": "submission", "cause": "fails the checks"})
        for e in published[1:]
    ]
    return [head, *drafted[1:], *dropped]
