"""Reading problem packages from disk; every fault becomes a ``LoadError`` naming its file."""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..files import bundled_dir
from ..sandbox import SOURCE_SUFFIXES, Language, LanguageFamily, Program, UnknownLanguageError
from ._errors import LoadError, PackageError, ProblemsDirError, UnknownTaskError
from ._models import (
    ID_PATTERN,
    CheckerSettings,
    Example,
    FuzzRecord,
    IncorrectSubmission,
    Origin,
    Problem,
    Statement,
    Task,
)

SOURCE_EXTENSIONS: dict[str, LanguageFamily | None] = {
    suffix: None if family is LanguageFamily.PYTHON else family
    for suffix, family in SOURCE_SUFFIXES.items()
}
"""Source files a package may hold; ``None`` means any Python family (CPython or PyPy)."""

INCLUDE_DIR = "include"
"""``include/``: files every C and C++ program of the package gets beside its source (a
``testlib.h`` or ``validation.h`` the validator, checker or solutions include)."""

FAIL_SUFFIX = ".fail.in"

NOT_PACKAGES = frozenset({"pending"})
"""Subdirectories of a problems directory that hold no package: ``pending/`` keeps the
packages ``refute problems refresh`` wrote but could not admit yet (docs/refresh.md)."""

JUDGE_PROGRAM_LANGUAGES = {".py": "Python 3", ".cpp": "C++20", ".c": "C"}
"""``validator.*`` and ``checker.*``: Python 3, C++ (compiled once per run, as C++20) or C."""

_IGNORED = frozenset({"__pycache__"})

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
}


def default_problems_dir() -> Path:
    """The problems directory: ``$REFUTE_PROBLEMS_DIR``, else the bundled ``problems/``
    (inside the installed package, or the checkout's when refute runs from its source tree).

    >>> default_problems_dir().name
    'problems'
    """
    override = os.environ.get("REFUTE_PROBLEMS_DIR")
    if override:
        return Path(override)
    return bundled_dir("problems")


class _SubmissionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str | None = None
    bug: str | None = None
    note: str | None = None
    author_rating: int | None = Field(default=None, ge=0)
    origin: str | None = None
    fuzz: FuzzRecord | None = None


class _ReferenceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: str | None = None


class _ProblemConfig(BaseModel):
    """The schema of ``problem.toml``; documented in ``docs/problem-format.md``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    source: str = Field(min_length=1)
    url: str | None = None
    date: datetime.date | None = None
    rating: int | None = Field(default=None, ge=0)
    tags: list[str] = []
    time_limit_ms: int = Field(gt=0)
    memory_limit_mb: int = Field(gt=0)
    license: str | None = None
    attribution: str | None = None
    checker: CheckerSettings = CheckerSettings()
    reference: _ReferenceConfig = _ReferenceConfig()
    incorrect: dict[str, _SubmissionConfig] = {}
    origin: Origin | None = None


class _Collector:
    """Gathers every fault of one package, so that one load reports them all."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.errors: list[LoadError] = []

    def add(self, path: Path, message: str, field: str | None = None) -> None:
        self.errors.append(
            LoadError(package=self.directory.name, path=path, field=field, message=message)
        )

    def text(self, path: Path, *, required: bool = True) -> str | None:
        if not path.is_file():
            if required:
                self.add(path, "missing")
            return None
        try:
            # bytes as they are: an input with \r\n must reach the validator with them
            return path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            self.add(path, "not UTF-8 text")
        except OSError as error:
            self.add(path, f"cannot read: {error.strerror or error}")
        return None


def load_problem(directory: Path) -> Problem:
    """Load one package; raises ``PackageError`` listing every fault found in it.

    >>> problem = load_problem(default_problems_dir() / "charged-pair")
    >>> [task.id for task in problem.tasks()]
    ['charged-pair/int-overflow', 'charged-pair/two-largest']
    """
    found = _Collector(directory)
    config = _read_config(directory / "problem.toml", found)
    statement = _read_statement(directory / "statement.md", found)
    examples = _read_examples(directory / "examples", found)
    invalid = _read_invalid(directory / "invalid", found)
    files = _read_include(directory / INCLUDE_DIR, found)
    reference = _read_reference(directory, config, found, files)
    validator = _read_judge_program(directory, "validator", found, files, required=True)
    checker = _read_judge_program(directory, "checker", found, files, required=False)
    incorrect = _read_incorrect(directory / "incorrect", config, found, files)
    if found.errors or config is None or statement is None or reference is None:
        raise PackageError(directory.name, found.errors)
    assert validator is not None
    return Problem(
        id=config.id,
        name=config.name,
        source=config.source,
        url=config.url,
        date=config.date,
        rating=config.rating,
        tags=tuple(config.tags),
        time_limit_ms=config.time_limit_ms,
        memory_limit_mb=config.memory_limit_mb,
        license=config.license,
        attribution=config.attribution,
        checker_settings=config.checker,
        origin=config.origin,
        root=directory,
        statement=statement,
        examples=tuple(examples),
        invalid_inputs=tuple(invalid),
        reference=reference[0],
        reference_path=reference[1],
        validator=validator,
        checker=checker,
        incorrect=tuple(incorrect),
    )


