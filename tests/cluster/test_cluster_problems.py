"""``refute problems import/check --cluster``: the packages, report and verdicts of a
local import and check, with the judging done on the nodes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from refute.importers import read_tree

from ..conftest import TEST_IMAGE
from ..importers.conftest import ARCHIVE
from ..support.cli import Cli

pytestmark = pytest.mark.slow


def _report(out: Path) -> dict[str, Any]:
    """The import report without what differs between any two runs: timings, --out."""
    report: dict[str, Any] = json.loads((out / "import-report.json").read_text())
    for entry in report["entries"]:
        entry.pop("seconds", None)
    report.pop("out")
    return report


def _packages(out: Path) -> dict[str, dict[str, bytes]]:
    return {
        path.name: read_tree(path)
        for path in out.iterdir()
        if path.is_dir() and not path.name.startswith(".")
    }


def test_an_import_and_a_check_on_the_cluster_match_local_ones_and_reimport_unchanged(
    cli: Cli, ray_cluster: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ARCHIVE, tmp_path / "archive")
    monkeypatch.chdir(tmp_path)  # relative paths, as a user types them: the nodes see them too
    command = ("problems", "import", "kattis", "archive", "--image", TEST_IMAGE, "--out")
    local = cli(*command, "local")
    assert local.code == 0, local.stderr
    remote = cli(*command, "remote", "--cluster", ray_cluster)
    assert remote.code == 0, remote.stderr
    packages = _packages(tmp_path / "remote")
    assert sorted(packages) == ["maxpair", "twice"]
    assert packages == _packages(tmp_path / "local")  # the same bytes
    assert _report(tmp_path / "remote") == _report(tmp_path / "local")
    assert sorted((tmp_path / "remote" / ".refute-cache" / "kattis").iterdir())

    check = ("problems", "check", "--problems-dir", "remote", "--image", TEST_IMAGE, "--json")
    here, there = cli(*check), cli(*check, "--cluster", ray_cluster)
    assert here.code == there.code == 0, there.stderr
    verdicts = [json.loads(said.stdout) for said in (here, there)]
    assert [(r["task_id"], r["ok"], r["reasons"]) for r in verdicts[1]] == [
        (r["task_id"], r["ok"], r["reasons"]) for r in verdicts[0]
    ]
    assert len(verdicts[1]) == 3

    # Again: the driver's import cache answers, no package goes to a node, nothing changes.
    again = cli(*command, "remote", "--cluster", ray_cluster)
    assert again.code == 0, again.stderr
    report = json.loads((tmp_path / "remote" / "import-report.json").read_text())
    heads = [e for e in report["entries"] if e["kind"] == "problem"]
    assert [(e["status"], e["cached"]) for e in heads] == [("unchanged", True)] * 2
    assert _packages(tmp_path / "remote") == packages


def test_an_import_on_an_unreachable_cluster_is_one_clear_line(cli: Cli, tmp_path: Path) -> None:
    command = ("problems", "import", "kattis", str(ARCHIVE), "--out", str(tmp_path / "out"))
    said = cli(*command, "--cluster", "127.0.0.1:1")
    assert said.code == 2
    assert said.stderr.strip().count("\n") == 0 and "127.0.0.1:1: cannot reach" in said.stderr
    assert not (tmp_path / "out").exists()
