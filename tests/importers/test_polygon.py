"""Importing Polygon packages: each fixture package holds the cases of one kind.

- ``stored``: tests stored under ``tests/`` with CRLF line endings, the statement in
  ``statement-sections/``, a testlib validator (and its invalid test), the standard
  ``std::ncmp.cpp`` checker, a main solution that compiles only on Windows (an accepted
  one is the reference); wrong solutions refuted by a test, refuted only by a test
  the validator rejects, failing the sample, in Java, and one tagged as maybe correct.
- ``generated``: every test made by the package's generator (one in the script form
  ``gen ... > $``), the statement in olymp.sty ``problem.tex``, a custom testlib checker,
  a Python reference, a solution that never ends on a long input.

Broken packages are copies of these with one fault each. The fixtures' ``testlib.h`` is a
small header of our own with testlib's names, not testlib.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from refute.importers import (
    IMPORT_REPORT_FILE,
    ImportEntry,
    ImportReport,
    ImportSourceError,
    ImportStatus,
    find_polygon_packages,
    import_polygon,
)
from refute.importers._cache import CACHE_DIR
from refute.judge import Judge, check_task
from refute.problems import load_problem
from refute.sandbox import Sandbox

from .conftest import FIXTURES

POLYGON = FIXTURES / "polygon"


@pytest.fixture(scope="module")
async def imported(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ImportReport]:
    out = tmp_path_factory.mktemp("polygon") / "out"
    return out, await import_polygon([POLYGON], out, Judge(sandbox.judge))


def entry(report: ImportReport, id: str) -> ImportEntry:
    (found,) = [e for e in report.entries if e.id == id]
    return found


def copy(name: str, target: Path, short_name: str) -> Path:
    """A copy of a fixture package under ``target`` with another ``short-name``."""
    shutil.copytree(POLYGON / name, target)
    xml = target / "problem.xml"
    text = xml.read_text(encoding="utf-8")
    xml.write_text(text.replace('short-name="', f'short-name="{short_name}" old="', 1))
    return target


# -- what is written -----------------------------------------------------------------


async def test_wrong_solutions_refuted_by_a_test_become_tasks(
    imported: tuple[Path, ImportReport],
) -> None:
    _, report = imported
    assert report.ok
    assert report.tasks() == [
        "sum-of-numbers/overflow",
        "sum-of-numbers/stuck",
        "largest-number/zero-start",
    ]
    assert entry(report, "largest-number").status is ImportStatus.WRITTEN


async def test_imported_tasks_pass_the_checks_of_problems_check(
    imported: tuple[Path, ImportReport], sandbox: Sandbox
) -> None:
    out, _ = imported
    judge = Judge(sandbox.judge)
    for name in ("largest-number", "sum-of-numbers"):
        for task in load_problem(out / name).tasks():
            checked = await check_task(judge, task)
            assert checked.ok, (task.id, checked.reasons)


async def test_stored_tests_and_examples_get_lf_line_endings(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    package = out / "largest-number"
    assert (package / "examples" / "1.in").read_bytes() == b"4\n3 -1 7 2\n"
    assert (package / "examples" / "1.ans").read_bytes() == b"7\n"
    assert (package / "incorrect" / "zero-start.fail.in").read_bytes() == b"3\n-5 -2 -9\n"


async def test_statement_sections_become_markdown_with_math_kept(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    text = (out / "largest-number" / "statement.md").read_text()
    assert text.startswith("# Largest Number\n\nYou are given $n$ integers $a_1, a_2, \\ldots")
    assert "Find the **largest** of them." in text
    assert "## Input\n\nThe first line holds $n$ ($1 \\le n \\le 10$)." in text
    assert "## Output\n\nPrint the largest $a_i$." in text
    assert "## Note\n\nIn the first example" in text
    assert "\r" not in text


async def test_olymp_problem_tex_becomes_markdown_without_its_examples(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    text = (out / "sum-of-numbers" / "statement.md").read_text()
    assert text.startswith("# Sum of Numbers\n\nAdd up $n$ numbers $a_1, \\ldots, a_n$.")
    assert "## Output\n\nPrint $\\sum_{i=1}^{n} a_i$." in text
    assert "## Note\n\nThe sum may not fit" in text
    for gone in ("\\begin{problem}", "standard input", "\\exmp", "1 2 3", "\\InputFile"):
        assert gone not in text


async def test_a_standard_checker_with_a_built_in_equivalent_is_not_compiled(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    assert not list((out / "largest-number").glob("checker.*"))


async def test_a_custom_checker_is_written_with_the_package_testlib_header(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    package = out / "sum-of-numbers"
    ours = (POLYGON / "generated" / "files" / "check.cpp").read_text()
    assert (package / "checker.cpp").read_text() == ours
    header = (package / "include" / "testlib.h").read_text()
    assert header.endswith((POLYGON / "generated" / "files" / "testlib.h").read_text())


async def test_generated_tests_come_from_the_package_generator(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    package = out / "sum-of-numbers"
    failing = (package / "incorrect" / "overflow.fail.in").read_text()
    count, numbers = failing.splitlines()
    assert count == "4"  # test 3, ``gen 4 1000000000 > $``: the smallest that overflows
    assert all(500_000_000 <= int(x) <= 1_000_000_000 for x in numbers.split())
    _, *sample = map(int, (package / "examples" / "1.in").read_text().split())
    assert (package / "examples" / "1.ans").read_text() == f"{sum(sample)}\n"  # the reference's
    assert "refuted by tests/03" in (package / "problem.toml").read_text()


async def test_an_accepted_solution_is_the_reference_when_main_does_not_compile_here(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    reference = (out / "largest-number" / "reference.cpp").read_text()
    assert reference == (POLYGON / "stored" / "solutions" / "main.cpp").read_text()


async def test_a_solution_refuted_by_time_is_refuted_with_twice_the_limit_too(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    failing = (out / "sum-of-numbers" / "incorrect" / "stuck.fail.in").read_text()
    assert failing.startswith("100\n")  # test 4: the only one with n > 50


async def test_validator_tests_with_verdict_invalid_become_invalid_inputs(
    imported: tuple[Path, ImportReport],
) -> None:
    out, _ = imported
    assert (out / "largest-number" / "invalid" / "validator-01.in").read_text() == "0\n\n"


# -- what is skipped, and why --------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "reason", "cause"),
    [
        (
            "largest-number/first-ten",
            "no test refutes it: 3 tests tried (1 rejected by the validator)",
            "no test refutes it",
        ),
        (
            "largest-number/smallest",
            "fails sample 1 (trivially refutable): wrong answer",
            "fails a sample",
        ),
        (
            "largest-number/Main",
            "unsupported language (java11): C, C++ or Python 3 only",
            "language: Java",
        ),
        (
            "largest-number/careful",
            "tag time-limit-exceeded-or-accepted: not a wrong solution",
            "not wrong",
        ),
    ],
)
async def test_solutions_that_cannot_be_tasks_are_reported_with_the_cause(
    imported: tuple[Path, ImportReport], task: str, reason: str, cause: str
) -> None:
    _, report = imported
    found = entry(report, task)
    assert found.status is ImportStatus.SKIPPED
    assert found.reasons[0].startswith(reason)
    assert (found.kind, found.cause) == ("submission", cause)


async def test_the_summary_by_cause_counts_each_skipped_solution(
    imported: tuple[Path, ImportReport],
) -> None:
    out, report = imported
    rows = {row.cause: (row.problems, row.submissions) for row in report.causes()}
    assert rows == {
        "no test refutes it": (0, 1),
        "fails a sample": (0, 1),
        "language: Java": (0, 1),
        "not wrong": (0, 1),
    }
    written = json.loads((out / IMPORT_REPORT_FILE).read_text())
    assert {"cause": "language: Java", "problems": 0, "submissions": 1} in written["causes"]
    assert entry(report, "largest-number").submissions == 3  # its wrong C++/Python solutions


# -- the custom checker's protocol ---------------------------------------------------


@pytest.mark.parametrize(
    ("output", "answer", "code", "accepted", "failed"),
    [
        ("15\n", "15\n", 0, True, False),
        ("14\n", "15\n", 1, False, False),  # wrong answer
        ("fifteen\n", "15\n", 2, False, False),  # presentation error: not a number
        ("15 16\n", "15\n", 2, False, False),  # presentation error: more output
        ("15\n", "-1\n", 3, False, True),  # the jury's answer is wrong: a judge error
    ],
)
async def test_a_testlib_checker_decides_by_its_exit_code(
    imported: tuple[Path, ImportReport],
    sandbox: Sandbox,
    output: str,
    answer: str,
    code: int,
    accepted: bool,
    failed: bool,
) -> None:
    out, _ = imported
    problem = load_problem(out / "sum-of-numbers")
    result, run = await Judge(sandbox.judge).check(problem, "2\n7 8\n", output, answer)
    assert run is not None and run.exit_code == code, run
    assert (result.accepted, result.failed) == (accepted, failed), result.message


# -- broken packages -----------------------------------------------------------------


@pytest.fixture(scope="module")
async def broken(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    root = tmp_path_factory.mktemp("broken")
    bad_xml = copy("stored", root / "bad-xml", "bad-xml")
    (bad_xml / "problem.xml").write_text("<problem><names></problem>\n")
    missing = copy("stored", root / "missing", "missing-file")
    (missing / "files" / "val.cpp").unlink()
    (missing / "solutions" / "smallest.py").unlink()
    crashing = copy("generated", root / "crashing", "crashing-generator")
    xml = crashing / "problem.xml"
    xml.write_text(xml.read_text().replace('cmd="gen 5 10"', 'cmd="gen 0 10"'))
    interactive = copy("stored", root / "interactive", "interactive")
    xml = interactive / "problem.xml"
    xml.write_text(xml.read_text().replace("<assets>", '<assets><interactor type="testlib"/>'))
    alone = copy("stored", root / "no-reference", "no-reference")
    xml = alone / "problem.xml"
    xml.write_text(xml.read_text().replace('tag="accepted"', 'tag="rejected"'))
    lost = copy("stored", root / "lost-test", "lost-test")
    (lost / "tests" / "03").unlink()
    return await import_polygon([root], root / "out", Judge(sandbox.judge))


@pytest.mark.parametrize(
    ("id", "reason", "cause"),
    [
        ("bad-xml", "problem.xml does not parse: mismatched tag: line 1", "bad package"),
        (
            "missing-file",
            "the validator files/val.cpp, named in problem.xml, is not in the package",
            "missing file",
        ),
        (
            "crashing-generator",
            "generator gen fails on test 2 (gen 0 10): RUNTIME_ERROR",
            "generator failed",
        ),
        ("interactive", "interactive problem", "interactive"),
        (
            "no-reference",
            "no main or accepted solution runs on the first example: "
            "solutions/windows-only.cpp: COMPILE_ERROR",
            "reference does not run",
        ),
    ],
)
async def test_a_broken_package_is_skipped_with_the_fault(
    broken: ImportReport, id: str, reason: str, cause: str
) -> None:
    found = entry(broken, id)
    assert found.status is ImportStatus.SKIPPED
    assert found.reasons[0].startswith(reason), found.reasons
    assert (found.kind, found.cause) == ("problem", cause)


async def test_a_manual_test_the_package_lacks_is_left_out_with_a_note(
    broken: ImportReport,
) -> None:
    lost = entry(broken, "lost-test")
    assert lost.status is ImportStatus.WRITTEN
    assert lost.notes == ["missing test: 1 manual tests the package lacks, left out (tests/03)"]
    assert lost.tasks == ["lost-test/zero-start"]  # refuted by tests/02, which it has
    rows = {row.cause: row.problems for row in broken.causes()}
    assert rows["partly imported: missing test"] == 1


async def test_a_package_skipped_whole_counts_the_solutions_it_cost(
    broken: ImportReport,
) -> None:
    interactive = entry(broken, "interactive")
    assert interactive.submissions == 3  # zero-start.cpp, first-ten.py, smallest.py
    java = entry(broken, "interactive/Main")
    assert (java.kind, java.cause) == ("submission", "language: Java")
    rows = {row.cause: row.submissions for row in broken.causes()}
    assert rows["interactive"] == 3


# -- where packages are found --------------------------------------------------------


async def test_a_missing_solution_file_skips_that_solution_only(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    package = copy("stored", tmp_path / "p", "one-missing")
    (package / "solutions" / "smallest.py").unlink()
    report = await import_polygon([package], tmp_path / "out", Judge(sandbox.judge))
    assert entry(report, "one-missing").tasks == ["one-missing/zero-start"]
    assert entry(report, "one-missing/smallest").reasons == [
        "the solution solutions/smallest.py, named in problem.xml, is not in the package"
    ]


async def test_without_sample_tests_the_statement_examples_are_the_examples(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    package = copy("stored", tmp_path / "p", "statement-examples")
    xml = package / "problem.xml"
    xml.write_text(xml.read_text().replace(' sample="true"', ""))
    (package / "statements" / "english").mkdir(parents=True)
    (package / "statements" / "english" / "example.01").write_bytes(b"2\r\n5 6\r\n")
    (package / "statements" / "english" / "example.01.a").write_bytes(b"6\r\n")
    report = await import_polygon([package], tmp_path / "out", Judge(sandbox.judge))
    assert entry(report, "statement-examples").status is ImportStatus.WRITTEN
    examples = tmp_path / "out" / "statement-examples" / "examples"
    assert sorted(p.name for p in examples.iterdir()) == ["1.ans", "1.in"]
    assert (examples / "1.in").read_bytes() == b"2\n5 6\n"
    assert (examples / "1.ans").read_bytes() == b"6\n"


async def test_without_any_examples_the_first_test_is_the_example(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    package = copy("stored", tmp_path / "p", "first-test")
    xml = package / "problem.xml"
    xml.write_text(xml.read_text().replace(' sample="true"', ""))
    report = await import_polygon([package], tmp_path / "out", Judge(sandbox.judge))
    examples = tmp_path / "out" / "first-test" / "examples"
    assert (examples / "1.in").read_bytes() == b"4\n3 -1 7 2\n"
    assert entry(report, "first-test").tasks == ["first-test/zero-start"]


async def test_a_zip_file_is_imported_as_the_folder_it_holds(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    archive = tmp_path / "largest.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((POLYGON / "stored").rglob("*")):
            if path.is_file():
                zipped.write(path, Path("largest") / path.relative_to(POLYGON / "stored"))
    report = await import_polygon([archive], tmp_path / "out", Judge(sandbox.judge))
    found = entry(report, "largest-number")
    assert found.status is ImportStatus.WRITTEN
    assert found.tasks == ["largest-number/zero-start"]
    assert entry(report, "largest-number/Main").source.startswith(str(archive))


def test_packages_are_found_at_any_depth_and_not_inside_a_package(tmp_path: Path) -> None:
    shutil.copytree(POLYGON / "stored", tmp_path / "contest" / "day1" / "a")
    shutil.copytree(POLYGON / "generated", tmp_path / "contest" / "day2" / "b")
    (tmp_path / "contest" / "day1" / "a" / "files" / "problem.xml").write_text("<problem/>")
    assert find_polygon_packages([tmp_path]) == [
        tmp_path / "contest" / "day1" / "a",
        tmp_path / "contest" / "day2" / "b",
    ]


def test_a_path_without_packages_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match=r"no problem\.xml in it or below"):
        find_polygon_packages([tmp_path])
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    with pytest.raises(ImportSourceError, match=r"broken\.zip: not a readable \.zip file"):
        find_polygon_packages([tmp_path / "broken.zip"])


def packages(out: Path) -> dict[Path, bytes]:
    """Every file of the packages in ``out`` (not the report, not the cache)."""
    return {
        p: p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != IMPORT_REPORT_FILE and CACHE_DIR not in p.parts
    }


async def test_a_second_import_changes_nothing_and_runs_nothing(
    imported: tuple[Path, ImportReport], sandbox: Sandbox
) -> None:
    out, first = imported
    before = packages(out)
    again = await import_polygon([POLYGON], out, Judge(sandbox.judge))
    for id in ("largest-number", "sum-of-numbers"):
        assert entry(again, id).status is ImportStatus.UNCHANGED
        assert entry(again, id).cached
    assert packages(out) == before
    assert [(e.id, e.cause) for e in again.entries] == [(e.id, e.cause) for e in first.entries]


async def test_a_reimport_of_a_changed_package_keeps_the_failing_input_it_found(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    package = copy("stored", tmp_path / "p", "kept-input")
    judge = Judge(sandbox.judge)
    report = await import_polygon([package], tmp_path / "out", judge)
    assert entry(report, "kept-input").status is ImportStatus.WRITTEN
    failing = tmp_path / "out" / "kept-input" / "incorrect" / "zero-start.fail.in"
    assert failing.read_text() == "3\n-5 -2 -9\n"  # tests/02
    # A new test, smaller than tests/02, that refutes zero-start too.
    (package / "tests" / "05").write_bytes(b"1\r\n-7\r\n")
    xml = package / "problem.xml"
    text = xml.read_text().replace("<test-count>4<", "<test-count>5<")
    xml.write_text(text.replace("</tests>", '<test method="manual"/></tests>', 1))
    fresh = await import_polygon([package], tmp_path / "fresh", judge)
    assert entry(fresh, "kept-input").status is ImportStatus.WRITTEN
    assert (tmp_path / "fresh" / "kept-input" / "incorrect" / "zero-start.fail.in").read_text() == (
        "1\n-7\n"
    )
    before = packages(tmp_path / "out")
    again = await import_polygon([package], tmp_path / "out", judge)
    assert entry(again, "kept-input").status is ImportStatus.UNCHANGED
    assert not entry(again, "kept-input").cached  # the package changed: it was judged again
    assert packages(tmp_path / "out") == before


async def test_the_search_can_try_the_largest_tests_first(sandbox: Sandbox, tmp_path: Path) -> None:
    package = copy("generated", tmp_path / "p", "largest-first")
    report = await import_polygon(
        [package], tmp_path / "out", Judge(sandbox.judge), order="largest"
    )
    assert entry(report, "largest-first").status is ImportStatus.WRITTEN
    failing = (tmp_path / "out" / "largest-first" / "incorrect" / "overflow.fail.in").read_text()
    assert failing.startswith("100\n")  # test 4, not test 3 as smallest first
