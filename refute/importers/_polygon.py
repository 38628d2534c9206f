"""Codeforces Polygon packages (``problem.xml``, testlib) to refute packages.

The package's tests are the stored files under ``tests/`` or, for those it lacks, the
output of its own generators run in the judge pool from the ``<test method="generated"
cmd="...">`` lines. Solutions tagged ``main`` (else ``accepted``) give the reference; each
``wrong-answer``, ``time-limit-exceeded``, ``memory-limit-exceeded``, ``rejected`` or
``presentation-error`` solution becomes a task whose failing input is the smallest test
that refutes it, found and checked as for Kattis packages.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..judge import Judge
from ..problems import (
    Example,
    Origin,
    PackageDraft,
    Problem,
    Statement,
    SubmissionDraft,
    package_id,
)
from ..sandbox import Limits, SandboxError
from ._batch import PackageFormat, Progress, drafted, import_packages, task
from ._kattis_oracle import KattisOracle
from ._kattis_programs import KattisSubmission
from ._kattis_tests import KattisTest
from ._polygon_find import find_polygon_packages, unpacked
from ._polygon_read import (
    PolygonDraft,
    PolygonPackage,
    PolygonSolution,
    TestRecipe,
    is_wrong,
    lf,
    read_polygon,
    read_solutions,
)
from ._polygon_search import ORDERS, SMALLEST_FIRST, previous_inputs, refuting_input
from ._polygon_xml import PolygonError, read_spec
from ._report import ImportEntry, ImportReport, ImportStatus
from ._skip import Skip

__all__ = ["find_polygon_packages", "import_polygon", "polygon_draft"]

GENERATOR_LIMITS = Limits(cpu_ms=30_000, memory_mb=1024, output_bytes=256 << 20)
"""A generator's limits: generous, since one run makes a whole test."""

CACHE_VERSION = "polygon-3"
"""Part of the import cache's key: changes whenever this importer would convert the same
package differently."""


async def _generate(judge: Judge, recipe: TestRecipe) -> str:
    call = recipe.generator
    assert call is not None
    if call.program is None:
        raise Skip(
            f"test {recipe.index} ({call.name}) cannot be generated: {call.problem}",
            cause="generator unsupported",
        )
    run = await judge.pool.run(call.program, "", GENERATOR_LIMITS, args=call.args)
    if not run.ok:
        said = f": {run.stderr.strip()[:200]}" if run.stderr.strip() else ""
        raise Skip(
            f"generator {call.name} fails on test {recipe.index} "
            f"({' '.join([call.name, *call.args])}): {run.describe()}{said}",
            cause="generator failed",
        )
    return lf(run.stdout)


async def _materialise(judge: Judge, package: PolygonPackage) -> list[KattisTest]:
    """Every test's text: stored, or made by its generator in the judge pool."""
    tests = []
    for recipe in package.tests:
        text = recipe.stored if recipe.stored is not None else await _generate(judge, recipe)
        path = f"tests/{recipe.name}"
        tests.append(KattisTest(name=recipe.name, path=path, input=text, answer=recipe.answer))
    return tests


def _problem(package: PolygonPackage, examples: list[tuple[str, str, str]]) -> Problem:
    """The package as ``load_problem`` will load it, without incorrect submissions."""
    reference = package.program(package.reference)
    return Problem(
        id=package.id,
        name=package.title,
        source="Polygon package",
        time_limit_ms=package.spec.time_limit_ms,
        memory_limit_mb=_memory_mb(package.spec.memory_limit_bytes),
        checker_settings=package.checker_settings,
        root=package.directory,
        statement=Statement(text=package.statement, legend="", input="", output=""),
        examples=tuple(Example(name=n, input=i, answer=a) for n, i, a in examples),
        reference=reference,
        reference_path=Path(f"reference.{package.reference.extension}"),
        validator=package.program(package.validator, judge_program=True),
        checker=(package.program(package.checker, judge_program=True) if package.checker else None),
        incorrect=(),
    )


def _memory_mb(limit_bytes: int) -> int:
    return max(1, limit_bytes >> 20)


async def _runnable_reference(judge: Judge, package: PolygonPackage, text: str) -> PolygonPackage:
    """The package with the first ``main``/``accepted`` solution that runs on ``text``
    here as its reference: Polygon compiles on Windows, where a global named ``link`` or
    ``y1`` does not clash with the C library as it does on Linux."""
    limits = judge.config.limits(_problem(package, []))
    faults = []
    candidates = [(package.reference, package.reference_path)]
    candidates += [(s.program, s.path) for s in package.alternatives if s.program is not None]
    for program, path in candidates:
        run = await judge.pool.run(package.program(program), text, limits)
        if run.ok:
            return dataclasses.replace(package, reference=program, reference_path=path)
        said = [line for line in run.stderr.splitlines() if line.strip()]
        said = [line for line in said if "error" in line] or said
        faults.append(f"{path}: {run.describe()}" + (f": {said[0].strip()[:160]}" if said else ""))
    raise Skip(
        "no main or accepted solution runs on the first example: " + "; ".join(faults),
        cause="reference does not run",
    )


