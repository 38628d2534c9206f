"""refute bench runner: the runner's overhead over the model's latency, on the bundled
task it names (which the fuzz baseline finds, so the bench must include it)."""

from __future__ import annotations

import json

from ..support.cli import Cli


def test_bench_runner_measures_its_task_with_the_concurrency_asked(cli: Cli) -> None:
    outcome = cli(
        "bench", "runner", "--attempts", "4", "--concurrency", "2", "--latency", "0.05", "--json"
    )
    assert outcome.code == 0, outcome.stderr
    figures = json.loads(outcome.stdout)
    assert figures["task"] == "charged-pair/two-largest"
    assert figures["peak_concurrent_requests"] == 2
    assert figures["model_overhead_ratio"] > 0
