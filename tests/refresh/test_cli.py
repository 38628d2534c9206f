"""``refute problems refresh``: options, the report table, one-line errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from refute.cli import main
from refute.refresh import REFRESH_REPORT_FILE

from . import world as fixtures
from .fake_codeforces import FakeCodeforces


def refresh(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["refute", "problems", "refresh", *args])
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    code = exited.value.code
    return code if isinstance(code, int) else 0, captured.out, captured.err


def test_refresh_prints_the_report_and_writes_it(
    site: FakeCodeforces,
    world: fixtures.World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "problems"
    # every problem is below this floor or not rated: no sandbox is needed
    args = ["--since", fixtures.SINCE, "--until", fixtures.UNTIL, "--min-rating", "3000"]
    args += ["--out", str(out), "--codeforces-url", site.url, "--rate-limit", "0"]
    code, stdout, stderr = refresh(monkeypatch, capsys, *args)
    assert code == 0, stderr
    assert "9001A" in stdout and "below --min-rating 3000" in stdout
    assert "contest 9001: Refute Test Round 1 (Div. 2)" in stderr
    report = json.loads((out / REFRESH_REPORT_FILE).read_text())
    assert [e["outcome"] for e in report["entries"]] == ["skipped"] * 5 + ["deferred"]

    code, stdout, _ = refresh(monkeypatch, capsys, *args, "--json")
    assert code == 0
    assert [e["problem"] for e in json.loads(stdout)["entries"]] == ["9001F"]


def test_a_bad_date_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = refresh(monkeypatch, capsys, "--since", "June 1st", "--out", str(tmp_path))
    assert code == 2
    assert stderr.strip() == "error: --since June 1st: expected a date as YYYY-MM-DD"


def test_an_unreachable_site_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeCodeforces() as site:
        site.fail("contest.list", *[500] * 10)
        args = ["--since", fixtures.SINCE, "--out", str(tmp_path), "--rate-limit", "0"]
        args += ["--backoff", "0.001"]
        code, _, stderr = refresh(monkeypatch, capsys, *args, "--codeforces-url", site.url)
    assert code == 2
    assert stderr.startswith("error: Codeforces API contest.list: HTTP 500")
    assert stderr.rstrip().endswith("(6 attempts)")
