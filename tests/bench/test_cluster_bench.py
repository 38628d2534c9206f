"""``refute bench cluster``: a tiny run on a local test cluster the command starts itself."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from refute.runner import AttemptLog

from ..conftest import TEST_IMAGE
from ..support.cli import Cli

pytestmark = pytest.mark.slow


def test_bench_cluster_compares_the_same_run_locally_and_on_its_own_cluster(
    cli: Cli, tmp_path: Path
) -> None:
    pytest.importorskip("ray")
    said = cli(
        "bench",
        "cluster",
        "--problems",
        "charged-pair",
        "--attempts",
        "1",
        "--inputs",
        "100",
        "--repeats",
        "1",
        "--image",
        TEST_IMAGE,
        "--out",
        str(tmp_path),
        "--json",
    )
    assert said.code == 0, said.stderr
    figures = json.loads(said.stdout)
    assert figures["started_cluster"] and len(figures["nodes"]) == 2
    (row,) = figures["repeats"]
    local, cluster = row["local"], row["cluster"]
    assert local["attempts"] == cluster["attempts"] == 2  # two tasks, one attempt each
    assert sum(local["per_node"].values()) == local["attempts"]
    assert sum(cluster["per_node"].values()) == cluster["attempts"]
    assert set(cluster["per_node"]) <= set(figures["nodes"])
    assert local["sandbox_workers"] == cluster["sandbox_workers"] == 2  # a fair comparison
    assert local["verdicts"] == cluster["verdicts"] and row["records_match"]
    assert row["overhead"] == pytest.approx(
        cluster["attempts_wall_s"] / local["attempts_wall_s"] - 1, abs=1e-3
    )
    assert cluster["attempts_per_s"] == pytest.approx(
        cluster["attempts"] / cluster["attempts_wall_s"], rel=1e-2
    )
    runs = {
        side: AttemptLog(tmp_path / "repeat-0" / side / "attempts.jsonl").read()
        for side in ("local", "cluster")
    }
    verdicts = {
        side: sorted((r.task_id, r.verdict) for r in records) for side, records in runs.items()
    }
    assert verdicts["local"] == verdicts["cluster"] and len(verdicts["local"]) == 2
    host, _, port = figures["address"].rpartition(":")
    with pytest.raises(OSError):  # the command stopped the cluster it started
        socket.create_connection((host, int(port)), timeout=2).close()


def test_bench_cluster_says_an_unreachable_cluster_in_one_line(cli: Cli) -> None:
    said = cli("bench", "cluster", "--cluster", "127.0.0.1:1", "--repeats", "1")
    assert said.code == 2
    assert said.stderr.strip().count("\n") == 0
    assert "--cluster 127.0.0.1:1: cannot reach" in said.stderr
