"""``refute problems import refute|kattis``: exit codes, the table and the report file."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import TEST_IMAGE
from ..support.cli import Cli
from .conftest import KATTIS, rows, write_rows

SANDBOX = ("--image", TEST_IMAGE, "--workers", "1")


def test_refute_import_of_a_malformed_file_is_an_error_naming_row_and_field(
    cli: Cli, tmp_path: Path
) -> None:
    items = rows()
    del items[1]["validator"]
    source = write_rows(tmp_path / "rows.json", items)
    outcome = cli("problems", "import", "refute", str(source), "--out", str(tmp_path / "out"))
    assert outcome.code == 2
    assert outcome.stderr.strip() == f"error: {source}: row 2 (problem_id '1B'): validator: missing"
    assert not (tmp_path / "out").exists()


def test_kattis_import_of_a_path_that_is_no_package_is_an_error(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("problems", "import", "kattis", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert outcome.code == 2
    assert "not a Kattis problem package (no such directory)" in outcome.stderr


def test_refute_import_exits_1_when_a_package_fails_its_checks(cli: Cli, tmp_path: Path) -> None:
    good = rows()[0]
    bad = {**good, "fail_tc": "1\n5\n"}
    source = write_rows(tmp_path / "rows.jsonl", [good, bad])
    out = tmp_path / "out"
    outcome = cli("problems", "import", "refute", str(source), "--out", str(out), *SANDBOX)
    assert outcome.code == 1
    report = json.loads((out / "import-report.json").read_text())
    assert [(e["id"], e["status"]) for e in report["entries"]] == [
        ("1A", "written"),
        ("1A-2", "failed"),
    ]
    assert "1A-2" in outcome.stdout and "failed" in outcome.stdout
    assert sorted(p.name for p in out.iterdir()) == ["1A", "import-report.json"]


def test_kattis_import_with_only_skips_exits_0_and_reports_them(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome = cli(
        "problems", "import", "kattis", str(KATTIS / "guess"), "--out", str(out), *SANDBOX
    )
    assert outcome.code == 0
    report = json.loads((out / "import-report.json").read_text())
    assert [(e["id"], e["status"]) for e in report["entries"]] == [("guess", "skipped")]
    assert "interactive problem" in outcome.stdout
    assert f"report: {out}/import-report.json" in outcome.stderr
