"""Importing Kattis problem packages: the fixture folder holds one package per behaviour.

- ``sumoftwo``: LaTeX statement with math and a table, a ``.ctd`` validator, invalid
  inputs, the default output validator; wrong answers that fail a sample, that no test
  refutes, in Java.
- ``average``: Markdown statement, a C++ validator with a shipped header, a float
  tolerance from ``validator_flags``, a time-limit-exceeded submission.
- ``divisor``: a Python validator and a custom output validator in C++ with a header,
  each folder also holding a file that is no program (a ``.template``, notes).
- ``badsamples``: a validator that rejects the sample. ``guess``: an interactive problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.importers import ImportEntry, ImportReport, ImportStatus, import_kattis
from refute.importers._kattis import read_package
from refute.judge import Judge, check_task
from refute.problems import load_problem
from refute.sandbox import Sandbox

from .conftest import KATTIS

CATEGORIES = ("wrong_answer", "time_limit_exceeded")


@pytest.fixture(scope="module")
async def imported(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ImportReport]:
    """The whole fixture folder, imported once (time-limit-exceeded submissions too)."""
    out = tmp_path_factory.mktemp("kattis") / "out"
    report = await import_kattis([KATTIS], out, Judge(sandbox.judge), categories=CATEGORIES)
    return out, report


def entry(report: ImportReport, id: str) -> ImportEntry:
    (found,) = [e for e in report.entries if e.id == id]
    return found


# -- what is written -----------------------------------------------------------------


async def test_importable_problems_are_written_with_their_tasks(
    imported: tuple[Path, ImportReport],
) -> None:
    out, report = imported
    assert report.tasks() == [
        "average/floor",
        "average/slow",
        "divisor/small-only",
        "sumoftwo/zero-b",
    ]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "average",
        "divisor",
        "import-report.json",
        "sumoftwo",
    ]


@pytest.mark.parametrize("problem_id", ["sumoftwo", "average", "divisor"])
async def test_written_packages_load_and_pass_the_checks(
    imported: tuple[Path, ImportReport], judge: Judge, problem_id: str
) -> None:
    problem = load_problem(imported[0] / problem_id)
    for task in problem.tasks():
        checked = await check_task(judge, task)
        assert checked.reasons == []


def test_latex_statement_becomes_markdown(imported: tuple[Path, ImportReport]) -> None:
    statement = load_problem(imported[0] / "sumoftwo").statement
    assert statement.text.startswith("# Sum of Two\n")
    assert "print $a + b$. *Nothing* more:\nthe **whole** answer" in statement.legend
    assert "| $a$ | $b$ |\n|---|---|\n| $0 \\le a \\le 100$ | $0 \\le b \\le 100$ |" in (
        statement.legend
    )
    assert statement.input.startswith("One line with two integers $a$ and $b$")
    assert statement.output == "- One line with the integer $a + b$."


def test_markdown_statement_is_kept(imported: tuple[Path, ImportReport]) -> None:
    statement = load_problem(imported[0] / "average").statement
    assert statement.text.startswith("# Average Temperature\n\nPrint the average of $n$")
    assert statement.output.startswith("The average, with an absolute or relative error")


def test_provenance_license_and_authors_are_kept(imported: tuple[Path, ImportReport]) -> None:
    problem = load_problem(imported[0] / "sumoftwo")
    assert problem.source == "refute test fixtures"
    assert problem.url == "https://example.org/sumoftwo"
    assert problem.license == "cc by-sa"
    assert problem.attribution is not None and "author: Ada Tester" in problem.attribution
    assert "rights owner: The refute authors" in problem.attribution
    assert problem.tags == ("arithmetic", "easy")
    assert (problem.time_limit_ms, problem.memory_limit_mb) == (1000, 256)
    assert problem.origin is not None and problem.origin.importer == "kattis"
    assert problem.incorrect[0].origin == "submissions/wrong_answer/zero-b.py"


def test_failing_input_is_the_smallest_test_that_refutes(
    imported: tuple[Path, ImportReport],
) -> None:
    (submission,) = load_problem(imported[0] / "sumoftwo").incorrect
    assert submission.fail_input == "9 0\n"  # data/secret/group1/big-zero.in refutes it too
    assert submission.note is not None and "small-zero.in" in submission.note


def test_invalid_inputs_are_kept_for_the_validator_checks(
    imported: tuple[Path, ImportReport],
) -> None:
    problem = load_problem(imported[0] / "sumoftwo")
    assert [(e.name, e.input) for e in problem.invalid_inputs] == [
        ("out-of-range", "101 0\n"),
        ("two-spaces", "3  4\n"),
    ]


def test_float_tolerance_comes_from_validator_flags(imported: tuple[Path, ImportReport]) -> None:
    problem = load_problem(imported[0] / "average")
    assert problem.checker is None
    assert problem.checker_settings.abs_tolerance == 1e-6
    assert problem.checker_settings.rel_tolerance == 1e-6


def test_time_limit_exceeded_submission_is_a_task_when_asked(
    imported: tuple[Path, ImportReport],
) -> None:
    problem = load_problem(imported[0] / "average")
    assert [s.name for s in problem.incorrect] == ["floor", "slow"]
    assert problem.incorrect[1].fail_input == "3\n1 2 3\n"  # odd n: the slow path
    names = [s.name for s in read_package(KATTIS / "average").submissions]
    assert names == ["floor"]  # by default, wrong answers only


# -- validators ------------------------------------------------------------------------


async def test_ctd_validator_is_translated_to_python(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    out = imported[0]
    assert not (out / "sumoftwo" / "validator.cpp").exists()
    problem = load_problem(out / "sumoftwo")
    assert (await judge.validate(problem, "3 4\n")).valid
    rejected = await judge.validate(problem, "3 400\n")
    assert not rejected.valid
    assert "sum_ctd.py rejects the input" in rejected.message


async def test_cpp_validator_has_its_header_inlined(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    out = imported[0]
    source = (out / "average" / "validator.cpp").read_text()
    assert '#include "validate.h"' not in source
    assert "static long long read_int(" in source
    problem = load_problem(out / "average")
    assert (await judge.validate(problem, "2\n-1000 7\n")).valid
    rejected = await judge.validate(problem, "2\n1 2 3\n")
    assert not rejected.valid and "expected a line break" in rejected.message


async def test_python_validator_and_cpp_output_validator_are_adapted(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    problem = load_problem(imported[0] / "divisor")
    assert problem.checker is not None and problem.checker.language.compiled
    assert not (await judge.validate(problem, "1\n")).valid
    accepted, _ = await judge.check(problem, "12\n", "3\n", "2\n")  # any divisor will do
    rejected, _ = await judge.check(problem, "12\n", "5\n", "2\n")
    assert accepted.accepted and "checked the divisor" in accepted.message
    assert not rejected.accepted and not rejected.failed


# -- what is skipped -------------------------------------------------------------------


def test_wrong_submissions_that_cannot_be_tasks_are_skipped_with_reasons(
    imported: tuple[Path, ImportReport],
) -> None:
    report = imported[1]
    reasons = {e.id: e.reasons[0] for e in report.entries if e.status is ImportStatus.SKIPPED}
    assert reasons["sumoftwo/max-twice"].startswith("fails sample 1 (trivially refutable)")
    assert reasons["sumoftwo/roundabout"] == "no test refutes it: 3 tests tried"
    assert reasons["sumoftwo/Sum"] == "unsupported language (Java): refute runs C, C++ or Python 3"
    causes = {e.id: e.cause for e in report.entries if e.status is ImportStatus.SKIPPED}
    assert causes["sumoftwo/Sum"] == "language: Java"
    assert causes["sumoftwo/max-twice"] == "fails a sample"
    assert causes["sumoftwo/roundabout"] == "no test refutes it"


def test_validator_rejecting_a_sample_skips_the_problem(
    imported: tuple[Path, ImportReport],
) -> None:
    skipped = entry(imported[1], "badsamples")
    assert skipped.status is ImportStatus.SKIPPED
    assert skipped.reasons == [
        "the input validator rejects sample 1: range.py rejects the input (exit 43)"
    ]


def test_interactive_problem_is_skipped(imported: tuple[Path, ImportReport]) -> None:
    skipped = entry(imported[1], "guess")
    assert skipped.status is ImportStatus.SKIPPED
    assert skipped.reasons[0].startswith("interactive problem")


def test_report_is_written_and_the_import_is_ok(imported: tuple[Path, ImportReport]) -> None:
    out, report = imported
    assert ImportReport.model_validate_json((out / "import-report.json").read_text()) == report
    assert report.ok


async def test_importing_again_changes_nothing(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    out = imported[0]
    before = {p: p.read_bytes() for p in (out / "sumoftwo").rglob("*") if p.is_file()}
    report = await import_kattis([KATTIS / "sumoftwo"], out, judge)
    assert entry(report, "sumoftwo").status is ImportStatus.UNCHANGED
    after = {p: p.read_bytes() for p in (out / "sumoftwo").rglob("*") if p.is_file()}
    assert after == before


def test_answers_with_nan_or_inf_keep_kattis_case_rules_under_a_tolerance() -> None:
    """Kattis compares words in any case: with ``NaN`` in an answer, a tolerance alone
    (numbers only) would reject a reference printing ``nan``."""
    from refute.importers._kattis_tests import KattisTest
    from refute.importers._kattis_validators import default_checker

    flags = ["float_tolerance", "1e-6"]
    numbers = [KattisTest(name="1", path="data/sample/1.in", input="", answer="0.5 1e3\n")]
    special = [KattisTest(name="2", path="data/sample/2.in", input="", answer="inf 0 NaN\n")]
    program, settings = default_checker("fixture", flags, numbers)
    assert program is None and settings.abs_tolerance == 1e-6
    program, _ = default_checker("fixture", flags, special)
    assert program is not None and program.extension == "py"