async def _examples(
    judge: Judge, package: PolygonPackage, tests: list[KattisTest]
) -> tuple[list[tuple[str, str, str]], list[KattisTest]]:
    """The examples (``(name, input, answer)``) and the other tests.

    Samples are the tests marked ``sample``; else ``statements/<lang>/example.NN``; else
    the first test. An answer the package lacks is the reference's output.
    """
    samples = [t for t, r in zip(tests, package.tests, strict=True) if r.sample]
    if samples:
        chosen = [(t.input, t.answer) for t in samples]
        rest = [t for t, r in zip(tests, package.tests, strict=True) if not r.sample]
    elif package.statement_examples:
        chosen = [(i, a) for _, i, a in package.statement_examples]
        rest = tests
    elif tests:
        chosen, rest = [(tests[0].input, tests[0].answer)], tests[1:]
    else:
        raise Skip("no tests: the testset is empty", cause="no tests")
    reference = package.program(package.reference)
    limits = judge.config.limits(_problem(package, []))
    examples = []
    for index, (text, answer) in enumerate(chosen, start=1):
        if answer is None:
            run = await judge.pool.run(reference, text, limits)
            if not run.ok:
                raise Skip(
                    f"the reference fails example {index}: {run.describe()}",
                    cause="reference fails a sample",
                )
            answer = run.stdout
        examples.append((str(index), text, answer))
    return examples, rest


def _draft(package: PolygonPackage, examples: list[tuple[str, str, str]]) -> PolygonDraft:
    spec = package.spec
    origin = package.directory.resolve().name
    used = {
        name: text
        for name, text in package.include.items()
        if any(f'"{name}"' in s or f"<{name}>" in s for s in _sources(package))
    }
    return PolygonDraft(
        id=package.id,
        name=package.title,
        source="Polygon package",
        url=spec.url,
        tags=tuple(spec.tags),
        time_limit_ms=spec.time_limit_ms,
        memory_limit_mb=_memory_mb(spec.memory_limit_bytes),
        attribution=f"converted from the Polygon package {origin!r}",
        checker_settings=package.checker_settings,
        origin=Origin(importer="polygon", source=origin, id=spec.short_name or origin),
        statement=package.statement,
        examples=tuple(examples),
        invalid=tuple(package.invalid),
        reference=package.reference,
        validator=package.validator,
        checker=package.checker,
        incorrect=(),
        include=tuple(sorted(used.items())),
    )


def _sources(package: PolygonPackage) -> list[str]:
    programs = [package.reference, package.validator, package.checker]
    programs += [s.program for s in package.solutions]
    return [p.source for p in programs if p is not None]


def _package_id(directory: Path) -> str:
    """The id ``read_polygon`` gives the package (``short-name``, else the folder's name)."""
    try:
        short_name = read_spec(directory).short_name
    except (PolygonError, OSError):
        short_name = None
    return package_id(short_name or directory.resolve().name)


def _given(directory: Path, folders: dict[Path, Path]) -> Path:
    """The package's path as the user gave it: inside a ``.zip``, ``gym.zip/a``."""
    for folder, given in folders.items():
        if folder != given and directory.is_relative_to(folder):
            return given / directory.relative_to(folder)
    return directory


def _shown(entry: ImportEntry, folders: dict[Path, Path]) -> ImportEntry:
    """The entry with an unpacked ``.zip``'s temporary folder shown as the ``.zip``."""
    for folder, given in folders.items():
        if folder != given and entry.source.startswith(str(folder)):
            return entry.model_copy(
                update={"source": str(given) + entry.source[len(str(folder)) :]}
            )
    return entry


def _entry(id_: str, source: str, reason: str, cause: str, kind: str = "submission") -> ImportEntry:
    return ImportEntry(
        id=id_,
        source=source,
        status=ImportStatus.SKIPPED,
        reasons=[reason],
        cause=cause,
        kind=kind,
    )


def _solution_skip(directory: Path, problem: str, solution: PolygonSolution) -> ImportEntry | None:
    """The entry of a solution that cannot be a task before anything runs, else ``None``."""
    task, source = f"{problem}/{solution.name}", f"{directory}/{solution.path}"
    if not is_wrong(solution):
        return _entry(task, source, f"tag {solution.tag}: not a wrong solution", "not wrong")
    if solution.program is None:
        return _entry(task, source, solution.reason or "not importable", solution.cause or "other")
    return None


def _problem_skip(directory: Path, why: str, cause: str) -> list[ImportEntry]:
    """A package skipped whole: its entry, whose ``submissions`` are the wrong solutions
    refute could have run, and one per wrong solution it could not (by language)."""
    problem = _package_id(directory)
    wrong = [s for s in read_solutions(directory) if is_wrong(s)]
    head = _entry(problem, str(directory), why, cause, kind="problem")
    head.submissions = sum(s.program is not None for s in wrong)
    others = [_solution_skip(directory, problem, s) for s in wrong if s.program is None]
    return [head, *(e for e in others if e is not None)]


