"""The falsification gap end to end: ``refute run --agent solve`` and a refute run with the
model stand-in, ``refute compare --gap``, and the gap section of ``refute report``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from refute.report import render_report, report_data, write_report
from refute.results import load_runs
from refute.testing import ModelServer, Reply, Request

from ..conftest import TEST_IMAGE
from ..results.synthetic import bundled_tasks, make_run
from ..support.cli import Cli

SOLUTION = """n = int(input())
a = sorted(map(int, input().split()))
print(max(a[0] * a[1], a[-1] * a[-2]))
"""

TWO_LARGEST = "charges[-1] * charges[-2]"
"""A line of charged-pair/two-largest's incorrect code: the zero-shot request for it."""


def _action(name: str, code: str) -> str:
    return f"<action><name>{name}</name><code>\n{code}</code><lang>Python 3</lang></action>"


def stand_in(request: Request) -> Reply:
    """Solves charged-pair every time; refutes only its two-largest submission."""
    text = json.dumps(request.body)
    if "<name>solve</name>" in text:
        return Reply("Sort; the best pair is at one end.\n\n" + _action("solve", SOLUTION))
    if TWO_LARGEST in text:
        return Reply("Two negatives.\n\n" + _action("print_fail_case", "print('3\\n-5 -4 1')\n"))
    return Reply("A small case.\n\n" + _action("print_fail_case", "print('2\\n1 2')\n"))


def run(cli: Cli, out: Path, agent: str) -> None:
    outcome = cli(
        "run",
        "--agent",
        agent,
        "--model",
        "openai/test-model",
        "--problems",
        "charged-pair",
        "--include-fuzzable",
        "--image",
        TEST_IMAGE,
        "--sandbox-workers",
        "1",
        "--out",
        str(out),
    )
    assert outcome.code == 0, outcome.stderr


@pytest.fixture
def gap_runs(cli: Cli, model_server: ModelServer, tmp_path: Path) -> tuple[Path, Path]:
    model_server.respond_with(stand_in)
    run(cli, tmp_path / "solve", "solve")
    run(cli, tmp_path / "zero-shot", "zero-shot")
    return tmp_path / "solve", tmp_path / "zero-shot"


def test_solve_then_compare_gap_then_the_report_shows_the_gap(
    cli: Cli, gap_runs: tuple[Path, Path], tmp_path: Path
) -> None:
    solve, refute = (str(path) for path in gap_runs)
    shown = cli("compare", "--gap", solve, refute)
    assert shown.code == 0, shown.stderr
    assert "2 task(s) judged by both" in shown.stdout
    assert "solved but not refuted: charged-pair/int-overflow" in shown.stdout

    as_json = cli("compare", "--gap", solve, refute, "--json")
    result = json.loads(as_json.stdout)
    assert result["table"] == {
        "solved_refuted": 1,
        "solved_not_refuted": 1,
        "refuted_not_solved": 0,
        "neither": 0,
        "tasks": 2,
    }
    assert (result["solve_rate"]["value"], result["refute_rate"]["value"]) == (1.0, 0.5)
    assert result["gap"]["value"] == 0.5 and result["gap"]["method"] == "newcombe-paired"
    assert list(result["by_tag"]) == ["greedy", "math", "sortings"]

    page = tmp_path / "report.html"
    written = cli("report", solve, refute, "-o", str(page))
    assert written.code == 0, written.stderr
    html = page.read_text()
    assert '<h2 id="gap">The falsification gap</h2>' in html
    assert 'class="gap-value">+50.0%</strong>' in html
    assert 'data-figure="gap_1"' in html
    assert ">solved</span>" in html  # the solve run's tasks say solved, not refuted


def test_compare_gap_in_the_wrong_order_is_one_line(cli: Cli, gap_runs: tuple[Path, Path]) -> None:
    solve, refute = (str(path) for path in gap_runs)
    outcome = cli("compare", "--gap", refute, solve)
    assert outcome.code != 0 and "Traceback" not in outcome.stderr
    assert outcome.stderr.strip() == (
        f"error: {refute}: not a solve run (agent zero-shot); give the solve run first: "
        "compare --gap SOLVE_RUN REFUTE_RUN"
    )
    three = cli("compare", "--gap", solve, refute, refute)
    assert three.stderr.strip() == "error: compare --gap: give two run directories, not 3"


def test_the_report_pairs_each_solve_run_with_the_refute_runs_of_its_model(
    tmp_path: Path,
) -> None:
    tasks = [task.id for task in bundled_tasks()[:4]]
    solve = make_run(
        tmp_path / "solve", {t: [True] for t in tasks}, agent="solve", model="a/x", solve=True
    )
    same = make_run(tmp_path / "same", {t: [False] for t in tasks}, agent="zero-shot", model="a/x")
    other = make_run(tmp_path / "other", {t: [True] for t in tasks}, agent="zero-shot", model="b/y")
    data = report_data(load_runs([solve, same, other]))
    assert [(g.solve_run, g.refute_run) for g in data.gaps] == [(str(solve), str(same))]
    assert data.gaps[0].table.solved_not_refuted == 4 and data.solve_runs == [str(solve)]
    html = render_report(data, "gap")
    assert 'class="gap-value">+100.0%</strong>' in html


@pytest.mark.slow
def test_the_gap_section_draws_in_a_browser_with_no_errors(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs it")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    tasks = [task.id for task in bundled_tasks()[:12]]
    solve = make_run(
        tmp_path / "solve",
        {t: [i % 2 == 0] for i, t in enumerate(tasks)},
        solve=True,
        agent="solve",
    )
    refute = make_run(tmp_path / "refute", {t: [i % 4 == 0] for i, t in enumerate(tasks)})
    out = tmp_path / "report.html"
    write_report([solve, refute], out)
    errors: list[str] = []
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(out.as_uri())
        page.wait_for_selector("#figure-gap_1 .main-svg")
        assert page.locator("#gap-1 .gap-value").inner_text() == "+25.0%"
        assert page.locator("#gap-1 table.four-way td").all_inner_texts() == ["3", "3", "0", "6"]
        assert page.locator("#figure-gap_1 .bars .point").count() >= 2
        browser.close()
    assert errors == []
