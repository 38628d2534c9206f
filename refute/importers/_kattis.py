"""Kattis / ICPC problem packages (Kattis, DOMjudge, BAPCtools) to refute packages.

The work is split by job: ``_discover`` finds packages, ``_kattis_package`` reads one
(``_kattis_meta``, ``_kattis_tests``, ``_kattis_programs``, ``_kattis_validators``),
``_generators`` makes the tests of ``generators.yaml``, ``_kattis_oracle`` judges it,
``_write`` checks and writes it and ``_cache`` spares unchanged packages. This module
puts them together.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..judge import Judge
from ..problems import PackageDraft, SubmissionDraft, package_id
from ._batch import PackageFormat, Progress, drafted, import_packages, task
from ._discover import find_packages
from ._generators import run_generators
from ._kattis_meta import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT_MS
from ._kattis_oracle import REFERENCE_FAILS, KattisOracle, Search, problem_of, program_of
from ._kattis_package import KattisPackage, read_package, safe_submissions
from ._kattis_programs import KattisSubmission
from ._kattis_tests import KattisTest, by_size, test_names
from ._report import ImportEntry, ImportReport, ImportStatus
from ._skip import Skip

CATEGORIES = ("wrong_answer", "time_limit_exceeded", "run_time_error")
"""Submission folders whose programs can become tasks; ``wrong_answer`` by default."""

# The names this module had before it was split, for code that imports them.
_Test = KattisTest
_Submission = KattisSubmission
_Package = KattisPackage
_Oracle = KattisOracle
_program = program_of
_problem = problem_of
_size = by_size

__all__ = [
    "CATEGORIES",
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIME_LIMIT_MS",
    "Progress",
    "Skip",
    "find_packages",
    "import_kattis",
    "kattis_draft",
    "read_package",
]


def _submission_skip(
    directory: Path, problem: str, submission: KattisSubmission, reason: str, cause: str
) -> ImportEntry:
    origin = submission.path.relative_to(directory).as_posix()
    return ImportEntry(
        id=f"{problem}/{submission.name}",
        source=f"{directory}/{origin}",
        status=ImportStatus.SKIPPED,
        reasons=[reason],
        cause=cause,
        kind="submission",
    )


def _problem_skip(
    directory: Path, why: str, cause: str, categories: tuple[str, ...]
) -> list[ImportEntry]:
    """The entries of a problem skipped whole: its own, whose ``submissions`` are those
    refute could have run, and one per submission it could not (by language)."""
    problem = package_id(directory.resolve().name)
    submissions = safe_submissions(directory, categories)
    head = ImportEntry(
        id=problem,
        source=str(directory),
        status=ImportStatus.SKIPPED,
        reasons=[why],
        cause=cause,
        submissions=sum(s.program is not None for s in submissions),
    )
    others = [
        _submission_skip(directory, problem, s, s.reason or "", s.cause or "other")
        for s in submissions
        if s.program is None
    ]
    return [head, *others]


GENERATOR_BATCH = 4
"""Generator runs made at a time while some submission is still not refuted: tests are
made only as long as they are needed (large generated tests take seconds each)."""


async def _search(
    judge: Judge, package: KattisPackage, oracle: KattisOracle, searches: list[Search]
) -> None:
    """Try the stored tests, else those of ``generators.yaml`` (known inputs first, then
    generated ones in batches), on each search until it is done."""
    plan = package.plan
    if plan is None or not plan.tests:
        for search in searches:
            await oracle.search(search, package.secret)
        return
    known = await run_generators(judge.pool, plan, plan.known("secret"))
    for search in searches:
        await oracle.search(search, known.tests)
    pending = plan.to_make("secret")
    while pending and any(not search.done for search in searches):
        batch, pending = pending[:GENERATOR_BATCH], pending[GENERATOR_BATCH:]
        made = await run_generators(judge.pool, plan, batch)
        package.notes += made.failures
        for search in searches:
            await oracle.search(search, made.tests)


async def _invalid(judge: Judge, package: KattisPackage, oracle: KattisOracle) -> None:
    """Add the invalid inputs of ``generators.yaml`` that the validator rejects."""
    if package.plan is None or not package.plan.invalid():
        return
    made = await run_generators(judge.pool, package.plan, package.plan.invalid())
    package.notes += made.failures
    invalid, notes = await oracle.rejected(made.invalid)
    package.notes += notes
    taken = {name for name, _ in package.draft.invalid}
    extra = tuple(
        (f"gen-{name}", test.input)
        for name, test in zip(test_names(invalid), invalid, strict=True)
        if f"gen-{name}" not in taken
    )
    package.draft = package.draft.model_copy(update={"invalid": package.draft.invalid + extra})


async def _checked_oracle(judge: Judge, package: KattisPackage) -> KattisOracle:
    """The oracle of the first reference that passes the samples, which becomes the
    draft's: an accepted submission may not compile here (a header another compiler
    included implicitly), while the next one does. Raises the first one's ``Skip`` when
    none passes, and any other ``Skip`` (the validator rejects a sample) at once."""
    first: Skip | None = None
    for reference in package.references or [package.draft.reference]:
        package.draft = package.draft.model_copy(update={"reference": reference})
        oracle = KattisOracle(judge, problem_of(package))
        try:
            await oracle.check_samples(package.custom_checker)
        except Skip as skip:
            if skip.cause != REFERENCE_FAILS:
                raise
            first = first or skip
            continue
        return oracle
    assert first is not None
    tried = len(package.references)
    if tried > 1:
        raise Skip(
            f"none of {tried} accepted submissions passes the samples; the first: {first}",
            cause=REFERENCE_FAILS,
        )
    raise first


async def kattis_draft(
    judge: Judge, directory: Path, categories: tuple[str, ...] = ("wrong_answer",)
) -> tuple[PackageDraft | None, list[ImportEntry]]:
    """Read a package and find each submission's failing input with the judge.

    Returns the draft (``None`` when the problem is skipped) and its entries: for a draft,
    the problem's entry first (``written`` as a placeholder, with its notes and
    submission count), then one per skipped submission; for a skip, the problem's entry
    and one per submission. Each submission runs once per input, like ``Judge.judge``
    with ``runs=1``; the validator and the reference run once per test.
    """
    where = str(directory)
    try:
        package = read_package(directory, categories)
        oracle = await _checked_oracle(judge, package)
    except Skip as skip:
        return None, _problem_skip(directory, str(skip), skip.cause, categories)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        # A fault in one package (unreadable file, odd YAML) skips it, not the import.
        why = f"cannot read the package: {error}"
        return None, _problem_skip(directory, why, "bad package", categories)
    entries: list[ImportEntry] = []
    searches: list[Search] = []

    def skipped(submission: KattisSubmission, reason: str, cause: str) -> None:
        entries.append(_submission_skip(directory, package.id, submission, reason, cause))

    for submission in package.submissions:
        if submission.program is None:
            skipped(submission, submission.reason or "not importable", submission.cause or "other")
            continue
        search = await oracle.on_samples(submission)
        if isinstance(search, tuple):
            skipped(submission, *search)
        else:
            searches.append(search)
    await _search(judge, package, oracle, searches)
    found: list[SubmissionDraft] = []
    for search in searches:
        test, reason, cause = search.outcome()
        if test is None:
            skipped(search.submission, reason, cause or "other")
            continue
        submission = search.submission
        assert submission.program is not None
        how = f"Kattis category {submission.category}"
        origin = submission.path.relative_to(directory).as_posix()
        found.append(task(submission.name, submission.program, test, how, origin))
    if found:
        await _invalid(judge, package, oracle)
    return drafted(
        package.draft,
        found,
        entries,
        source=where,
        submissions=sum(s.program is not None for s in package.submissions),
        notes=package.notes,
        none_left=f"no incorrect submission to import (categories: {', '.join(categories)})",
    )


async def import_kattis(
    paths: list[Path],
    out: Path,
    judge: Judge,
    *,
    categories: tuple[str, ...] = ("wrong_answer",),
    force: bool = False,
    progress: Progress | None = None,
    cache: bool = True,
) -> ImportReport:
    """Import Kattis problem packages into ``out``; returns the report (also written to
    ``out/import-report.json``).

    ``paths`` may be packages, contest folders or any folder above them: packages are
    found at any depth (``find_packages``) and imported in parallel on the judge pool.
    Each C, C++ or Python submission in ``categories`` becomes a task whose failing input
    is the smallest of the package's tests (stored, or made by ``generators.yaml``) that
    refutes it, judged against an accepted submission, the reference. Problems and
    submissions that cannot be imported are skipped with the reason and a cause in the
    report. With ``cache``, a package unchanged since its last import into ``out`` is
    not judged again (``unchanged``); ``progress`` is called as each package is done.

    Example::

        async with Sandbox() as sandbox:
            report = await import_kattis([Path("archive/")], Path("imported"),
                                         Judge(sandbox.judge))
            for row in report.causes():
                print(row.cause, row.problems, row.submissions)
    """
    packages = _KattisFormat(judge, categories)
    directories = find_packages(paths)
    return await import_packages(
        packages, directories, out, judge, force=force, cache=cache, progress=progress
    )


class _KattisFormat(PackageFormat):
    """Kattis packages, for ``import_packages``."""

    def __init__(self, judge: Judge, categories: tuple[str, ...]):
        self.judge = judge
        self.categories = categories
        self.cache_key = (",".join(categories),)

    def package_id(self, directory: Path) -> str:
        return package_id(directory.resolve().name)

    def skipped(self, directory: Path, reason: str, cause: str) -> list[ImportEntry]:
        return _problem_skip(directory, reason, cause, self.categories)

    def precheck(self, directory: Path) -> list[ImportEntry] | None:
        try:
            read_package(directory, self.categories)
        except Skip as skip:
            return _problem_skip(directory, str(skip), skip.cause, self.categories)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
            pass  # kattis_draft reports it
        return None

    async def draft(
        self, directory: Path, problem_id: str
    ) -> tuple[PackageDraft | None, list[ImportEntry]]:
        return await kattis_draft(self.judge, directory, self.categories)
