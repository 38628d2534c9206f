"""Importing many packages of one format: in parallel on the judge pool, each drafted,
checked and written (``Publisher``), unchanged ones taken from the cache, and one entry
list per package for the report. The formats (``_kattis``, ``_polygon``) say only how a
package is named, read and drafted (``PackageFormat``)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..judge import Judge
from ..problems import PackageDraft, SourceFile, SubmissionDraft
from ._cache import ImportCache
from ._kattis_tests import KattisTest
from ._report import NO_SUBMISSION_LEFT, ImportEntry, ImportReport, ImportStatus
from ._write import Publisher, published_entries

Draft = TypeVar("Draft", bound=PackageDraft)

Progress = Callable[[Path, list[ImportEntry]], None]
"""Called once per package when it is done, with its entries."""


def task(
    name: str, program: SourceFile, test: KattisTest, how: str, origin: str
) -> SubmissionDraft:
    """A submission's draft, refuted by ``test``; ``how`` it came (its category, tag)."""
    return SubmissionDraft(
        name=name,
        program=program,
        fail_input=test.input,
        note=f"{how}; refuted by {test.path}",
        origin=origin,
    )


def drafted(
    draft: Draft,
    tasks: list[SubmissionDraft],
    entries: list[ImportEntry],
    *,
    source: str,
    submissions: int,
    notes: list[str],
    none_left: str,
) -> tuple[Draft | None, list[ImportEntry]]:
    """A package's draft with its ``tasks``, and its entries: the problem's own first
    (``written`` until the draft is published; ``submissions`` it could run), then
    ``entries``. With no task there is no draft, and the problem is skipped with the
    reason ``none_left``."""
    head = ImportEntry(
        id=draft.id,
        source=source,
        status=ImportStatus.WRITTEN,
        submissions=submissions,
        notes=notes,
    )
    if not tasks:
        head.status, head.cause, head.reasons = (
            ImportStatus.SKIPPED,
            NO_SUBMISSION_LEFT,
            [none_left],
        )
        return None, [head, *entries]
    return draft.model_copy(update={"incorrect": tuple(tasks)}), [head, *entries]


class PackageFormat:
    """What ``import_packages`` needs to know of one package format; a format overrides
    ``package_id``, ``skipped`` and ``draft``."""

    importer = "kattis"
    """The report's ``importer`` and the cache's name."""
    cache_key: tuple[str, ...] = ()
    """What, besides the package's files and the judge's config, decides whether an
    earlier import still holds (the importer's version, its settings)."""

    def package_id(self, directory: Path) -> str:
        """The id the package gets (two packages with one id: the second is skipped)."""
        raise NotImplementedError

    def skipped(self, directory: Path, reason: str, cause: str) -> list[ImportEntry]:
        """The entries of a package skipped whole: its own, then one per submission."""
        raise NotImplementedError

    def precheck(self, directory: Path) -> list[ImportEntry] | None:
        """The entries of a package that is skipped before judging (cheap to tell, so it
        does not wait for the judge), else ``None``."""
        return None

    async def draft(
        self, directory: Path, problem_id: str
    ) -> tuple[PackageDraft | None, list[ImportEntry]]:
        """The package drafted with the judge (``None`` when skipped) and its entries."""
        raise NotImplementedError

    def given(self, directory: Path) -> Path:
        """The package's path as the user named it (a ``.zip``'s package, not the
        temporary folder it was unpacked in)."""
        return directory

    def shown(self, entry: ImportEntry) -> ImportEntry:
        """``entry`` with its source as the user named it (see ``given``)."""
        return entry


async def import_packages(
    packages: PackageFormat,
    directories: list[Path],
    out: Path,
    judge: Judge,
    *,
    force: bool = False,
    cache: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``directories`` into ``out``; returns the report, also written to
    ``out/import-report.json``."""
    report = ImportReport(importer=packages.importer, out=str(out))
    batch = _Batch(packages, out, judge, force, cache, progress)
    report.entries = await batch.run(directories)
    out.mkdir(parents=True, exist_ok=True)
    report.write(out)
    return report


@dataclass
class _Batch:
    """One import run of ``packages`` into ``out``."""

    packages: PackageFormat
    out: Path
    judge: Judge
    force: bool
    cache: bool
    progress: Progress | None
    _first: dict[str, Path] = field(default_factory=dict)

    async def run(self, directories: list[Path]) -> list[ImportEntry]:
        """Every package's entries, in the order of ``directories``."""
        publisher = Publisher(self.out, self.judge, force=self.force)
        store = ImportCache(self.out, importer=self.packages.importer) if self.cache else None
        limit = asyncio.Semaphore(self.judge.pool.size)
        settings = self.judge.config.model_dump_json()
        for directory in directories:
            self._first.setdefault(self.packages.package_id(directory), directory)

        async def convert(directory: Path, problem_id: str) -> tuple[list[ImportEntry], float]:
            """The package's entries, and the seconds it kept the judge busy."""
            started = time.perf_counter()
            entries = self.packages.precheck(directory)
            if entries is not None:
                return entries, time.perf_counter() - started
            async with limit:
                started = time.perf_counter()
                draft, entries = await self.packages.draft(directory, problem_id)
            if draft is not None:
                published = await publisher.publish(draft, str(directory))
                entries = published_entries(published, entries)
            return entries, time.perf_counter() - started

        async def one(directory: Path) -> list[ImportEntry]:
            started = time.perf_counter()
            problem_id = self.packages.package_id(directory)
            given = self.packages.given(directory)
            key: str | None = None
            cached: list[ImportEntry] | None = None
            if self._first[problem_id] != directory:
                first = self._first[problem_id]
                reason = f"another package with the id {problem_id!r} comes first: {first}"
                entries = self.packages.skipped(directory, reason, "duplicate id")
            else:
                if store is not None:
                    key = store.key(directory, *self.packages.cache_key, settings)
                    cached = store.get(given, key)
                if cached is not None:
                    entries = cached
                else:
                    entries, busy = await convert(directory, problem_id)
                    started = time.perf_counter() - busy  # time queued for the judge is not its
            seconds = round(time.perf_counter() - started, 3)
            entries[0] = entries[0].model_copy(update={"seconds": seconds})
            entries = [self.packages.shown(entry) for entry in entries]
            if store is not None and key is not None and cached is None:
                store.put(given, key, entries)
            if self.progress is not None:
                self.progress(given, entries)
            return entries

        results = await asyncio.gather(*(one(directory) for directory in directories))
        return [entry for entries in results for entry in entries]
