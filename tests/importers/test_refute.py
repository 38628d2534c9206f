"""Importing REFUTE dataset rows: reading them, converting them, checking and writing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from refute.importers import (
    ImportReport,
    ImportSourceError,
    ImportStatus,
    codeforces_math,
    import_refute,
    read_refute_rows,
)
from refute.importers._refute import refute_ids
from refute.judge import Judge, check_task
from refute.problems import load_problem
from refute.sandbox import Sandbox

from .conftest import ROWS, rows, write_rows

# -- reading rows ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_rows_are_read_from_json_and_jsonl(tmp_path: Path, suffix: str) -> None:
    source = write_rows(tmp_path / f"rows{suffix}", rows())
    read = read_refute_rows(source)
    assert [row.problem_id for row in read] == ["1A", "1B"]
    assert read[0].time_limit == 1000 and read[0].memory_limit == 256


def test_rows_are_read_from_parquet(tmp_path: Path) -> None:
    pyarrow = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    items = rows()
    items[0]["tags"] = "['implementation', 'greedy']"  # parquet wants one type per column
    path = tmp_path / "rows.parquet"
    parquet.write_table(pyarrow.Table.from_pylist(items), path)
    read = read_refute_rows(path)
    assert [row.problem_id for row in read] == ["1A", "1B"]
    assert read[0].tags == ("implementation", "greedy")
    assert read[1].correct_cpp is None


def test_tags_may_be_a_list_or_its_string_form() -> None:
    first, second = read_refute_rows(ROWS)
    assert first.tags == ("implementation", "greedy")
    assert second.tags == ("math", "implementation")


def test_limits_may_be_given_with_units(tmp_path: Path) -> None:
    items = rows()
    items[0].update(time_limit="2 seconds", memory_limit="256 megabytes")
    row = read_refute_rows(write_rows(tmp_path / "rows.json", items))[0]
    assert (row.time_limit, row.memory_limit) == (2000, 256)


def test_a_missing_field_is_an_error_naming_the_row_and_the_field(tmp_path: Path) -> None:
    items = rows()
    del items[1]["validator"]
    source = write_rows(tmp_path / "rows.jsonl", items)
    with pytest.raises(ImportSourceError) as raised:
        read_refute_rows(source)
    assert raised.value.faults == [f"{source}: row 2 (problem_id '1B'): validator: missing"]


def test_every_faulty_row_is_reported(tmp_path: Path) -> None:
    items = rows()
    del items[0]["fail_tc"]
    items[1]["time_limit"] = "soon"
    with pytest.raises(ImportSourceError) as raised:
        read_refute_rows(write_rows(tmp_path / "rows.json", items))
    assert len(raised.value.faults) == 2
    assert "row 1 (problem_id '1A'): fail_tc: missing" in raised.value.faults[0]
    assert "row 2 (problem_id '1B'): time_limit:" in raised.value.faults[1]
    assert str(raised.value).endswith("(and 1 more)")


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match=r"rows\.jsonl: no such file"):
        read_refute_rows(tmp_path / "rows.jsonl")


def test_a_dataset_name_without_the_datasets_library_is_a_clear_error() -> None:
    try:
        import datasets  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("the datasets library is installed")
    with pytest.raises(ImportSourceError, match=r"pip install 'refute\[hf\]'"):
        read_refute_rows("someone/refute-like-dataset")


def test_codeforces_math_delimiters_become_dollars() -> None:
    assert codeforces_math("$$$n \\le 5$$$ and $$$$$$x^2$$$$$$") == "$n \\le 5$ and $$x^2$$"


def test_repeated_problem_ids_get_numbered_package_ids() -> None:
    first, second = read_refute_rows(ROWS)
    assert refute_ids([first, first, second]) == ["1A", "1A-2", "1B"]


# -- importing rows ----------------------------------------------------------------


@pytest.fixture(scope="module")
async def imported(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    """The fixture rows, imported once into ``report.out``."""
    out = tmp_path_factory.mktemp("refute") / "out"
    return await import_refute(ROWS, out, Judge(sandbox.judge))


async def test_each_row_becomes_a_sound_package_with_one_task(
    imported: ImportReport, judge: Judge
) -> None:
    report, out = imported, Path(imported.out)
    assert [(e.id, e.status) for e in report.entries] == [
        ("1A", ImportStatus.WRITTEN),
        ("1B", ImportStatus.WRITTEN),
    ]
    assert report.tasks() == ["1A/incorrect", "1B/incorrect"]
    for problem_id in ("1A", "1B"):
        problem = load_problem(out / problem_id)
        (task,) = problem.tasks()
        assert (await check_task(judge, task)).ok
    assert (out / "import-report.json").is_file()


def test_imported_package_keeps_metadata_and_provenance(imported: ImportReport) -> None:
    out = Path(imported.out)
    problem = load_problem(out / "1A")
    submission = problem.incorrect[0]
    assert problem.rating == 800 and problem.tags == ("implementation", "greedy")
    assert problem.url == "https://codeforces.com/contest/1/problem/A"
    assert problem.origin is not None and problem.origin.id == "1A"
    assert problem.origin.importer == "refute" and problem.origin.source == "rows.json"
    assert submission.author_rating == 1432 and submission.language == "Python 3"
    assert submission.fail_input == "2\n-5 -3\n"
    assert [e.input for e in problem.examples] == ["3\n1 5 2\n"]
    config = tomllib.loads((out / "1B" / "problem.toml").read_text())
    assert config["incorrect"]["incorrect"]["language"] == "GNU C++17"
    assert config["reference"]["language"] == "PyPy 3-64"


def test_statement_has_sections_and_dollar_math(imported: ImportReport) -> None:
    statement = load_problem(Path(imported.out) / "1A").statement
    assert "$$$" not in statement.text
    assert statement.legend.startswith("Little Max has $n$ numbers $a_1, a_2, \\ldots, a_n$.")
    assert "$1 \\le n \\le 100$" in statement.input
    assert statement.output == "Print $\\max_i a_i$."
    assert statement.note == "In the example, $$\\max(1, 5, 2) = 5.$$"


async def test_a_row_that_fails_the_checks_is_reported_and_not_written(
    tmp_path: Path, judge: Judge
) -> None:
    items = rows()[:1]
    items[0]["fail_tc"] = "2\n3 4\n"  # all positive: the wrong code is right on it
    out = tmp_path / "out"
    report = await import_refute(write_rows(tmp_path / "rows.json", items), out, judge)
    (entry,) = report.entries
    assert entry.status is ImportStatus.FAILED
    assert any("the failing input refutes the incorrect submission: no" in r for r in entry.reasons)
    assert not (out / "1A").exists()
    assert not report.ok
    assert [p.name for p in out.iterdir()] == ["import-report.json"]  # no staging left over


async def test_rows_that_cannot_become_packages_are_skipped_with_reasons(
    tmp_path: Path, judge: Judge
) -> None:
    items = rows()
    items[0]["wrong_code_lang"] = "Java 21"
    items[1]["correct_python"] = None
    report = await import_refute(write_rows(tmp_path / "rows.json", items), tmp_path / "o", judge)
    assert [(e.id, e.status) for e in report.entries] == [
        ("1A", ImportStatus.SKIPPED),
        ("1B", ImportStatus.SKIPPED),
    ]
    assert "unknown language 'Java 21'" in report.entries[0].reasons[0]
    assert report.entries[1].reasons == [
        "no correct solution: correct_cpp and correct_python are both empty"
    ]
    assert report.ok  # nothing failed: these rows are simply not importable


async def test_importing_twice_reports_unchanged_and_writes_nothing(
    imported: ImportReport, judge: Judge
) -> None:
    out = Path(imported.out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.name != "import-report.json"}
    report = await import_refute(ROWS, out, judge)
    assert [e.status for e in report.entries] == [ImportStatus.UNCHANGED] * 2
    assert report.tasks() == ["1A/incorrect", "1B/incorrect"]
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.name != "import-report.json"}
    assert after == before


async def test_a_different_existing_package_is_replaced_only_with_force(
    tmp_path: Path, judge: Judge
) -> None:
    out = tmp_path / "out"
    items = rows()[:1]
    await import_refute(write_rows(tmp_path / "rows.json", items), out, judge)
    items[0]["fail_tc"] = "1\n-7\n"
    changed = write_rows(tmp_path / "rows.json", items)

    report = await import_refute(changed, out, judge)
    assert report.entries[0].status is ImportStatus.CONFLICT
    assert "--force" in report.entries[0].reasons[0]
    assert (out / "1A" / "incorrect" / "incorrect.fail.in").read_text() == "2\n-5 -3\n"

    report = await import_refute(changed, out, judge, force=True)
    assert report.entries[0].status is ImportStatus.REPLACED
    assert (out / "1A" / "incorrect" / "incorrect.fail.in").read_text() == "1\n-7\n"
    assert sorted(p.name for p in out.iterdir()) == ["1A", "import-report.json"]