def _read_config(path: Path, found: _Collector) -> _ProblemConfig | None:
    text = found.text(path)
    if text is None:
        return None
    try:
        raw: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found.add(path, f"invalid TOML: {error}")
        return None
    try:
        config = _ProblemConfig.model_validate(raw)
    except ValidationError as error:
        for item in error.errors():
            field = ".".join(str(part) for part in item["loc"])
            found.add(path, _MESSAGES.get(item["type"], item["msg"]), field)
        return None
    if config.id != found.directory.name:
        found.add(
            path, f"{config.id!r} must equal the directory name {found.directory.name!r}", "id"
        )
    return config


_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SECTIONS = {"input": "input", "output": "output", "note": "note", "notes": "note"}


def _read_statement(path: Path, found: _Collector) -> Statement | None:
    text = found.text(path)
    if text is None:
        return None
    headings = list(_HEADING.finditer(text))
    sections: dict[str, str] = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        key = _SECTIONS.get(heading.group(1).strip().lower())
        if key is not None:
            sections[key] = text[heading.end() : end].strip()
    for required in ("input", "output"):
        if required not in sections:
            found.add(path, f"missing section '## {required.capitalize()}'")
    if "input" not in sections or "output" not in sections:
        return None
    legend = text[: headings[0].start()] if headings else text
    legend = re.sub(r"\A\s*#[ \t][^\n]*\n", "", legend).strip()
    return Statement(
        text=text,
        legend=legend,
        input=sections["input"],
        output=sections["output"],
        note=sections.get("note", ""),
    )


def _entries(directory: Path) -> list[Path]:
    """The entries of a package's folder, sorted, without the ``__pycache__`` that Python
    leaves beside a validator or a Python submission once something imported it."""
    return sorted(path for path in directory.iterdir() if path.name not in _IGNORED)


def _natural(name: str) -> tuple[int, str]:
    return (int(name), "") if name.isdigit() else (1 << 62, name)


def _read_examples(directory: Path, found: _Collector) -> list[Example]:
    if not directory.is_dir():
        found.add(directory, "missing: a package needs at least one example")
        return []
    inputs: dict[str, Path] = {}
    answers: set[str] = set()
    for path in _entries(directory):
        if path.suffix == ".in":
            inputs[path.stem] = path
        elif path.suffix == ".ans":
            answers.add(path.stem)
        else:
            found.add(path, "unexpected file: examples are <name>.in with <name>.ans")
    for stem in sorted(answers - inputs.keys()):
        found.add(directory / f"{stem}.ans", f"answer without an input: {stem}.in is missing")
    if not inputs and not answers:
        found.add(directory, "no examples: a package needs at least one <name>.in/.ans pair")
    examples = []
    for stem in sorted(inputs, key=_natural):
        answer_path = directory / f"{stem}.ans"
        if stem not in answers:
            found.add(answer_path, "missing: every example input needs an answer")
            continue
        input_text = found.text(inputs[stem])
        answer_text = found.text(answer_path)
        if input_text is not None and answer_text is not None:
            examples.append(Example(name=stem, input=input_text, answer=answer_text))
    return examples


def _read_invalid(directory: Path, found: _Collector) -> list[Example]:
    """``invalid/<name>.in``: inputs the validator must reject (optional)."""
    if not directory.is_dir():
        return []
    invalid = []
    for path in sorted(_entries(directory), key=lambda p: _natural(p.stem)):
        if path.suffix != ".in":
            found.add(path, "unexpected file: invalid inputs are <name>.in")
            continue
        text = found.text(path)
        if text is not None:
            invalid.append(Example(name=path.stem, input=text, answer=""))
    return invalid