async def polygon_draft(
    judge: Judge,
    directory: Path,
    *,
    previous: dict[str, tuple[str, str]] | None = None,
    order: str = SMALLEST_FIRST,
) -> tuple[PolygonDraft | None, list[ImportEntry]]:
    """Read a package, make its tests and find each wrong solution's failing input.

    Returns the draft (``None`` when the problem is skipped) and its entries: for a
    draft, the problem's entry first (``written`` as a placeholder, with its submission
    count), then one per solution that is not a task; for a skip, the problem's entry
    and one per solution. ``previous`` holds ``(source, failing input)`` by solution
    name from an earlier import: an unchanged solution tries that input first, so that a
    re-import keeps the task it made (``previous_inputs``). ``order`` is the order of
    the other tests, ``smallest`` or ``largest`` first.
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    where = str(directory)
    try:
        package = read_polygon(directory)
        tests = await _materialise(judge, package)
        if tests:
            package = await _runnable_reference(judge, package, tests[0].input)
        examples, search = await _examples(judge, package, tests)
        draft = _draft(package, examples)
        oracle = KattisOracle(judge, _problem(package, examples))
        await oracle.check_samples(package.checker is not None)
    except Skip as skip:
        return None, _problem_skip(directory, str(skip), skip.cause)
    except (OSError, UnicodeDecodeError, ValueError, SandboxError) as error:
        return None, _problem_skip(directory, f"cannot read the package: {error}", "bad package")
    entries: list[ImportEntry] = []
    found: list[SubmissionDraft] = []
    for solution in package.solutions:
        skipped = _solution_skip(directory, package.id, solution)
        if skipped is not None:
            entries.append(skipped)
            continue
        assert solution.program is not None
        submission = KattisSubmission(
            name=solution.name,
            category=solution.tag,
            path=directory / solution.path,
            program=solution.program,
        )
        earlier = (previous or {}).get(solution.name)
        first = earlier[1] if earlier and earlier[0] == solution.program.source else None
        test, reason, cause = await refuting_input(
            oracle, submission, search, order=order, first=first
        )
        if test is None:
            source = f"{directory}/{solution.path}"
            entries.append(_entry(f"{package.id}/{solution.name}", source, reason, cause))
            continue
        how = f"Polygon tag {solution.tag}"
        found.append(task(solution.name, solution.program, test, how, solution.path))
    return drafted(
        draft,
        found,
        entries,
        source=where,
        submissions=sum(s.program is not None for s in package.solutions if is_wrong(s)),
        notes=package.notes,
        none_left="no wrong solution to import",
    )


async def import_polygon(
    paths: list[Path],
    out: Path,
    judge: Judge,
    *,
    force: bool = False,
    progress: Progress | None = None,
    cache: bool = True,
    order: str = SMALLEST_FIRST,
) -> ImportReport:
    """Import Polygon packages (folders, folders of them at any depth, or ``.zip`` files)
    into ``out``; returns the report (also written to ``out/import-report.json``).

    Packages are imported in parallel on the judge pool. With ``cache``, a package
    unchanged since its last import into ``out`` is not judged again (``unchanged``); a
    changed one is, and each wrong solution whose source is unchanged tries the failing
    input it had first. ``progress`` is called as each package is done; ``order`` is the
    failing-input search's order (``smallest`` or ``largest`` test first).

    Example::

        async with Sandbox() as sandbox:
            judge = Judge(sandbox.judge)
            report = await import_polygon([Path("gym.zip")], Path("imported"), judge)
            print(report.summary())
    """
    with unpacked(paths) as folders:
        packages = _PolygonFormat(judge, out, order, folders)
        directories = find_polygon_packages(list(folders))
        return await import_packages(
            packages, directories, out, judge, force=force, cache=cache, progress=progress
        )


class _PolygonFormat(PackageFormat):
    """Polygon packages, for ``import_packages``."""

    importer = "polygon"

    def __init__(self, judge: Judge, out: Path, order: str, folders: dict[Path, Path]):
        self.judge = judge
        self.out = out
        self.order = order
        self.folders = folders
        self.cache_key = (CACHE_VERSION, order)

    def package_id(self, directory: Path) -> str:
        return _package_id(directory)

    def skipped(self, directory: Path, reason: str, cause: str) -> list[ImportEntry]:
        return _problem_skip(directory, reason, cause)

    def given(self, directory: Path) -> Path:
        return _given(directory, self.folders)

    def shown(self, entry: ImportEntry) -> ImportEntry:
        return _shown(entry, self.folders)

    async def draft(
        self, directory: Path, problem_id: str
    ) -> tuple[PackageDraft | None, list[ImportEntry]]:
        previous = previous_inputs(self.out / problem_id)
        return await polygon_draft(self.judge, directory, previous=previous, order=self.order)
