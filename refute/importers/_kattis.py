"""Kattis / ICPC problem packages (Kattis, DOMjudge, BAPCtools) to refute packages."""

from __future__ import annotations

import asyncio
import configparser
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ImporterError
from ..judge import Judge, Validation, Verdict
from ..problems import (
    JUDGE_PROGRAM_LANGUAGES,
    CheckerSettings,
    Example,
    Origin,
    Problem,
    Statement,
)
from ..sandbox import Language, Program, RunResult, RunStatus
from . import _adapters
from ._draft import PackageDraft, SourceFile, SubmissionDraft, package_id
from ._errors import ImportSourceError
from ._latex import latex_to_markdown
from ._report import ImportEntry, ImportReport, ImportStatus
from ._write import Publisher

CATEGORIES = ("wrong_answer", "time_limit_exceeded", "run_time_error")
"""Submission folders whose programs can become tasks; ``wrong_answer`` by default."""

DEFAULT_TIME_LIMIT_MS = 2000
"""When a package states no time limit (Kattis derives it from the accepted runs)."""

DEFAULT_MEMORY_MB = 2048
"""Kattis' default memory limit."""

_CPP = (".cpp", ".cc", ".cxx", ".c++")
_HEADERS = (".h", ".hpp", ".hh")
_SHORT = {"wrong_answer": "wa", "time_limit_exceeded": "tle", "run_time_error": "rte"}


class Skip(ImporterError):
    """A problem (or submission) that cannot be imported, and why."""


@dataclass
class _Test:
    name: str
    path: str
    input: str
    answer: str | None = None


@dataclass
class _Submission:
    name: str
    category: str
    path: Path
    program: SourceFile | None
    reason: str | None = None


@dataclass
class _Package:
    """What was read from a Kattis package, before anything ran."""

    directory: Path
    id: str
    draft: PackageDraft
    secret: list[_Test]
    submissions: list[_Submission]
    custom_checker: bool


def find_packages(paths: list[Path]) -> list[Path]:
    """Package directories: each path that holds ``problem.yaml``, else its subdirectories
    that do (sorted). Raises ``ImportSourceError`` for a path that is neither.
    """
    found: list[Path] = []
    faults = []
    for path in paths:
        if (path / "problem.yaml").is_file():
            found.append(path)
            continue
        children = (
            sorted(p for p in path.iterdir() if (p / "problem.yaml").is_file())
            if path.is_dir()
            else []
        )
        if not children:
            what = "no such directory" if not path.is_dir() else "no problem.yaml in it or below"
            faults.append(f"{path}: not a Kattis problem package ({what})")
        found.extend(children)
    if faults:
        raise ImportSourceError(faults)
    return found