def _read_include(directory: Path, found: _Collector) -> dict[str, str]:
    """``include/<name>``: plain files, given to every compiled program of the package."""
    if not directory.is_dir():
        return {}
    files = {}
    for path in _entries(directory):
        if not path.is_file() or not re.fullmatch(r"[A-Za-z0-9_+-][A-Za-z0-9_.+-]*", path.name):
            found.add(path, "unexpected entry: include/ holds plain files with plain names")
            continue
        text = found.text(path)
        if text is not None:
            files[path.name] = text
    return files


def _program(source: str, language: Language, files: dict[str, str]) -> Program:
    """A program of the package: compiled ones get the package's ``include/`` files."""
    return Program(
        source=source, language=language, files=tuple(files.items()) if language.compiled else ()
    )


def _language(
    name: str | None, path: Path, found: _Collector, toml: Path, field: str
) -> Language | None:
    """The language of a source file: the configured name, else the extension's default."""
    family = SOURCE_EXTENSIONS[path.suffix]
    try:
        language = Language.parse(name if name is not None else path.suffix.lstrip("."))
    except UnknownLanguageError as error:
        found.add(toml, str(error), field)
        return None
    python = (LanguageFamily.PYTHON, LanguageFamily.PYPY)
    matches = language.family is family if family else language.family in python
    if not matches:
        found.add(toml, f"language {name!r} does not match the file {path.name}", field)
        return None
    return language


def _read_reference(
    directory: Path, config: _ProblemConfig | None, found: _Collector, files: dict[str, str]
) -> tuple[Program, Path] | None:
    candidates = sorted(
        path for path in directory.glob("reference.*") if path.suffix in SOURCE_EXTENSIONS
    )
    if not candidates:
        found.add(directory / "reference.cpp", "missing: expected reference.cpp, .c or .py")
        return None
    if len(candidates) > 1:
        names = ", ".join(path.name for path in candidates)
        found.add(directory, f"more than one reference solution: {names}")
        return None
    path = candidates[0]
    name = config.reference.language if config else None
    language = _language(name, path, found, directory / "problem.toml", "reference.language")
    source = found.text(path)
    if language is None or source is None:
        return None
    return _program(source, language, files), path


def _read_judge_program(
    directory: Path, stem: str, found: _Collector, files: dict[str, str], *, required: bool
) -> Program | None:
    """``<stem>.py``, ``.cpp`` or ``.c`` (one of them); a missing one is named as ``.py``."""
    present = [
        directory / f"{stem}{suffix}"
        for suffix in JUDGE_PROGRAM_LANGUAGES
        if (directory / f"{stem}{suffix}").exists()
    ]
    if len(present) > 1:
        names = ", ".join(path.name for path in present)
        found.add(directory, f"more than one {stem}: {names}")
        return None
    path = present[0] if present else directory / f"{stem}.py"
    source = found.text(path, required=required)
    if source is None:
        return None
    return _program(source, Language.parse(JUDGE_PROGRAM_LANGUAGES[path.suffix]), files)


def _read_incorrect(
    directory: Path, config: _ProblemConfig | None, found: _Collector, files: dict[str, str]
) -> list[IncorrectSubmission]:
    toml = directory.parent / "problem.toml"
    settings = config.incorrect if config else {}
    if not directory.is_dir():
        found.add(directory, "missing: a package needs at least one incorrect submission")
        return []
    sources: dict[str, Path] = {}
    fail_inputs: dict[str, Path] = {}
    for path in _entries(directory):
        if path.name.endswith(FAIL_SUFFIX):
            fail_inputs[path.name.removesuffix(FAIL_SUFFIX)] = path
        elif path.suffix in SOURCE_EXTENSIONS and path.is_file():
            if not re.match(ID_PATTERN, path.stem):
                found.add(path, "bad name: use letters, digits, '_', '.' and '-'")
            elif path.stem in sources:
                found.add(
                    path,
                    f"two sources named {path.stem!r}: {sources[path.stem].name} and {path.name}",
                )
            else:
                sources[path.stem] = path
        else:
            found.add(
                path,
                f"unexpected file: expected a source (<name>.cpp, .c, .py, ...) or "
                f"<name>{FAIL_SUFFIX}",
            )
    if not sources and not fail_inputs:
        found.add(directory, "no incorrect submissions")
    for name in sorted(fail_inputs.keys() - sources.keys()):
        found.add(fail_inputs[name], f"failing input without a submission named {name!r}")
    for name in sorted(settings.keys() - sources.keys()):
        found.add(
            toml, f"no submission incorrect/{name}.cpp or incorrect/{name}.py", f"incorrect.{name}"
        )

    submissions = []
    for name, path in sorted(sources.items()):
        setting = settings.get(name, _SubmissionConfig())
        language = _language(setting.language, path, found, toml, f"incorrect.{name}.language")
        source = found.text(path)
        fail_path = directory / f"{name}{FAIL_SUFFIX}"
        if name not in fail_inputs:
            found.add(fail_path, "missing: every incorrect submission needs a known failing input")
            continue
        fail_input = found.text(fail_path)
        if fail_input is not None and not fail_input.strip():
            found.add(fail_path, "empty: the failing input must be a valid input")
            continue
        if language is None or source is None or fail_input is None:
            continue
        submissions.append(
            IncorrectSubmission(
                name=name,
                path=path,
                program=_program(source, language, files),
                language=setting.language or path.suffix.lstrip("."),
                bug=setting.bug,
                note=setting.note,
                author_rating=setting.author_rating,
                origin=setting.origin,
                fail_input=fail_input,
                fail_input_path=fail_path,
                fuzz=setting.fuzz,
            )
        )
    return submissions


