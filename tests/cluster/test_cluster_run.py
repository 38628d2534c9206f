"""Fuzz runs on a real local Ray cluster give the records of the same run locally."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from refute.cluster import ClusterError, RayBackend
from refute.runner import AttemptLog, AttemptRecord, run_benchmark

from ..conftest import TEST_IMAGE
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


def test_a_driver_killed_with_kill_9_resumes_to_one_record_per_attempt(
    ray_cluster: str, tmp_path: Path
) -> None:
    out = tmp_path / "run"
    command = [sys.executable, "-m", "refute.cli", "run", "--cluster", ray_cluster]
    command += ["--out", str(out), "--attempts", "4", "--sandbox-workers", "1"]
    command += ["--image", TEST_IMAGE, "--agent-option", "seconds=1", "--include-fuzzable"]
    command += ["--problems", "charged-pair,matching-socks", "--json"]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = out / "attempts.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not log.exists() or log.read_text().count("\n") < 2):
        time.sleep(0.05)
    os.kill(driver.pid, signal.SIGKILL)
    driver.wait(timeout=60)
    killed_at = log.read_text().count("\n")
    assert 2 <= killed_at < 12, "the driver should have been killed part way"
    resume = [sys.executable, "-m", "refute.cli", "run", "--resume", str(out)]
    resumed = subprocess.run(
        [*resume, "--cluster", ray_cluster, "--json"], capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    keys = [(r.task_id, r.attempt) for r in AttemptLog(log).read()]
    assert len(keys) == len(set(keys)) == 12  # 3 tasks x 4


def _raylet_of(resource: str) -> int:
    """The pid of the raylet of the worker node started with ``resource``."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "raylet" in line.split(" ")[0] and resource in line:
            return int(entry.name)
    raise AssertionError(f"no raylet with {resource}")


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(entry.parent.name))
    return found


async def test_a_worker_node_lost_mid_run_loses_and_duplicates_nothing(
    ray_cluster: str, tmp_path: Path
) -> None:
    """Runs last: it takes node b from the session's cluster."""
    out = tmp_path / "run"
    log = AttemptLog(out / "attempts.jsonl")

    async def stop_node_b_with_attempts_in_flight() -> None:
        # config.json is written once every node's actor is up and before any attempt
        while not (out / "config.json").exists():
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.3)
        raylet = _raylet_of("refute_node_b")
        for pid in [raylet, *_children(raylet)]:  # the node and its workers die at once
            os.kill(pid, signal.SIGKILL)

    killer = asyncio.create_task(stop_node_b_with_attempts_in_flight())
    run = config(problems="charged-pair", attempts=4)
    backend = RayBackend(ray_cluster)
    await run_benchmark(run, out, backend=backend)
    assert killer.done()
    assert len(backend.lost) == 1  # node b's attempts in flight were redone elsewhere
    records = log.read()
    keys = [(r.task_id, r.attempt) for r in records]
    assert len(keys) == len(set(keys)) == 8
    assert all(r.outcome == "judged" for r in records)
