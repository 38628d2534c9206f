"""``refute bench hack`` runs both loops and reports every figure (no timing is asserted)."""

from __future__ import annotations

import json

from ..support.cli import Cli


def test_bench_hack_reports_both_loops_on_one_task(cli: Cli) -> None:
    result = cli(
        "bench", "hack", "--tests", "20", "--repeats", "1", "--task",
        "charged-pair/int-overflow", "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    figures = json.loads(result.stdout)
    (task,) = figures["tasks"]
    assert task["task_id"] == "charged-pair/int-overflow"
    assert task["bash_tests_per_s"] > 0 and task["refute_tests_per_s"] > 0
    assert len(task["ratios"]) == 1 and task["bash_ttfc_tests"] >= 1
    assert task["container_bash_tests_per_s"] > 0
    assert task["refute_ttfc_tests"] >= 1 and len(figures["load_before"]) == 3


def test_bench_hack_names_the_tasks_it_knows(cli: Cli) -> None:
    result = cli("bench", "hack", "--task", "no/such-task")
    assert result.code == 2 and "charged-pair/int-overflow" in result.stderr
