"""A Polygon package as read from disk: programs, statement and test recipes, before
anything runs (``_polygon.py`` runs them)."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from ..problems import (
    JUDGE_PROGRAM_LANGUAGES,
    CheckerSettings,
    PackageDraft,
    SourceFile,
    package_id,
)
from ..sandbox import Language, Program
from ._polygon_rules import BUILT_IN_CHECKERS, language_family, language_name, standard_checker
from ._polygon_statement import StatementError, statement_markdown
from ._polygon_xml import (
    CORRECT_TAGS,
    WRONG_TAGS,
    PolygonError,
    PolygonSpec,
    Solution,
    SourceRef,
    TestSpec,
    numbered_path,
    read_spec,
)
from ._skip import Skip

_HEADER = re.compile(r"\.(h|hh|hpp|hxx)$", re.I)
_INCLUDE_NAME = re.compile(r"[A-Za-z0-9_+-][A-Za-z0-9_.+-]*")
_SCRIPT_TARGET = re.compile(r"\s*>\s*(\$|\d+)\s*$")
"""The ``> $`` or ``> 7`` that ends a line of Polygon's test script."""


TESTLIB_SHIM = "#include <cstdint>  // added by refute: GCC 14 no longer includes it for testlib\n"
"""Put before a package's ``testlib.h``: versions before 2022 use ``uint64_t`` without
``<cstdint>``, which GCC 14's headers no longer bring in on the way."""

_SCORING = re.compile(r"\bquitp\s*\(|\b_points\b|\bquitPoints\s*\(")


class PolygonDraft(PackageDraft):
    """A draft with ``include/`` files (the package's ``testlib.h`` and other headers).

    ``PackageDraft`` has no ``include/`` yet; until it has, the Polygon importer adds
    it here.
    """

    include: tuple[tuple[str, str], ...] = ()

    def files(self) -> dict[str, bytes]:
        files = super().files()
        for name, text in self.include:
            files[f"include/{name}"] = text.encode("utf-8", "surrogateescape")
        return files


@dataclass
class GeneratorCall:
    """One generated test: the generator's program and its arguments."""

    name: str
    program: Program | None
    args: list[str]
    problem: str | None = None
    """Why the test cannot be generated, when it cannot."""


@dataclass
class TestRecipe:
    """Where one test of the testset comes from: a stored file, or a generator call."""

    index: int
    name: str
    sample: bool
    stored: str | None
    """The test's text, when the package holds it (LF line endings)."""
    answer: str | None
    generator: GeneratorCall | None


@dataclass
class PolygonSolution:
    name: str
    tag: str
    path: str
    program: SourceFile | None
    reason: str | None = None
    cause: str | None = None


@dataclass
class PolygonPackage:
    """What was read from a Polygon package."""

    directory: Path
    id: str
    spec: PolygonSpec
    title: str
    statement: str
    include: dict[str, str]
    validator: SourceFile
    checker: SourceFile | None
    checker_settings: CheckerSettings
    reference: SourceFile
    reference_path: str
    alternatives: list[PolygonSolution]
    """The other ``main``/``accepted`` solutions, tried in turn when the reference does
    not run here (one written for Windows may not compile on Linux)."""
    solutions: list[PolygonSolution]
    tests: list[TestRecipe]
    invalid: list[tuple[str, str]]
    statement_examples: list[tuple[str, str, str | None]]
    notes: list[str]
    """What was imported only in part (tests the package lacks)."""
    """``statements/<lang>/example.NN`` (and ``.a``): used when no test is a sample."""

    def program(self, file: SourceFile, *, judge_program: bool = False) -> Program:
        """The program as ``load_problem`` will make it from the written package."""
        if judge_program:
            language = Language.parse(JUDGE_PROGRAM_LANGUAGES[f".{file.extension}"])
        else:
            language = Language.parse(file.language or file.extension)
        files = tuple(self.include.items()) if language.compiled else ()
        return Program(source=file.source, language=language, files=files)


def lf(text: str) -> str:
    """Line endings as LF: Polygon stores tests written on Windows with CRLF."""
    return text.replace("\r\n", "\n")


def _text(path: Path) -> str:
    return lf(path.read_bytes().decode("utf-8", "surrogateescape"))


def _file(directory: Path, relative: str, what: str) -> Path:
    path = directory / relative
    if not path.is_file():
        raise Skip(
            f"{what} {relative}, named in problem.xml, is not in the package",
            cause="missing file",
        )
    return path


def _source_file(directory: Path, ref: SourceRef, what: str) -> SourceFile | tuple[str, str]:
    """The program, or why the sandbox cannot run it and the cause."""
    language = language_name(ref.type)
    if language is None:
        polygon_type = ref.type or Path(ref.path).suffix
        return (
            f"unsupported language ({polygon_type}): C, C++ or Python 3 only",
            f"language: {language_family(polygon_type)}",
        )
    text = _text(_file(directory, ref.path, what))
    return SourceFile(source=text, extension=Language.parse(language).extension, language=language)


