"""Codeforces Polygon packages (``problem.xml``, testlib) to refute packages.

The package's tests are the stored files under ``tests/`` or, for those it lacks, the
output of its own generators run in the judge pool from the ``<test method="generated"
cmd="...">`` lines. Solutions tagged ``main`` (else ``accepted``) give the reference; each
``wrong-answer``, ``time-limit-exceeded``, ``memory-limit-exceeded``, ``rejected`` or
``presentation-error`` solution becomes a task whose failing input is the smallest test
that refutes it, found and checked as for Kattis packages.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..judge import Judge, Verdict
from ..problems import Example, Origin, Problem, Statement
from ..sandbox import Limits, Program, RunStatus, SandboxError
from ._draft import SubmissionDraft, package_id
from ._errors import ImportSourceError
from ._kattis import Skip, _Oracle, _program, _size, _Submission, _Test
from ._polygon_read import PolygonDraft, PolygonPackage, TestRecipe, is_wrong, lf, read_polygon
from ._polygon_xml import PROBLEM_XML, PolygonError, read_spec
from ._report import ImportEntry, ImportReport, ImportStatus
from ._write import Publisher

GENERATOR_LIMITS = Limits(cpu_ms=30_000, memory_mb=1024, output_bytes=256 << 20)
"""A generator's limits: generous, since one run makes a whole test."""

SEARCH_SECONDS = 300.0
"""How long the search for one solution's failing input may take: real packages have
hundreds of tests and time limits of many seconds, and a ``rejected`` solution that no
test refutes would otherwise run on every one of them."""

_SKIPPED_FOLDERS = {"tests", "files", "solutions", "statements", "statement-sections", "scripts"}


def find_polygon_packages(paths: list[Path]) -> list[Path]:
    """Package directories (holding ``problem.xml``) at any depth under each path, sorted;
    a path may be a package itself. A ``.zip`` holding a ``problem.xml`` is listed as it
    is (``import_polygon`` unpacks it). Raises ``ImportSourceError`` for a path with none.
    """
    found: list[Path] = []
    faults = []
    for path in paths:
        if path.is_file() and path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    names = archive.namelist()
            except (zipfile.BadZipFile, OSError) as error:
                faults.append(f"{path}: not a readable .zip file: {error}")
                continue
            if not any(Path(name).name == PROBLEM_XML for name in names):
                faults.append(f"{path}: not a Polygon package (no problem.xml in the .zip)")
                continue
            found.append(path)
            continue
        if not path.is_dir():
            faults.append(f"{path}: not a Polygon package (no such directory or .zip file)")
            continue
        here = []
        for root, folders, files in os.walk(path):
            if PROBLEM_XML in files:
                here.append(Path(root))
                folders.clear()  # a package's own folders hold no packages
                continue
            folders[:] = sorted(
                f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS
            )
        if not here:
            faults.append(f"{path}: not a Polygon package (no problem.xml in it or below)")
        found.extend(sorted(here))
    if faults:
        raise ImportSourceError(faults)
    return found


@contextlib.contextmanager
def unpacked(paths: list[Path]) -> Iterator[dict[Path, Path]]:
    """Each path, or for a ``.zip`` a temporary folder holding its contents, mapped to the
    path as given."""
    with tempfile.TemporaryDirectory(prefix="refute-polygon-") as scratch:
        result = {}
        for index, path in enumerate(paths):
            if path.is_file() and path.suffix.lower() == ".zip":
                target = Path(scratch) / f"{index}-{package_id(path.stem)}"
                try:
                    with zipfile.ZipFile(path) as archive:
                        archive.extractall(target)  # member paths are sanitised by zipfile
                except (zipfile.BadZipFile, OSError) as error:
                    raise ImportSourceError(
                        [f"{path}: not a readable .zip file: {error}"]
                    ) from error
                result[target] = path
            else:
                result[path] = path
        yield result


async def _generate(judge: Judge, recipe: TestRecipe) -> str:
    call = recipe.generator
    assert call is not None
    if call.program is None:
        raise Skip(f"test {recipe.index} ({call.name}) cannot be generated: {call.problem}")
    run = await judge.pool.run(call.program, "", GENERATOR_LIMITS, args=call.args)
    if not run.ok:
        said = f": {run.stderr.strip()[:200]}" if run.stderr.strip() else ""
        raise Skip(
            f"generator {call.name} fails on test {recipe.index} "
            f"({' '.join([call.name, *call.args])}): {run.describe()}{said}"
        )
    return lf(run.stdout)