def _natural(name: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


def _yaml(directory: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load((directory / "problem.yaml").read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise Skip(f"problem.yaml does not parse: {error}") from error
    if not isinstance(data, dict):
        raise Skip("problem.yaml is not a mapping")
    return data


def _text_field(value: Any) -> str | None:
    """A name or credit that may be a string, a list, or a ``{language: text}`` mapping."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("en", next(iter(value.values()), None))
        return _text_field(value)
    if isinstance(value, list):
        names = [str(_text_field(item)) for item in value if item]
        return ", ".join(names) or None
    return str(value).strip() or None


def _flags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value).split()


def _check_type(meta: dict[str, Any]) -> None:
    kinds = meta.get("type", "pass-fail")
    kinds = set(kinds if isinstance(kinds, list) else str(kinds).split())
    validation = str(meta.get("validation", "default")).split()
    if "interactive" in kinds or "interactive" in validation:
        raise Skip("interactive problem: refute judges programs that read one input file")
    if "multi-pass" in kinds or "multi-pass" in validation:
        raise Skip("multi-pass problem: refute judges one run per input")
    if "scoring" in kinds or "score" in validation:
        raise Skip("scoring problem: refute judges pass-fail problems")


def _statement(directory: Path, name: str | None) -> tuple[str, str]:
    """The statement as Markdown, and the title (``name`` from problem.yaml wins)."""
    candidates: list[Path] = []
    for folder in ("problem_statement", "statement"):
        base = directory / folder
        for pattern in ("problem.en.tex", "problem.tex", "problem.en.md", "problem.md"):
            candidates += [base / pattern] if (base / pattern).is_file() else []
        candidates += sorted(base.glob("problem.*.tex")) + sorted(base.glob("problem.*.md"))
    if not candidates:
        raise Skip("no statement: expected problem_statement/problem.en.tex (or .md)")
    path = candidates[0]
    text = path.read_text(encoding="utf-8")
    markdown = latex_to_markdown(text) if path.suffix == ".tex" else text.strip() + "\n"
    title = None
    first, _, rest = markdown.partition("\n")
    if first.startswith("# "):
        title, markdown = first[2:].strip() or None, rest.lstrip("\n")
    markdown = re.sub(r"^#{1,6}[ \t]+(Input|Output|Notes?)[ \t]*$", _section, markdown, flags=re.M)
    title = name or title or directory.name
    return f"# {title}\n\n{markdown}", title


def _section(match: re.Match[str]) -> str:
    word = match.group(1)
    return "## Note" if word.startswith("Note") else f"## {word}"


def _tests(folder: Path, *, answers: bool) -> list[_Test]:
    if not folder.is_dir():
        return []
    tests = []
    for path in sorted(folder.rglob("*.in"), key=lambda p: _natural(p.as_posix())):
        answer_path = path.with_suffix(".ans")
        answer = _read_text(answer_path) if answer_path.is_file() else None
        if answers and answer is None:
            raise Skip(f"{path.relative_to(folder.parent.parent)} has no .ans")
        relative = path.relative_to(folder.parent.parent).as_posix()
        tests.append(_Test(path.stem, relative, _read_text(path), answer))
    return tests


def _program_items(folder: Path) -> list[Path]:
    """Programs in a validators or submissions folder: files (not headers) and directories."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() not in _HEADERS)
    )


def _main_source(item: Path, suffixes: tuple[str, ...]) -> Path | None:
    """A file program itself, or the one source of a directory program with ``suffixes``."""
    if item.is_file():
        return item if item.suffix.lower() in suffixes else None
    sources = [p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in suffixes]
    return sources[0] if len(sources) == 1 else None


def _input_validator(directory: Path, origin: str) -> SourceFile:
    folder = next(
        (
            directory / name
            for name in ("input_validators", "input_format_validators")
            if (directory / name).is_dir()
        ),
        None,
    )
    items = _program_items(folder) if folder else []
    if not items:
        raise Skip("no input validator: refute needs one to judge inputs")
    python: list[tuple[str, str, list[str], str]] = []
    cpp: list[Path] = []
    for item in items:
        source = _main_source(item, (".py", ".ctd", *_CPP))
        if source is None:
            raise Skip(f"input validator {item.name}: unsupported (Python, C++ or .ctd only)")
        if source.suffix == ".py":
            text = source.read_text(encoding="utf-8")
            python.append((f"{package_id(source.stem)}.py", "python", [], text))
        elif source.suffix == ".ctd":
            try:
                code = _adapters.ctd_to_python(source.read_bytes(), source.name)
            except _adapters.AdapterError as error:
                raise Skip(f"input validator {item.name}: {error}") from error
            python.append((f"{package_id(source.stem)}_ctd.py", "ctd", [], code))
        else:
            cpp.append(source)
    if cpp and (python or len(cpp) > 1):
        raise Skip("several input validators including C++: refute runs one C++ validator alone")
    if cpp:
        assert folder is not None
        try:
            inlined = _adapters.inline_includes(cpp[0], directory, (folder, directory))
        except (_adapters.AdapterError, OSError, UnicodeDecodeError) as error:
            raise Skip(f"input validator {cpp[0].name}: {error}") from error
        return SourceFile(source=_adapters.cpp_input_validator(origin, inlined), extension="cpp")
    return SourceFile(source=_adapters.python_input_validator(origin, python), extension="py")


def _has_case(tests: list[_Test]) -> bool:
    """Whether any answer has a word whose case could matter (not a number, not YES/NO)."""
    for test in tests:
        for token in (test.answer or "").split():
            if not any(c.isalpha() for c in token) or token.upper() in ("YES", "NO"):
                continue
            try:
                float(token)
            except ValueError:
                return True
    return False


def _checker(
    directory: Path, meta: dict[str, Any], origin: str, tests: list[_Test]
) -> tuple[SourceFile | None, CheckerSettings]:
    flags = _flags(meta.get("validator_flags"))
    testdata = directory / "data" / "testdata.yaml"
    if testdata.is_file():
        data = yaml.safe_load(testdata.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict):
            flags += _flags(data.get("output_validator_flags") or data.get("output_validator_args"))
    folder = next(
        (
            directory / name
            for name in ("output_validators", "output_validator")
            if (directory / name).is_dir()
        ),
        None,
    )
    items = _program_items(folder) if folder else []
    custom = "custom" in str(meta.get("validation", "default")).split() or bool(items)
    if custom:
        if len(items) != 1:
            raise Skip(f"output validator: expected one program, found {len(items)}")
        item = items[0]
        source_path = _main_source(item, (".py", *_CPP))
        if source_path is None:
            raise Skip(f"output validator {item.name}: unsupported (Python or C++ only)")
        try:
            if source_path.suffix == ".py":
                text = source_path.read_text(encoding="utf-8")
                code = _adapters.python_output_validator(origin, source_path.name, text, flags)
                return SourceFile(source=code, extension="py"), CheckerSettings()
            assert folder is not None
            text = _adapters.inline_includes(source_path, directory, (folder, directory))
        except (_adapters.AdapterError, OSError, UnicodeDecodeError) as error:
            raise Skip(f"output validator {item.name}: {error}") from error
        code = _adapters.cpp_output_validator(origin, text, flags)
        return SourceFile(source=code, extension="cpp"), CheckerSettings()
    return _default_checker(origin, flags, tests)


def _default_checker(
    origin: str, flags: list[str], tests: list[_Test]
) -> tuple[SourceFile | None, CheckerSettings]:
    """Kattis' default output validator: ``[checker]`` tolerances when they say the same,
    else a ``checker.py`` with its exact rules (case-insensitive words, exact spacing)."""
    known = {"case_sensitive", "space_change_sensitive"}
    numeric = {"float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"}
    values: dict[str, float] = {}
    index = 0
    while index < len(flags):
        flag = flags[index]
        if flag in numeric and index + 1 < len(flags):
            try:
                values[flag] = float(flags[index + 1])
            except ValueError as error:
                raise Skip(f"validator_flags: {flag} needs a number") from error
            index += 2
            continue
        if flag not in known:
            raise Skip(f"validator_flags: unknown flag {flag!r} for the default validator")
        index += 1
    absolute = values.get("float_absolute_tolerance", values.get("float_tolerance"))
    relative = values.get("float_relative_tolerance", values.get("float_tolerance"))
    case_sensitive = "case_sensitive" in flags
    space_sensitive = "space_change_sensitive" in flags
    if space_sensitive or (not case_sensitive and _has_case(tests)):
        code = _adapters.default_checker(
            origin,
            flags,
            case_sensitive=case_sensitive,
            space_sensitive=space_sensitive,
            abs_tolerance=absolute,
            rel_tolerance=relative,
        )
        return SourceFile(source=code, extension="py"), CheckerSettings()
    return None, CheckerSettings(abs_tolerance=absolute, rel_tolerance=relative)


def _language(path: Path) -> SourceFile | str:
    """The program at ``path``, or why it cannot be one."""
    source = _main_source(path, (".py", *_CPP))
    if source is None:
        if path.is_dir():
            return "a multi-file submission: refute runs single-file C++ or Python programs"
        return f"unsupported language ({path.suffix or 'no extension'}): C++ or Python only"
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    if source.suffix == ".py":
        if re.match(r"#!.*python2", text):
            return "Python 2 is not run"
        return SourceFile(source=text, extension="py")
    return SourceFile(source=text, extension="cpp")


def _submissions(directory: Path, categories: tuple[str, ...]) -> list[_Submission]:
    found: list[_Submission] = []
    taken: set[str] = set()
    for category in categories:
        for item in _program_items(directory / "submissions" / category):
            name = package_id(item.stem if item.is_file() else item.name, "submission")
            if name in taken:
                name = f"{name}-{_SHORT.get(category, category)}"
            while name in taken:
                name += "-2"
            taken.add(name)
            program = _language(item)
            found.append(
                _Submission(
                    name=name,
                    category=category,
                    path=item,
                    program=program if isinstance(program, SourceFile) else None,
                    reason=program if isinstance(program, str) else None,
                )
            )
    return found


def _names(tests: list[_Test]) -> list[str]:
    """File names for tests: their stems, or their paths when two stems are the same."""
    stems = [package_id(test.name, "test") for test in tests]
    if len(set(stems)) == len(stems):
        return stems
    return [package_id(test.path.removeprefix("data/").removesuffix(".in")) for test in tests]


def _memory_mb(value: Any) -> int:
    try:
        memory = int(value)
    except (TypeError, ValueError) as error:
        raise Skip(f"limits.memory {value!r} is not a number of MiB") from error
    if memory <= 0:
        raise Skip(f"limits.memory {value!r} is not a positive number of MiB")
    return memory


def _time_limit_ms(directory: Path, meta: dict[str, Any]) -> int:
    limits = meta.get("limits") or {}
    seconds: Any = limits.get("time_limit") if isinstance(limits, dict) else None
    if seconds is None and (directory / ".timelimit").is_file():
        seconds = (directory / ".timelimit").read_text().strip()
    ini = directory / "domjudge-problem.ini"
    if seconds is None and ini.is_file():
        parser = configparser.ConfigParser()
        parser.read_string("[problem]\n" + ini.read_text(encoding="utf-8"))
        seconds = parser["problem"].get("timelimit", "").strip("'\"") or None
    if seconds is None:
        return DEFAULT_TIME_LIMIT_MS
    try:
        return max(1, round(float(seconds) * 1000))
    except ValueError as error:
        raise Skip(f"time limit {seconds!r} is not a number of seconds") from error


def read_package(directory: Path, categories: tuple[str, ...] = ("wrong_answer",)) -> _Package:
    """Read one package (nothing runs yet); raises ``Skip`` when it cannot be imported."""
    meta = _yaml(directory)
    _check_type(meta)
    problem_id = package_id(directory.resolve().name)
    origin = directory.resolve().name
    name = _text_field(meta.get("name"))
    statement, title = _statement(directory, name)
    samples = _tests(directory / "data" / "sample", answers=True)
    if not samples:
        raise Skip("no samples: expected data/sample/*.in with .ans")
    secret = _tests(directory / "data" / "secret", answers=False)
    invalid = [
        test
        for folder in ("invalid_input", "invalid_inputs")
        for test in _tests(directory / "data" / folder, answers=False)
    ]
    validator = _input_validator(directory, origin)
    checker, settings = _checker(directory, meta, origin, [*samples, *secret])
    references = [s for s in _submissions(directory, ("accepted",)) if s.program is not None]
    if not references:
        raise Skip("no accepted submission in C++ or Python to serve as the reference")
    references.sort(key=lambda s: (s.program is None or s.program.extension != "cpp", s.name))
    reference = references[0].program
    assert reference is not None

    limits = meta.get("limits") if isinstance(meta.get("limits"), dict) else {}
    memory = (limits or {}).get("memory", DEFAULT_MEMORY_MB)
    credits = meta.get("credits")
    authors = _text_field(meta.get("author")) or _text_field(
        credits.get("authors") if isinstance(credits, dict) else credits
    )
    rights = _text_field(meta.get("rights_owner"))
    attribution = "; ".join(
        part
        for part in (
            f"author: {authors}" if authors else "",
            f"rights owner: {rights}" if rights else "",
            f"converted from the Kattis problem package {origin!r}",
        )
        if part
    )
    keywords = meta.get("keywords") or []
    tags = tuple(keywords if isinstance(keywords, list) else str(keywords).split())
    draft = PackageDraft(
        id=problem_id,
        name=title,
        source=_text_field(meta.get("source")) or "Kattis problem package",
        url=_text_field(meta.get("source_url")),
        tags=tuple(str(tag) for tag in tags),
        time_limit_ms=_time_limit_ms(directory, meta),
        memory_limit_mb=_memory_mb(memory),
        license=_text_field(meta.get("license")),
        attribution=attribution,
        checker_settings=settings,
        origin=Origin(importer="kattis", source=origin, id=origin),
        statement=statement,
        examples=tuple(
            (name, t.input, t.answer or "")
            for name, t in zip(_names(samples), samples, strict=True)
        ),
        invalid=tuple((name, t.input) for name, t in zip(_names(invalid), invalid, strict=True)),
        reference=reference,
        validator=validator,
        checker=checker,
        incorrect=(),
    )
    return _Package(
        directory=directory,
        id=problem_id,
        draft=draft,
        secret=secret,
        submissions=_submissions(directory, categories),
        custom_checker=checker is not None,
    )


def _program(file: SourceFile, judge_program: bool = False) -> Program:
    if judge_program:
        return Program(
            source=file.source,
            language=Language.parse(JUDGE_PROGRAM_LANGUAGES[f".{file.extension}"]),
        )
    return Program(source=file.source, language=Language.parse(file.language or file.extension))


def _problem(package: _Package) -> Problem:
    """The draft as a loaded ``Problem``, to judge with before anything is written."""
    draft = package.draft
    return Problem(
        id=draft.id,
        name=draft.name,
        source=draft.source,
        time_limit_ms=draft.time_limit_ms,
        memory_limit_mb=draft.memory_limit_mb,
        checker_settings=draft.checker_settings,
        root=package.directory,
        statement=Statement(text=draft.statement, legend="", input="", output=""),
        examples=tuple(Example(name=n, input=i, answer=a) for n, i, a in draft.examples),
        reference=_program(draft.reference),
        reference_path=Path(f"reference.{draft.reference.extension}"),
        validator=_program(draft.validator, judge_program=True),
        checker=_program(draft.checker, judge_program=True) if draft.checker else None,
        incorrect=(),
    )


def _size(test: _Test) -> tuple[int, str]:
    """Smallest first: by bytes, then by path."""
    return len(test.input.encode("utf-8", "surrogateescape")), test.path


class _Oracle:
    """The judge's steps for one problem, with the validator's and the reference's results
    kept per input: the search tries every submission on the same tests.
    """

    def __init__(self, judge: Judge, problem: Problem):
        self.judge = judge
        self.problem = problem
        self._valid: dict[str, Validation] = {}
        self._reference: dict[str, RunResult] = {}

    async def validate(self, text: str) -> Validation:
        if text not in self._valid:
            self._valid[text] = await self.judge.validate(self.problem, text)
        return self._valid[text]

    async def reference(self, text: str) -> RunResult:
        if text not in self._reference:
            self._reference[text] = await self.judge.run(self.problem, self.problem.reference, text)
        return self._reference[text]

    async def check_samples(self, custom_checker: bool) -> None:
        """The validator accepts each sample and the reference passes it; else ``Skip``."""
        judge, problem = self.judge, self.problem
        for example in problem.examples:
            validation = await self.validate(example.input)
            if not validation.valid:
                raise Skip(
                    f"the input validator rejects sample {example.name}: {validation.message}"
                )
            run = await self.reference(example.input)
            if not run.ok:
                raise Skip(f"the reference fails sample {example.name}: {run.describe()}")
            result, _ = await judge.check(problem, example.input, run.stdout, example.answer)
            if not result.accepted:
                raise Skip(f"the reference fails sample {example.name}: {result.message}")
            if custom_checker:
                own, _ = await judge.check(problem, example.input, run.stdout, run.stdout)
                if not own.accepted:
                    raise Skip(
                        "the output validator rejects the reference's output given as the "
                        "judge answer (refute passes the reference's output, not the .ans): "
                        + own.message
                    )

    async def verdict(self, program: Program, text: str) -> tuple[Verdict, str]:
        """The judge's verdict on ``text`` for ``program`` (one run, as ``Judge.judge``)."""
        validation = await self.validate(text)
        if not validation.valid:
            return Verdict.INVALID_INPUT, validation.message
        reference = await self.reference(text)
        if not reference.ok:
            return Verdict.JUDGE_ERROR, f"the reference solution failed: {reference.describe()}"
        run = await self.judge.run(self.problem, program, text)
        if run.status is RunStatus.COMPILE_ERROR:
            return Verdict.JUDGE_ERROR, "does not compile: " + run.stderr.strip()[:300]
        if not run.ok:
            return Verdict.REFUTED, run.describe()
        check, _ = await self.judge.check(self.problem, text, run.stdout, reference.stdout)
        if check.failed:
            return Verdict.JUDGE_ERROR, check.message
        if not check.accepted:
            return Verdict.REFUTED, f"wrong answer: {check.message}"
        return Verdict.NOT_REFUTED, ""

    async def refuting_input(
        self, submission: _Submission, tests: list[_Test]
    ) -> tuple[_Test | None, str]:
        """The smallest test that refutes the submission, or ``None`` and why not."""
        assert submission.program is not None
        program = _program(submission.program)
        for example in self.problem.examples:
            verdict, message = await self.verdict(program, example.input)
            if verdict is Verdict.REFUTED:
                return None, f"fails sample {example.name} (trivially refutable): {message}"
            if verdict is not Verdict.NOT_REFUTED:
                return None, f"on sample {example.name}: {verdict}: {message}"
        rejected = errors = 0
        for test in sorted(tests, key=_size):
            verdict, message = await self.verdict(program, test.input)
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
        more = f" ({', '.join(notes)})" if notes else ""
        return None, f"no test refutes it: {len(tests)} tests tried{more}"


async def kattis_draft(
    judge: Judge, directory: Path, categories: tuple[str, ...] = ("wrong_answer",)
) -> tuple[PackageDraft | None, list[ImportEntry]]:
    """Read a package and find each submission's failing input with the judge.

    Returns the draft (``None`` when the problem is skipped) and an entry per skipped
    submission (or one for the whole problem). Each submission runs once per input, like
    ``Judge.judge`` with ``runs=1``; the validator and the reference run once per test.
    """
    where = str(directory)
    try:
        package = read_package(directory, categories)
        oracle = _Oracle(judge, _problem(package))
        await oracle.check_samples(package.custom_checker)
    except (Skip, OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as skip:
        # A fault in one package (unreadable file, odd YAML) skips it, not the import.
        fallback = package_id(directory.resolve().name)
        why = str(skip) if isinstance(skip, Skip) else f"cannot read the package: {skip}"
        return None, [
            ImportEntry(id=fallback, source=where, status=ImportStatus.SKIPPED, reasons=[why])
        ]
    entries: list[ImportEntry] = []
    found: list[SubmissionDraft] = []
    for submission in package.submissions:
        origin = submission.path.relative_to(directory).as_posix()
        reason = submission.reason
        test: _Test | None = None
        if submission.program is not None:
            test, reason = await oracle.refuting_input(submission, package.secret)
        if test is None or submission.program is None:
            entries.append(
                ImportEntry(
                    id=f"{package.id}/{submission.name}",
                    source=f"{directory}/{origin}",
                    status=ImportStatus.SKIPPED,
                    reasons=[reason or "not importable"],
                )
            )
            continue
        found.append(
            SubmissionDraft(
                name=submission.name,
                program=submission.program,
                fail_input=test.input,
                note=f"Kattis category {submission.category}; refuted by {test.path}",
                origin=origin,
            )
        )
    if not found:
        entries.insert(
            0,
            ImportEntry(
                id=package.id,
                source=where,
                status=ImportStatus.SKIPPED,
                reasons=[
                    f"no incorrect submission to import (categories: {', '.join(categories)})"
                ],
            ),
        )
        return None, entries
    return package.draft.model_copy(update={"incorrect": tuple(found)}), entries


async def import_kattis(
    paths: list[Path],
    out: Path,
    judge: Judge,
    *,
    categories: tuple[str, ...] = ("wrong_answer",),
    force: bool = False,
) -> ImportReport:
    """Import Kattis problem packages into ``out``; returns the report (also written to
    ``out/import-report.json``).

    Each C++ or Python submission in ``categories`` becomes a task whose failing input is
    the smallest of the package's tests that refutes it (judged against an accepted
    submission, the reference). Problems and submissions that cannot be imported are
    skipped with the reason in the report.

    Example::

        async with Sandbox() as sandbox:
            report = await import_kattis([Path("contest/")], Path("imported"),
                                         Judge(sandbox.judge))
            for entry in report.entries:
                print(entry.id, entry.status, entry.reasons)
    """
    directories = find_packages(paths)
    report = ImportReport(importer="kattis", out=str(out))
    publisher = Publisher(out, judge, force=force)
    limit = asyncio.Semaphore(judge.pool.size)

    seen: dict[str, Path] = {}

    async def one(directory: Path) -> list[ImportEntry]:
        problem_id = package_id(directory.resolve().name)
        if seen.setdefault(problem_id, directory) != directory:
            reason = f"another package with the id {problem_id!r} comes first: {seen[problem_id]}"
            return [
                ImportEntry(
                    id=problem_id,
                    source=str(directory),
                    status=ImportStatus.SKIPPED,
                    reasons=[reason],
                )
            ]
        async with limit:
            draft, entries = await kattis_draft(judge, directory, categories)
        if draft is None:
            return entries
        published = await publisher.publish(draft, str(directory))
        return [published[0], *entries, *published[1:]]

    results = await asyncio.gather(*(one(directory) for directory in directories))
    report.entries = [entry for entries in results for entry in entries]
    out.mkdir(parents=True, exist_ok=True)
    report.write(out)
    return report
