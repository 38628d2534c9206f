"""Programs of a Kattis package: submissions by category and the language of each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import SourceFile, package_id

CPP_SUFFIXES = (".cpp", ".cc", ".cxx", ".c++")
PYTHON_SUFFIXES = (".py", ".py3")
SOURCE_SUFFIXES = (*CPP_SUFFIXES, *PYTHON_SUFFIXES, ".c")
"""Submissions refute runs: C++, C and Python 3 single files."""

HEADER_SUFFIXES = (".h", ".hpp", ".hh", ".hxx")

CPP_LANGUAGE = "C++20"
"""How Kattis-format C++ is compiled: BAPCtools and DOMjudge use C++20 or later, -O2."""

_SHORT = {"wrong_answer": "wa", "time_limit_exceeded": "tle", "run_time_error": "rte"}

_LANGUAGE_NAMES = {
    ".java": "Java",
    ".kt": "Kotlin",
    ".kts": "Kotlin",
    ".rs": "Rust",
    ".go": "Go",
    ".cs": "C#",
    ".fs": "F#",
    ".js": "JavaScript",
    ".ts": "TypeScript",
    ".hs": "Haskell",
    ".ml": "OCaml",
    ".scala": "Scala",
    ".rb": "Ruby",
    ".pl": "Perl",
    ".php": "PHP",
    ".lua": "Lua",
    ".pas": "Pascal",
    ".py2": "Python 2",
    ".sh": "shell",
    ".jl": "Julia",
    ".swift": "Swift",
    ".d": "D",
    ".f90": "Fortran",
    ".lisp": "Lisp",
    ".cbl": "COBOL",
    ".adb": "Ada",
    ".pdf": "not a program",
    ".txt": "not a program",
    ".md": "not a program",
    ".template": "not a program",
}


def language_name(suffix: str) -> str:
    """A language's name for the report, from a file suffix (``.java`` -> ``Java``)."""
    return _LANGUAGE_NAMES.get(suffix.lower(), suffix.lower() or "no extension")


@dataclass
class KattisSubmission:
    """A submission of one category; ``program`` is ``None`` when refute cannot run it,
    with ``reason`` and ``cause`` saying why."""

    name: str
    category: str
    path: Path
    program: SourceFile | None
    reason: str | None = None
    cause: str | None = None


def program_items(folder: Path) -> list[Path]:
    """Programs in a validators or submissions folder: files (not headers) and directories."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith(".")
        and (p.is_dir() or p.suffix.lower() not in HEADER_SUFFIXES)
        and p.name not in ("README", "README.md", "README.txt", "testdata.yaml")
    )


def validator_items(folder: Path) -> list[Path]:
    """The programs of a validators folder, leaving out what is no program at all
    (``validate.ctd.template``, notes): only the programs must number one."""
    return [
        item
        for item in program_items(folder)
        if item.is_dir() or language_name(item.suffix) != "not a program"
    ]


def main_source(item: Path, suffixes: tuple[str, ...]) -> Path | None:
    """A file program itself, or the one source of a directory program with ``suffixes``."""
    if item.is_file():
        return item if item.suffix.lower() in suffixes else None
    sources = [p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in suffixes]
    return sources[0] if len(sources) == 1 else None


def source_file(path: Path, text: str) -> SourceFile:
    """A C, C++ or Python source as the package writer's ``SourceFile``."""
    suffix = path.suffix.lower()
    if suffix in PYTHON_SUFFIXES:
        return SourceFile(source=text, extension="py")
    if suffix == ".c":
        return SourceFile(source=text, extension="c", language="C")
    return SourceFile(source=text, extension="cpp", language=CPP_LANGUAGE)


def read_program(path: Path) -> SourceFile | tuple[str, str]:
    """The program at ``path``, or why it cannot be one as ``(reason, cause)``."""
    source = main_source(path, SOURCE_SUFFIXES)
    if source is None:
        if path.is_dir():
            suffixes = {p.suffix.lower() for p in path.rglob("*") if p.is_file()}
            known = suffixes & set(SOURCE_SUFFIXES)
            if not known:
                names = sorted({language_name(s) for s in suffixes - set(HEADER_SUFFIXES)})
                name = names[0] if len(names) == 1 else "other"
                return f"a {name} submission: refute runs C, C++ or Python", f"language: {name}"
            return (
                "a multi-file submission: refute runs single-file C, C++ or Python programs",
                "multi-file submission",
            )
        if path.suffix.lower() in (".disabled", ".off", ".skip"):
            return "a disabled submission (renamed by its authors)", "disabled submission"
        name = language_name(path.suffix)
        return (
            f"unsupported language ({name}): refute runs C, C++ or Python 3",
            f"language: {name}",
        )
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text", "not UTF-8"
    if source.suffix.lower() in PYTHON_SUFFIXES and re.match(r"#!.*python2", text):
        return "Python 2 is not run", "language: Python 2"
    return source_file(source, text)


def read_submissions(directory: Path, categories: tuple[str, ...]) -> list[KattisSubmission]:
    """The submissions of ``categories`` (``submissions/<category>/``), named uniquely."""
    found: list[KattisSubmission] = []
    taken: set[str] = set()
    for category in categories:
        for item in program_items(directory / "submissions" / category):
            name = package_id(item.stem if item.is_file() else item.name, "submission")
            if name in taken:
                name = f"{name}-{_SHORT.get(category, category)}"
            while name in taken:
                name += "-2"
            taken.add(name)
            program = read_program(item)
            found.append(
                KattisSubmission(
                    name=name,
                    category=category,
                    path=item,
                    program=program if isinstance(program, SourceFile) else None,
                    reason=program[0] if isinstance(program, tuple) else None,
                    cause=program[1] if isinstance(program, tuple) else None,
                )
            )
    return found
