"""Finding packages at any depth: ``find_packages``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refute.importers import ImportSourceError, find_packages

from .conftest import ARCHIVE, KATTIS


def test_packages_are_found_at_any_depth_below_an_archive_root() -> None:
    found = [p.relative_to(ARCHIVE).as_posix() for p in find_packages([ARCHIVE])]
    assert found == ["older/2030/contest/twice", "regional-2031/problems/maxpair"]


def test_a_package_given_itself_is_found(tmp_path: Path) -> None:
    assert find_packages([KATTIS / "sumoftwo"]) == [KATTIS / "sumoftwo"]


def test_parts_of_a_package_and_hidden_folders_are_not_searched(tmp_path: Path) -> None:
    package = tmp_path / "contest" / "p"
    shutil.copytree(KATTIS / "sumoftwo", package)
    for inside in ("data/secret/x", "submissions/accepted/x", ".git/x", "generators/x"):
        (package / inside).mkdir(parents=True)
        (package / inside / "problem.yaml").write_text("name: not a package\n")
    (tmp_path / ".cache" / "q").mkdir(parents=True)
    (tmp_path / ".cache" / "q" / "problem.yaml").write_text("name: hidden\n")
    assert find_packages([tmp_path]) == [package]


def test_a_folder_without_packages_is_a_fault_naming_it(tmp_path: Path) -> None:
    (tmp_path / "empty" / "data").mkdir(parents=True)
    with pytest.raises(ImportSourceError, match=r"no problem\.yaml in it or below"):
        find_packages([tmp_path / "empty"])
    with pytest.raises(ImportSourceError, match="no such directory"):
        find_packages([tmp_path / "missing"])


def test_a_package_named_twice_is_found_once() -> None:
    assert find_packages([KATTIS / "sumoftwo", KATTIS]).count(KATTIS / "sumoftwo") == 1