async def _materialise(judge: Judge, package: PolygonPackage) -> list[_Test]:
    """Every test's text: stored, or made by its generator in the judge pool."""
    tests = []
    for recipe in package.tests:
        text = recipe.stored if recipe.stored is not None else await _generate(judge, recipe)
        path = f"tests/{recipe.name}"
        tests.append(_Test(name=recipe.name, path=path, input=text, answer=recipe.answer))
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
    raise Skip("no main or accepted solution runs on the first example: " + "; ".join(faults))


async def _examples(
    judge: Judge, package: PolygonPackage, tests: list[_Test]
) -> tuple[list[tuple[str, str, str]], list[_Test]]:
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
        raise Skip("no tests: the testset is empty")
    reference = package.program(package.reference)
    limits = judge.config.limits(_problem(package, []))
    examples = []
    for index, (text, answer) in enumerate(chosen, start=1):
        if answer is None:
            run = await judge.pool.run(reference, text, limits)
            if not run.ok:
                raise Skip(f"the reference fails example {index}: {run.describe()}")
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


async def _refuting_input(
    oracle: _Oracle, submission: _Submission, tests: list[_Test]
) -> tuple[_Test | None, str]:
    """The smallest test that refutes the submission, or ``None`` and why not.

    The Kattis search (``_Oracle.refuting_input``: the samples first, then the tests by
    size), stopped after ``SEARCH_SECONDS``.
    """
    assert submission.program is not None
    started = time.monotonic()
    _, reason = await oracle.refuting_input(submission, [])  # the samples only
    if not reason.startswith("no test refutes it"):
        return None, reason
    program = _program(submission.program)
    rejected = errors = marginal = 0
    ordered = sorted(tests, key=_size)
    for tried, test in enumerate(ordered):
        if time.monotonic() - started > SEARCH_SECONDS:
            return None, (
                f"no test refutes it within {SEARCH_SECONDS:.0f} s: {tried} of "
                f"{len(ordered)} tests tried, smallest first"
            )
        verdict, message = await oracle.verdict(program, test.input)
        if verdict is Verdict.REFUTED and not await _clearly(oracle, program, test, message):
            marginal += 1
            continue
        if verdict is Verdict.REFUTED:
            return test, ""
        if verdict is Verdict.INVALID_INPUT:
            rejected += 1
        elif verdict is Verdict.JUDGE_ERROR:
            if message.startswith("does not compile"):
                return None, message
            errors += 1
    notes = [f"{rejected} rejected by the validator"] if rejected else []
    notes += [f"{errors} with a judge error"] if errors else []
    notes += [f"{marginal} over the time limit only within twice it"] if marginal else []
    more = f" ({', '.join(notes)})" if notes else ""
    return None, f"no test refutes it: {len(ordered)} tests tried{more}"


async def _clearly(oracle: _Oracle, program: Program, test: _Test, message: str) -> bool:
    """Whether a refutation holds with a margin: one by time must still time out with
    twice the limit, so that the task does not depend on this machine's speed or load
    (the smallest test over the limit would otherwise change from one import to the
    next)."""
    if not message.startswith(str(RunStatus.TIME_LIMIT)):
        return True
    limits = oracle.judge.config.limits(oracle.problem)
    doubled = limits.model_copy(
        update={
            "cpu_ms": 2 * limits.cpu_ms,
            "wall_ms": 2 * limits.wall_ms if limits.wall_ms is not None else None,
        }
    )
    run = await oracle.judge.pool.run(program, test.input, doubled)
    return run.status is RunStatus.TIME_LIMIT


def _package_id(directory: Path) -> str:
    """The id ``read_polygon`` gives the package (``short-name``, else the folder's name)."""
    try:
        short_name = read_spec(directory).short_name
    except (PolygonError, OSError):
        short_name = None
    return package_id(short_name or directory.resolve().name)


