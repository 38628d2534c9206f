"""Test files of a Kattis package (``data/sample``, ``data/secret``, ...), read as text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..problems import package_id
from ._skip import Skip


@dataclass
class KattisTest:
    """One test: its name (file stem), path in the package (``data/secret/1.in``), input
    and, when the package has one, answer."""

    name: str
    path: str
    input: str
    answer: str | None = None


def natural(name: str) -> list[Any]:
    """Sort key that puts ``2`` before ``10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "surrogateescape")


def read_tests(folder: Path, *, answers: bool) -> list[KattisTest]:
    """The ``*.in`` files below ``folder`` (a ``data/<group>`` folder), in natural order;
    with ``answers`` each must have its ``.ans``."""
    if not folder.is_dir():
        return []
    tests = []
    for path in sorted(folder.rglob("*.in"), key=lambda p: natural(p.as_posix())):
        answer_path = path.with_suffix(".ans")
        answer = read_text(answer_path) if answer_path.is_file() else None
        relative = path.relative_to(folder.parent.parent).as_posix()
        if answers and answer is None:
            raise Skip(f"{relative} has no .ans", cause="no samples")
        tests.append(KattisTest(path.stem, relative, read_text(path), answer))
    return tests


def test_names(tests: list[KattisTest]) -> list[str]:
    """File names for tests: their stems, or their paths when two stems are the same."""
    stems = [package_id(test.name, "test") for test in tests]
    if len(set(stems)) == len(stems):
        return stems
    return [package_id(test.path.removeprefix("data/").removesuffix(".in")) for test in tests]


def by_size(test: KattisTest) -> tuple[int, str]:
    """Smallest first: by bytes, then by path."""
    return len(test.input.encode("utf-8", "surrogateescape")), test.path