def _include(directory: Path, spec: PolygonSpec) -> dict[str, str]:
    """Headers the package's programs include: resources named ``*.h``, and ``testlib.h``
    beside the sources when problem.xml does not list it."""
    paths = [directory / r.path for r in spec.resources if _HEADER.search(r.path)]
    paths += [p for p in (directory / "files").glob("*.h") if p.is_file()]
    files: dict[str, str] = {}
    for path in paths:
        if path.is_file() and _INCLUDE_NAME.fullmatch(path.name) and path.name not in files:
            files[path.name] = _text(path)
    if "testlib.h" in files:
        files["testlib.h"] = TESTLIB_SHIM + files["testlib.h"]
    return files


def _title(spec: PolygonSpec, fallback: str) -> tuple[str, str]:
    """The title and the statement language (English when there is one)."""
    languages = list(spec.statements) or list(spec.names) or ["english"]
    language = "english" if "english" in languages else languages[0]
    return spec.names.get(language) or next(iter(spec.names.values()), fallback), language


def _checker(directory: Path, spec: PolygonSpec) -> tuple[SourceFile | None, CheckerSettings]:
    if spec.checker is None:
        return None, CheckerSettings()
    standard = standard_checker(spec.checker.name)
    if standard in BUILT_IN_CHECKERS:
        return None, BUILT_IN_CHECKERS[standard]
    if spec.checker.source is None:
        raise Skip(
            f"checker {spec.checker.name or '?'}: problem.xml names no source for it",
            cause="checker unsupported",
        )
    found = _source_file(directory, spec.checker.source, "the checker")
    if isinstance(found, tuple) or found.extension != "cpp":
        raise Skip(
            f"checker {spec.checker.source.path}: refute runs C++ testlib checkers only",
            cause="checker unsupported",
        )
    if _SCORING.search(found.source):
        raise Skip(
            f"checker {spec.checker.source.path} gives points (quitp): refute judges "
            "pass-fail problems",
            cause="scoring",
        )
    return SourceFile(source=found.source, extension="cpp"), CheckerSettings()


def _validator(directory: Path, spec: PolygonSpec) -> SourceFile:
    if not spec.validators:
        raise Skip("no validator: refute needs one to judge inputs", cause="no validator")
    ref = spec.validators[0]
    found = _source_file(directory, ref, "the validator")
    if isinstance(found, tuple):
        raise Skip(f"validator {ref.path}: {found[0]}", cause="validator unsupported")
    return SourceFile(source=found.source, extension=found.extension)


def _solutions(directory: Path, spec: PolygonSpec) -> list[PolygonSolution]:
    found: list[PolygonSolution] = []
    taken: set[str] = set()
    for solution in spec.solutions:
        name = package_id(Path(solution.source.path).stem, "solution")
        while name in taken:
            name += "-2"
        taken.add(name)
        try:
            program = _source_file(directory, solution.source, "the solution")
        except Skip as missing:  # one solution's file: that solution only
            program = (str(missing), missing.cause)
        found.append(
            PolygonSolution(
                name=name,
                tag=solution.tag,
                path=solution.source.path,
                program=program if isinstance(program, SourceFile) else None,
                reason=program[0] if isinstance(program, tuple) else None,
                cause=program[1] if isinstance(program, tuple) else None,
            )
        )
    return found


def _references(solutions: list[PolygonSolution]) -> list[PolygonSolution]:
    ranked = sorted(
        (s for s in solutions if s.tag in CORRECT_TAGS and s.program is not None),
        key=lambda s: CORRECT_TAGS.index(s.tag),
    )
    if not ranked:
        raise Skip(
            "no main or accepted solution in C, C++ or Python 3 to serve as the reference",
            cause="no reference",
        )
    return ranked


def _generator(
    directory: Path, spec: PolygonSpec, include: dict[str, str], test: TestSpec
) -> GeneratorCall:
    cmd = _SCRIPT_TARGET.sub("", test.cmd or "")
    if test.from_file or re.search(r">\s*\{", cmd):
        return GeneratorCall(cmd, None, [], "a generator that writes several tests (files)")
    try:
        argv = shlex.split(cmd)
    except ValueError as error:
        return GeneratorCall(cmd, None, [], f"cannot split the command: {error}")
    if not argv:
        return GeneratorCall(cmd, None, [], "an empty generator command")
    stem = argv[0].removesuffix(".exe")
    refs = [*spec.executables, *spec.resources]
    ref = next((r for r in refs if Path(r.path).stem == stem and r.type), None)
    if ref is None:
        return GeneratorCall(cmd, None, [], f"no generator named {stem!r} in problem.xml")
    found = _source_file(directory, ref, "the generator")
    if isinstance(found, tuple):
        return GeneratorCall(cmd, None, [], f"generator {ref.path}: {found[0]}")
    language = Language.parse(found.language or found.extension)
    files = tuple(include.items()) if language.compiled else ()
    return GeneratorCall(
        stem, Program(source=found.source, language=language, files=files), argv[1:]
    )


