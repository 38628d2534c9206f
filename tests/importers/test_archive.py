"""A whole archive imported from its root: nested packages, generators.yaml, headers of the
package's own, Boost, ``.py3``, a validator that rejects a test, a generator that crashes,
the summary by cause and the import cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refute.importers import ImportReport, ImportStatus, import_kattis
from refute.judge import Judge, check_task
from refute.problems import load_problem
from refute.sandbox import Sandbox

from .conftest import ARCHIVE


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("archive") / "archive"
    shutil.copytree(ARCHIVE, copy)
    return copy


@pytest.fixture(scope="module")
async def imported(sandbox: Sandbox, archive: Path) -> tuple[Path, ImportReport]:
    out = archive.parent / "out"
    report = await import_kattis([archive], out, Judge(sandbox.judge))
    return out, report


def entry(report: ImportReport, id: str):  # type: ignore[no-untyped-def]
    return next(e for e in report.entries if e.id == id)


def test_packages_at_every_depth_become_tasks(imported: tuple[Path, ImportReport]) -> None:
    assert imported[1].tasks() == ["twice/absolute", "maxpair/from-zero", "maxpair/narrow"]


async def test_written_packages_pass_the_checks(
    sandbox: Sandbox, imported: tuple[Path, ImportReport]
) -> None:
    out = imported[0]
    for name in ("maxpair", "twice"):
        problem = load_problem(out / name)
        for task in problem.tasks():
            checked = await check_task(Judge(sandbox.judge), task)
            assert checked.ok, (task.id, checked.reasons)


def test_generated_tests_refute_as_stored_ones_would(imported: tuple[Path, ImportReport]) -> None:
    out = imported[0]
    incorrect = out / "maxpair" / "incorrect"
    assert (incorrect / "from-zero.fail.in").read_text() == "2\n-5 -7\n"
    assert (incorrect / "narrow.fail.in").read_text() == "4\n" + " ".join(["2000000000"] * 4) + "\n"
    toml = (out / "maxpair" / "problem.toml").read_text()
    assert "refuted by data/secret/6-large-1.in" in toml


def test_py3_and_boost_submissions_run(imported: tuple[Path, ImportReport]) -> None:
    out = imported[0]
    assert (out / "maxpair" / "incorrect" / "from-zero.py").is_file()
    assert "boost/lexical_cast.hpp" in (out / "maxpair" / "incorrect" / "narrow.cpp").read_text()


def test_a_header_of_the_package_is_given_to_its_validator(
    imported: tuple[Path, ImportReport],
) -> None:
    validator = (imported[0] / "maxpair" / "validator.cpp").read_text()
    assert "namespace lineread" in validator  # lineread.h, inlined
    assert "boost/lexical_cast.hpp" in (imported[0] / "twice" / "validator.cpp").read_text()


def test_unsupported_keys_and_crashing_generators_are_notes(
    imported: tuple[Path, ImportReport],
) -> None:
    notes = entry(imported[1], "maxpair").notes
    assert notes[0] == "data/secret: key 'frobnicate' is not supported (ignored)"
    assert any(n.startswith("data/secret/2-broken: generator failed: crash.py") for n in notes)


def test_a_test_the_validator_rejects_does_not_count(imported: tuple[Path, ImportReport]) -> None:
    toml = (imported[0] / "twice" / "problem.toml").read_text()
    assert "refuted by data/secret/02-negative.in" in toml


def test_other_languages_are_counted_by_language(imported: tuple[Path, ImportReport]) -> None:
    java = entry(imported[1], "maxpair/Pair")
    assert java.status is ImportStatus.SKIPPED
    assert java.cause == "language: Java"
    causes = {row.cause: row for row in imported[1].causes()}
    assert causes["language: Java"].submissions == 1
    assert causes["partly imported: generator failed"].problems == 1
    assert entry(imported[1], "maxpair").submissions == 2  # the ones refute runs


def test_the_report_file_has_the_summary_by_cause(imported: tuple[Path, ImportReport]) -> None:
    text = (imported[0] / "import-report.json").read_text()
    assert '"causes"' in text and '"language: Java"' in text


async def test_a_second_import_changes_nothing_and_judges_nothing(
    sandbox: Sandbox, archive: Path, imported: tuple[Path, ImportReport]
) -> None:
    out = imported[0]
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".refute" not in str(p)}
    runs = sandbox.judge.compilations
    again = await import_kattis([archive], out, Judge(sandbox.judge))
    assert again.tasks() == imported[1].tasks()
    assert {e.status for e in again.entries if e.kind == "problem"} == {ImportStatus.UNCHANGED}
    assert all(e.cached for e in again.entries)
    assert sandbox.judge.compilations == runs
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".refute" not in str(p)}
    after.pop(out / "import-report.json")
    before.pop(out / "import-report.json")
    assert after == before


async def test_a_changed_package_is_imported_again(
    sandbox: Sandbox, archive: Path, imported: tuple[Path, ImportReport]
) -> None:
    out = imported[0]
    twice = archive / "older" / "2030" / "contest" / "twice"
    wrong = twice / "submissions" / "wrong_answer" / "negated.py"
    wrong.write_text("x = int(input())\nprint(2 * x if x > 0 else -2 * x)\n")
    try:
        report = await import_kattis([archive], out, Judge(sandbox.judge), force=True)
    finally:
        wrong.unlink()
    assert entry(report, "twice").status is ImportStatus.REPLACED
    assert not entry(report, "twice").cached
    assert entry(report, "maxpair").cached
    assert "twice/negated" in report.tasks()