class ProblemSet:
    """Every package under a directory: those that loaded, and the faults of the others.

    A broken package does not stop the others from loading; asking for one of its tasks
    raises ``PackageError`` with its faults.

    Args:
        root: the problems directory.
        problems: the packages that loaded, by directory name.
        errors: every fault of every package that did not.

    Example::

        problems = load_problems()
        for error in problems.errors:
            print(error)
        task = problems.task("charged-pair/int-overflow")
    """

    def __init__(self, root: Path, problems: list[Problem], errors: list[LoadError]):
        self.root = root
        self.problems = problems
        self.errors = errors
        self._by_id = {problem.id: problem for problem in problems}

    def tasks(self) -> list[Task]:
        """Every task of every loaded package, ordered by task id."""
        return [task for problem in self.problems for task in problem.tasks()]

    def broken(self) -> dict[str, list[LoadError]]:
        """The faults of each package that did not load, by directory name."""
        faults: dict[str, list[LoadError]] = {}
        for error in self.errors:
            faults.setdefault(error.package, []).append(error)
        return faults

    def problem(self, problem_id: str) -> Problem:
        """The problem ``problem_id``; ``PackageError`` if broken, else ``UnknownTaskError``."""
        if problem_id in self._by_id:
            return self._by_id[problem_id]
        broken = self.broken()
        if problem_id in broken:
            raise PackageError(problem_id, broken[problem_id])
        raise UnknownTaskError(
            f"unknown problem {problem_id!r}: there is no package {problem_id!r} in {self.root}"
        )

    def task(self, reference: str) -> Task:
        """A task by id (``<problem>/<name>``), or by problem id when it has one task
        (:func:`load_problems` shows both)."""
        problem_id, slash, name = reference.partition("/")
        problem = self.problem(problem_id)
        tasks = {task.submission.name: task for task in problem.tasks()}
        if slash:
            if name not in tasks:
                raise UnknownTaskError(
                    f"unknown task {reference!r}: problem {problem_id!r} has no incorrect "
                    f"submission {name!r} (it has: {', '.join(tasks)})"
                )
            return tasks[name]
        if len(tasks) != 1:
            ids = ", ".join(task.id for task in tasks.values())
            raise UnknownTaskError(
                f"problem {problem_id!r} has {len(tasks)} incorrect submissions; name one "
                f"task: {ids}"
            )
        return next(iter(tasks.values()))


def load_problems(root: Path | None = None) -> ProblemSet:
    """Load every package under ``root`` (default: ``default_problems_dir()``).

    Subdirectories whose names start with ``.`` or ``_`` are skipped, and so is
    ``pending/``. Raises ``ProblemsDirError`` only when ``root`` itself is not a directory.

    >>> problems = load_problems()                       # the bundled set
    >>> [task.id for task in problems.tasks()][:1]
    ['a-kindling-triangles/keep-44']
    >>> problems.task("ribbon-cut").id                   # a problem with one task
    'ribbon-cut/last-cut'
    """
    root = root if root is not None else default_problems_dir()
    if not root.is_dir():
        raise ProblemsDirError(f"problems directory {root} does not exist")
    problems: list[Problem] = []
    errors: list[LoadError] = []
    for directory in sorted(root.iterdir()):
        if not directory.is_dir() or directory.name.startswith((".", "_")):
            continue
        if directory.name in NOT_PACKAGES:
            continue
        try:
            problems.append(load_problem(directory))
        except PackageError as error:
            errors.extend(error.errors)
    return ProblemSet(root, problems, errors)
