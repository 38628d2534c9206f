"""Where the bundled problem set is found, and what the loader leaves alone in a package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from refute.files import bundled_dir
from refute.problems import default_problems_dir, load_problem, load_problems


def test_the_default_is_the_bundled_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFUTE_PROBLEMS_DIR", raising=False)
    assert default_problems_dir() == bundled_dir("problems")
    assert load_problems().task("charged-pair/int-overflow").submission.bug == "integer overflow"


def test_refute_problems_dir_overrides_the_bundled_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REFUTE_PROBLEMS_DIR", str(tmp_path))
    assert default_problems_dir() == tmp_path


def test_bytecode_caches_beside_package_files_are_ignored(
    copy_package: Callable[[str], Path],
) -> None:
    package = copy_package("charged-pair")
    for folder in ("", "examples", "incorrect", "invalid"):
        cache = package / folder / "__pycache__"
        cache.mkdir()
        (cache / "validator.cpython-311.pyc").write_bytes(b"\0")
    problem = load_problem(package)
    assert [task.id for task in problem.tasks()] == [
        "charged-pair/int-overflow",
        "charged-pair/two-largest",
    ]
    assert len(problem.invalid_inputs) == 5


def test_a_bytecode_cache_beside_the_packages_is_not_a_package(
    problems_root: Path, copy_package: Callable[[str], Path]
) -> None:
    copy_package("charged-pair")
    (problems_root / "__pycache__").mkdir()
    problems = load_problems(problems_root)
    assert [p.id for p in problems.problems] == ["charged-pair"] and problems.errors == []
