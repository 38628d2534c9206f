"""``refute bench import``: the figures of an import, and the command on a real archive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from refute.bench._import import figures, wilson
from refute.importers import ImportEntry, ImportReport, ImportStatus

from ..conftest import TEST_IMAGE
from ..importers.conftest import ARCHIVE
from ..support.cli import Cli


def problem(
    id: str,
    status: ImportStatus,
    submissions: int,
    tasks: tuple[str, ...] = (),
    cause: str | None = None,
) -> ImportEntry:
    return ImportEntry(
        id=id, source=id, status=status, submissions=submissions, tasks=list(tasks), cause=cause
    )


def skipped(id: str, cause: str) -> ImportEntry:
    return ImportEntry(
        id=id, source=id, status=ImportStatus.SKIPPED, cause=cause, kind="submission"
    )


def test_wilson_interval_brackets_the_proportion() -> None:
    low, high = wilson(45, 50)
    assert low < 0.9 < high
    assert wilson(0, 0) == (0.0, 1.0)


def test_share_counts_eligible_submissions_only() -> None:
    report = ImportReport(
        importer="kattis",
        out="out",
        entries=[
            problem("a", ImportStatus.WRITTEN, 4, tasks=("a/x", "a/y")),
            skipped("a/z", "fails a sample"),
            skipped("a/w", "no test refutes it"),
            skipped("a/j", "language: Java"),
            problem("b", ImportStatus.SKIPPED, 3, cause="interactive"),
            problem("c", ImportStatus.SKIPPED, 2, cause="validator unsupported"),
        ],
    )
    bench = figures(report, [Path("archive")], 1.0)
    assert bench.submissions == 9
    assert bench.eligible == 9 - 3 - 1  # the interactive problem's, and the sample failure
    assert bench.tasks == 2
    assert bench.other_languages == {"Java": 1}
    assert bench.share == round(2 / 5, 4)
    causes = {row.cause: (row.problems, row.submissions) for row in bench.causes}
    assert causes["validator unsupported"] == (1, 2)
    assert causes["interactive"] == (1, 3)


def test_bench_import_of_an_archive_as_json(cli: Cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    out = tmp_path / "out"
    args = ("bench", "import", str(archive), "--out", str(out), "--image", TEST_IMAGE, "--json")
    outcome = cli(*args, "--workers", "1")
    assert outcome.code == 0, outcome.stderr
    bench = json.loads(outcome.stdout)
    assert (bench["packages"], bench["tasks"], bench["eligible"]) == (2, 3, 3)
    assert bench["share"] == 1.0
    assert bench["other_languages"] == {"Java": 1}
    assert {p["id"] for p in bench["per_package"]} == {"maxpair", "twice"}
    again = json.loads(cli(*args, "--workers", "1").stdout)
    assert all(p["cached"] for p in again["per_package"])
    assert again["tasks"] == 3