def _tests(
    directory: Path, spec: PolygonSpec, include: dict[str, str]
) -> tuple[list[TestRecipe], list[str]]:
    """The recipes of the tests, and a note on the manual tests the package lacks (left
    out: a failing input needs one test, and a package exported without its largest
    files still has the others); ``Skip`` when it lacks every one."""
    recipes = []
    lacking = []
    for test in spec.tests:
        relative = numbered_path(spec.input_pattern, test.index)
        path = directory / relative
        answer_path = (
            directory / numbered_path(spec.answer_pattern, test.index)
            if spec.answer_pattern
            else None
        )
        stored = _text(path) if path.is_file() else None
        generator = None
        if stored is None:
            if test.method != "generated" or not test.cmd:
                lacking.append(relative)
                continue
            generator = _generator(directory, spec, include, test)
        answer = _text(answer_path) if answer_path is not None and answer_path.is_file() else None
        recipes.append(
            TestRecipe(
                index=test.index,
                name=f"{test.index:02d}",
                sample=test.sample,
                stored=stored,
                answer=answer,
                generator=generator,
            )
        )
    if lacking and not recipes:
        raise Skip(
            f"every test is a manual test the package lacks ({', '.join(lacking[:3])}, ...)",
            cause="missing test",
        )
    shown = ", ".join(lacking[:3]) + (", ..." if len(lacking) > 3 else "")
    notes = [f"missing test: {len(lacking)} manual tests the package lacks, left out ({shown})"]
    return recipes, notes if lacking else []


def _invalid(directory: Path, spec: PolygonSpec) -> list[tuple[str, str]]:
    """The validator's own tests with verdict ``invalid`` (not those of one group)."""
    if not spec.validator_pattern:
        return []
    found = []
    for test in spec.validator_tests:
        path = directory / numbered_path(spec.validator_pattern, test.index)
        if test.verdict == "invalid" and not test.group and path.is_file():
            found.append((f"validator-{test.index:02d}", _text(path)))
    return found


def _statement_examples(directory: Path, language: str) -> list[tuple[str, str, str | None]]:
    folder = directory / "statements" / language
    examples = []
    for path in sorted(folder.glob("example.[0-9]*")):
        if re.fullmatch(r"example\.\d+", path.name):
            answer = path.with_name(path.name + ".a")
            examples.append(
                (path.suffix.lstrip("."), _text(path), _text(answer) if answer.is_file() else None)
            )
    return examples


def read_polygon(directory: Path) -> PolygonPackage:
    """Read a package; raises ``Skip`` when it cannot be imported."""
    try:
        spec = read_spec(directory)
    except PolygonError as error:
        raise Skip(str(error), cause="bad package") from error
    if spec.interactive:
        raise Skip(
            "interactive problem: refute judges programs that read one input file",
            cause="interactive",
        )
    for stream, name in (("input", spec.input_file), ("output", spec.output_file)):
        if name not in ("", "stdin", "stdout"):
            raise Skip(
                f"the solutions' {stream} is the file {name!r}: refute runs programs on "
                "stdin and stdout",
                cause="file input or output",
            )
    problem_id = package_id(spec.short_name or directory.resolve().name)
    title, language = _title(spec, problem_id)
    try:
        statement = statement_markdown(directory, language, spec.statements.get(language), title)
    except StatementError as error:
        raise Skip(str(error), cause="no statement") from error
    include = _include(directory, spec)
    validator = _validator(directory, spec)
    checker, settings = _checker(directory, spec)
    solutions = _solutions(directory, spec)
    reference, *alternatives = _references(solutions)
    tests, notes = _tests(directory, spec, include)
    assert reference.program is not None
    return PolygonPackage(
        directory=directory,
        id=problem_id,
        spec=spec,
        title=title,
        statement=statement,
        include=include,
        validator=validator,
        checker=checker,
        checker_settings=settings,
        reference=reference.program,
        reference_path=reference.path,
        alternatives=alternatives,
        solutions=[s for s in solutions if s.tag not in CORRECT_TAGS],
        tests=tests,
        notes=notes,
        invalid=_invalid(directory, spec),
        statement_examples=_statement_examples(directory, language),
    )


def is_wrong(solution: PolygonSolution | Solution) -> bool:
    return solution.tag in WRONG_TAGS


def read_solutions(directory: Path) -> list[PolygonSolution]:
    """The solutions ``problem.xml`` names (none when it does not parse): what skipping
    the whole package costs, counted in the report."""
    try:
        return _solutions(directory, read_spec(directory))
    except (PolygonError, OSError, UnicodeDecodeError):
        return []
