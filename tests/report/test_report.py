"""``refute report``: what the page holds, made from real run directories; bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

from refute.report import render_report, report_data
from refute.results import load_runs

from ..support.cli import Cli


def test_the_data_holds_every_task_and_every_attempt(runs: tuple[Path, Path]) -> None:
    data = report_data(load_runs(list(runs)))
    assert data.runs == [str(run) for run in runs]
    assert [row.run for row in data.leaderboard.rows] != []
    attempts = {row.task_id: [(a.run, a.attempt) for a in row.attempts] for row in data.tasks}
    recorded: dict[str, list[tuple[str, int]]] = {}
    for run in runs:
        for line in (run / "attempts.jsonl").read_text().splitlines():
            record = json.loads(line)
            recorded.setdefault(record["task_id"], []).append((str(run), record["attempt"]))
    assert {task: sorted(pairs) for task, pairs in attempts.items()} == {
        task: sorted(pairs) for task, pairs in recorded.items()
    }
    assert data.comparison is not None and data.comparison.common_tasks == len(data.tasks)
    assert all(row.statement and row.incorrect_code for row in data.tasks)


def test_the_page_is_self_contained(runs: tuple[Path, Path]) -> None:
    html = render_report(report_data(load_runs(list(runs))), "two runs")
    assert "<title>two runs</title>" in html
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", html)
    assert html.count('data-figure="') == 5  # rating, tag, pass@k, cost, similarity


def test_text_from_a_run_cannot_end_the_figure_scripts(
    runs: tuple[Path, Path], tmp_path: Path
) -> None:
    data = report_data(load_runs([runs[0]]))
    data.leaderboard.rows[0].run = "</script><script>alert(1)</script>"
    html = render_report(data, "<b>title</b>")
    assert "<script>alert(1)" not in html
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in html


def test_the_cli_writes_the_page(cli: Cli, runs: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    outcome = cli("report", str(runs[0]), str(runs[1]), "-o", str(out))
    assert outcome.code == 0, outcome.stderr
    assert f"wrote {out}: 2 run(s)" in outcome.stderr
    assert out.stat().st_size > 1_000_000  # plotly.js is inside


def test_a_directory_that_is_not_a_run_is_one_line(cli: Cli, tmp_path: Path) -> None:
    outcome = cli("report", str(tmp_path), "-o", str(tmp_path / "r.html"))
    assert outcome.code == 2
    assert outcome.stderr.strip() == f"error: {tmp_path}: not a run directory (no config.json)"
    assert not (tmp_path / "r.html").exists()


def test_an_output_that_is_a_directory_is_one_line(
    cli: Cli, runs: tuple[Path, Path], tmp_path: Path
) -> None:
    outcome = cli("report", str(runs[0]), "-o", str(tmp_path))
    assert outcome.code == 2
    assert "is a directory" in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1
