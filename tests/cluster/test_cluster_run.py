"""Fuzz runs on a real local Ray cluster give the records of the same run locally."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refute.cluster import ClusterError, RayBackend
from refute.runner import AttemptLog, AttemptRecord, run_benchmark

from ..runner.test_run import config

pytestmark = pytest.mark.slow


def _essence(records: list[AttemptRecord]) -> list[tuple[object, ...]]:
    return sorted(
        (r.task_id, r.attempt, r.outcome, r.verdict, r.reason, r.refuted, r.input) for r in records
    )


async def test_a_fuzz_run_on_the_cluster_keeps_the_records_of_a_local_run(
    ray_cluster: str, tmp_path: Path
) -> None:
    run = config(problems="charged-pair", attempts=2)
    await run_benchmark(run, tmp_path / "local")
    backend = RayBackend(ray_cluster)
    await run_benchmark(run, tmp_path / "cluster", backend=backend)
    local = AttemptLog(tmp_path / "local" / "attempts.jsonl").read()
    cluster = AttemptLog(tmp_path / "cluster" / "attempts.jsonl").read()
    assert len(cluster) == 4
    assert _essence(cluster) == _essence(local)
    for record in cluster:
        assert (tmp_path / "cluster" / str(record.transcript)).is_file()
    assert len(backend.per_node) == 2  # both worker nodes ran attempts


def test_an_unreachable_cluster_is_one_clear_line() -> None:
    with pytest.raises(ClusterError, match=r"--cluster 127\.0\.0\.1:1: cannot reach"):
        RayBackend("127.0.0.1:1")


def test_without_cluster_ray_is_not_imported() -> None:
    probe = "import sys, refute.cli, refute.runner, refute.cluster; print('ray' in sys.modules)"
    said = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert said.stdout.strip() == "False", said.stderr


def test_the_cli_says_an_unreachable_cluster_in_one_line(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "refute.cli", "run", "--cluster", "127.0.0.1:1"]
    command += ["--problems", "charged-pair", "--out", str(tmp_path / "run")]
    said = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert said.returncode != 0
    lines = said.stderr.strip().splitlines()
    assert len(lines) == 1 and "--cluster 127.0.0.1:1: cannot reach" in lines[0], said.stderr