def _shown(entry: ImportEntry, folders: dict[Path, Path]) -> ImportEntry:
    """The entry with an unpacked ``.zip``'s temporary folder shown as the ``.zip``."""
    for folder, given in folders.items():
        if folder != given and entry.source.startswith(str(folder)):
            return entry.model_copy(
                update={"source": str(given) + entry.source[len(str(folder)) :]}
            )
    return entry


def _skipped(id_: str, source: str, reason: str) -> ImportEntry:
    return ImportEntry(id=id_, source=source, status=ImportStatus.SKIPPED, reasons=[reason])


async def polygon_draft(
    judge: Judge, directory: Path
) -> tuple[PolygonDraft | None, list[ImportEntry]]:
    """Read a package, make its tests and find each wrong solution's failing input.

    Returns the draft (``None`` when the problem is skipped) and an entry per skipped
    solution (or one for the whole problem).
    """
    where = str(directory)
    try:
        package = read_polygon(directory)
        tests = await _materialise(judge, package)
        if tests:
            package = await _runnable_reference(judge, package, tests[0].input)
        examples, search = await _examples(judge, package, tests)
        draft = _draft(package, examples)
        oracle = _Oracle(judge, _problem(package, examples))
        await oracle.check_samples(package.checker is not None)
    except (Skip, OSError, UnicodeDecodeError, ValueError, SandboxError) as skip:
        fallback = _package_id(directory)
        why = str(skip) if isinstance(skip, Skip) else f"cannot read the package: {skip}"
        return None, [_skipped(fallback, where, why)]
    entries: list[ImportEntry] = []
    found: list[SubmissionDraft] = []
    for solution in package.solutions:
        task_id = f"{package.id}/{solution.name}"
        source = f"{directory}/{solution.path}"
        if not is_wrong(solution):
            entries.append(_skipped(task_id, source, f"tag {solution.tag}: not a wrong solution"))
            continue
        if solution.program is None:
            entries.append(_skipped(task_id, source, solution.reason or "not importable"))
            continue
        submission = _Submission(
            name=solution.name,
            category=solution.tag,
            path=directory / solution.path,
            program=solution.program,
        )
        test, reason = await _refuting_input(oracle, submission, search)
        if test is None:
            entries.append(_skipped(task_id, source, reason))
            continue
        found.append(
            SubmissionDraft(
                name=solution.name,
                program=solution.program,
                fail_input=test.input,
                note=f"Polygon tag {solution.tag}; refuted by {test.path}",
                origin=solution.path,
            )
        )
    if not found:
        entries.insert(0, _skipped(package.id, where, "no wrong solution to import"))
        return None, entries
    return draft.model_copy(update={"incorrect": tuple(found)}), entries


async def import_polygon(
    paths: list[Path], out: Path, judge: Judge, *, force: bool = False
) -> ImportReport:
    """Import Polygon packages (folders, folders of them at any depth, or ``.zip`` files)
    into ``out``; returns the report (also written to ``out/import-report.json``).

    Example::

        async with Sandbox() as sandbox:
            report = await import_polygon([Path("gym.zip")], Path("imported"),
                                          Judge(sandbox.judge))
            print(report.summary())
    """
    with unpacked(paths) as folders:
        directories = find_polygon_packages(list(folders))
        report = ImportReport(importer="polygon", out=str(out))
        publisher = Publisher(out, judge, force=force)
        limit = asyncio.Semaphore(judge.pool.size)
        first: dict[str, Path] = {}
        for directory in directories:
            first.setdefault(_package_id(directory), directory)

        async def one(directory: Path) -> list[ImportEntry]:
            problem_id = _package_id(directory)
            if first[problem_id] != directory:
                reason = (
                    f"another package with the id {problem_id!r} comes first: {first[problem_id]}"
                )
                return [_skipped(problem_id, str(directory), reason)]
            async with limit:
                draft, entries = await polygon_draft(judge, directory)
            if draft is None:
                return entries
            published = await publisher.publish(draft, str(directory))
            return [published[0], *entries, *published[1:]]

        results = await asyncio.gather(*(one(directory) for directory in directories))
        report.entries = [_shown(entry, folders) for entries in results for entry in entries]
        out.mkdir(parents=True, exist_ok=True)
        report.write(out)
        return report
