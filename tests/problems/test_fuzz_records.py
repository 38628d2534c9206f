"""Fuzzability records: written into problem.toml without disturbing it, read back, aged."""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import tomlkit

from refute.problems import (
    Fuzzability,
    FuzzBudget,
    FuzzRecord,
    PackageError,
    load_problem,
    write_fuzz_records,
)

BUDGET = FuzzBudget(inputs=400, attempts=1, seed=0, wall_s=60)
WHEN = datetime.datetime(2026, 12, 1, 3, 4, 5, tzinfo=datetime.UTC)
COMMENT = "# kept by hand: this comment must survive a rewrite\n"


def record(fingerprint: str, *, found: bool = True) -> FuzzRecord:
    return FuzzRecord(
        found=found,
        inputs=13,
        attempts=1,
        valid_rate=0.5,
        budget=BUDGET,
        when=WHEN,
        fingerprint=fingerprint,
    )


@pytest.fixture
def package(copy_package: Callable[[str], Path]) -> Path:
    """charged-pair without records, and with a hand-written comment in problem.toml."""
    root = copy_package("charged-pair")
    toml = root / "problem.toml"
    document = tomlkit.parse(toml.read_text())
    for entry in document["incorrect"].values():
        entry.pop("fuzz", None)
    toml.write_text(COMMENT + tomlkit.dumps(document))
    return root


def test_a_package_without_records_has_unknown_fuzzability(package: Path) -> None:
    for task in load_problem(package).tasks():
        assert task.submission.fuzz is None
        assert task.fuzzability is Fuzzability.UNKNOWN


def test_a_written_record_reads_back_equal(package: Path) -> None:
    problem = load_problem(package)
    task = problem.tasks()[0]
    write_fuzz_records(problem, {task.submission.name: record(task.fingerprint)})
    again = load_problem(package).tasks()[0]
    assert again.submission.fuzz == record(task.fingerprint)
    assert again.fuzzability is Fuzzability.FOUND
    assert load_problem(package).tasks()[1].fuzzability is Fuzzability.UNKNOWN


def test_writing_keeps_every_other_line_and_comment(package: Path) -> None:
    toml = package / "problem.toml"
    before = toml.read_text()
    problem = load_problem(package)
    tasks = problem.tasks()
    write_fuzz_records(problem, {t.submission.name: record(t.fingerprint) for t in tasks})
    after = toml.read_text()
    assert after.startswith(COMMENT)
    kept = iter(after.splitlines())
    assert all(line in kept for line in before.splitlines())  # in order, none lost
    data, old = tomllib.loads(after), tomllib.loads(before)
    for name in old["incorrect"]:
        assert data["incorrect"][name].pop("fuzz")["found"] is True
    assert data == old


def test_rewriting_a_record_replaces_it_in_place(package: Path) -> None:
    problem = load_problem(package)
    task = problem.tasks()[0]
    write_fuzz_records(problem, {task.submission.name: record(task.fingerprint)})
    once = (package / "problem.toml").read_text()
    write_fuzz_records(problem, {task.submission.name: record(task.fingerprint, found=False)})
    twice = (package / "problem.toml").read_text()
    assert twice == once.replace("found = true", "found = false", 1)
    assert load_problem(package).tasks()[0].fuzzability is Fuzzability.MISSED


@pytest.mark.parametrize("changed", ["incorrect/int-overflow.cpp", "reference.cpp", "validator.py"])
def test_a_record_goes_stale_when_what_it_measured_changes(package: Path, changed: str) -> None:
    problem = load_problem(package)
    task = next(t for t in problem.tasks() if t.submission.name == "int-overflow")
    write_fuzz_records(problem, {"int-overflow": record(task.fingerprint)})
    path = package / changed
    path.write_text(path.read_text() + ("\n# edited\n" if changed.endswith(".py") else "\n// x\n"))
    again = next(t for t in load_problem(package).tasks() if t.submission.name == "int-overflow")
    assert again.submission.fuzz is not None and again.submission.fuzz.found
    assert again.fuzzability is Fuzzability.UNKNOWN


def test_a_malformed_record_names_its_field(package: Path) -> None:
    toml = package / "problem.toml"
    toml.write_text(toml.read_text() + "\n[incorrect.int-overflow.fuzz]\nfound = 'perhaps'\n")
    with pytest.raises(PackageError) as raised:
        load_problem(package)
    fields = {error.field for error in raised.value.errors}
    assert "incorrect.int-overflow.fuzz.found" in fields
    assert "incorrect.int-overflow.fuzz.budget" in fields


def test_a_record_for_an_unknown_submission_is_refused(package: Path) -> None:
    problem = load_problem(package)
    with pytest.raises(ValueError, match="no incorrect submission named ghost"):
        write_fuzz_records(problem, {"ghost": record("sha256:0")})
