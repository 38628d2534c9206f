"""refute sandbox check / clean, and the one-line error when the engine is away."""

from __future__ import annotations

import json

import pytest

from ..conftest import TEST_IMAGE
from ..support.cli import Cli


def test_check_reports_engine_image_and_smoke_runs(cli: Cli) -> None:
    outcome = cli("sandbox", "check", "--image", TEST_IMAGE, "--json")
    assert outcome.code == 0, outcome.stderr
    report = json.loads(outcome.stdout)
    assert report["image_id"].startswith("sha256:")
    assert report["runs"] == {"C++": "OK", "Python 3": "OK", "PyPy 3": "OK"}


def test_check_without_the_image_says_how_to_build_it(cli: Cli) -> None:
    outcome = cli("sandbox", "check", "--image", "refute-sandbox:no-such-tag")
    assert outcome.code == 2
    assert "refute sandbox build --offline" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_an_unreachable_engine_is_one_clear_line(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    outcome = cli("sandbox", "check")
    assert outcome.code == 2
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and "Docker engine is not reachable" in lines[0]


def test_clean_removes_nothing_of_live_processes(cli: Cli) -> None:
    outcome = cli("sandbox", "clean")
    assert outcome.code == 0
    assert "removed" in outcome.stderr


def test_bench_sandbox_prints_every_figure_with_one_ratio_per_repeat(cli: Cli) -> None:
    outcome = cli(
        "bench", "sandbox", "--json", "--runs", "10", "--stress-iterations", "10",
        "--store-files", "3", "--repeats", "2",
    )  # fmt: skip
    assert outcome.code == 0, outcome.stderr
    figures = json.loads(outcome.stdout)
    assert (figures["runs"], figures["stress_iterations"], figures["repeats"]) == (10, 10, 2)
    assert len(figures["overhead_ratios"]) == len(figures["stress_ratios"]) == 2
    for name in ("bare_ms_per_run", "sandbox_ms_per_run", "docker_exec_ms_per_run"):
        assert figures[name] > 0
    ratios = sorted(figures["overhead_ratios"])
    assert ratios[0] <= figures["overhead_ratio"] <= ratios[1]
    assert figures["image_id"].startswith("sha256:")
