"""``refute problems import polygon``: faults of the source before Docker starts, and a run."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import TEST_IMAGE
from ..support.cli import Cli
from .conftest import FIXTURES


def test_a_path_without_packages_is_an_error_naming_it(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("problems", "import", "polygon", str(tmp_path), "--out", str(tmp_path / "o"))
    assert outcome.code == 2
    assert outcome.stderr.strip() == (
        f"error: {tmp_path}: not a Polygon package (no problem.xml in it or below)"
    )
    assert not (tmp_path / "o").exists()


def test_a_zip_that_is_not_one_is_an_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "p.zip").write_bytes(b"PK but not really")
    outcome = cli("problems", "import", "polygon", str(tmp_path / "p.zip"), "--out", str(tmp_path))
    assert outcome.code == 2
    assert "p.zip: not a readable .zip file" in outcome.stderr


def test_an_import_prints_the_table_and_writes_the_report(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = FIXTURES / "polygon" / "stored"
    outcome = cli(
        "problems", "import", "polygon", str(source), "--out", str(out),
        "--image", TEST_IMAGE, "--workers", "1",
    )  # fmt: skip
    assert outcome.code == 0, outcome.stderr
    assert "largest-number" in outcome.stdout and "written" in outcome.stdout
    report = json.loads((out / "import-report.json").read_text())
    assert report["importer"] == "polygon"
    assert report["entries"][0]["tasks"] == ["largest-number/zero-start"]
