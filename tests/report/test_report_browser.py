"""The report in a real headless browser: Debian's Chromium, driven by Playwright.

The page is opened from disk with every request that is not a file refused and recorded:
a report that fetched anything would fail here.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from refute.report import write_report

playwright = pytest.importorskip("playwright.sync_api", reason="the test extra installs it")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.slow


@dataclass
class Opened:
    """The report open in the browser, with what went wrong while it loaded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def opened(runs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: scripts/setup installs Debian's chromium package")
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(list(runs), out)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = Opened(page)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))

        def route(route: Any) -> None:
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                seen.fetched.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        yield seen
        browser.close()


def test_the_page_loads_with_no_console_errors_and_fetches_nothing(opened: Opened) -> None:
    assert opened.errors == []
    assert opened.fetched == []


def test_every_figure_is_drawn(opened: Opened) -> None:
    page = opened.page
    assert page.locator("[data-figure]").count() == 5
    assert page.locator("[data-figure] .main-svg").count() >= 5
    assert page.locator("#figure-similarity .heatmaplayer, #figure-similarity .hm").count() >= 1


def test_a_task_row_opens_to_its_attempts(opened: Opened) -> None:
    page = opened.page
    task = page.locator("details.task").first
    attempts = task.locator("table.attempts")
    assert not attempts.is_visible()
    task.locator("summary").first.click()
    assert attempts.is_visible()
    assert attempts.locator("tbody tr").count() >= 1
    assert task.locator("pre.code").inner_text().strip() != ""


def test_the_leaderboard_shows_both_runs_with_intervals(opened: Opened) -> None:
    rows = opened.page.locator("#leaderboard-table tbody tr")
    assert rows.count() == 2
    assert "[" in rows.first.inner_text()
