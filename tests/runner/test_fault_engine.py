"""The Docker engine stops in the middle of a run: the run says so and resumes exactly.

The engine here is a private one (``engine.PrivateEngine``), stopped with SIGTERM as a
service manager would and started again on the same data; the machine's own engine and
whatever runs on it are left alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from refute.runner import AttemptLog, FaultOf

from ..conftest import TEST_IMAGE
from .agents import AGENT_FILE
from .engine import PrivateEngine

pytestmark = pytest.mark.slow

PROBLEMS = "charged-pair,matching-socks,ribbon-cut"
ATTEMPTS = 4
TASKS = 4  # charged-pair has two submissions


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateEngine]:
    why = PrivateEngine.available()
    if why is not None:
        pytest.skip(why)
    started = PrivateEngine(tmp_path_factory.mktemp("engine"))
    try:
        started.start()
        started.load_image(TEST_IMAGE)
        yield started
    finally:
        started.remove()


def refute(
    engine: PrivateEngine, *args: str, wait: bool = True
) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "refute.cli", *args]
    env = {**os.environ, "DOCKER_HOST": engine.host, "COLUMNS": "200"}
    if not wait:
        return subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def run_args(out: Path) -> list[str]:
    return [
        "run",
        "--agent",
        f"{AGENT_FILE}:SteadyAgent",
        "--agent-option",
        "pause=0.3",
        "--problems",
        PROBLEMS,
        "--attempts",
        str(ATTEMPTS),
        "--sandbox-workers",
        "1",
        "--image",
        TEST_IMAGE,
        "--include-fuzzable",
        "--seed",
        "7",
        "--out",
        str(out),
        "--json",
    ]


def lines(path: Path) -> int:
    return path.read_text().count("\n") if path.exists() else 0


def test_a_run_whose_engine_stops_ends_non_zero_and_resumes_to_the_undisturbed_summary(
    engine: PrivateEngine, tmp_path: Path
) -> None:
    calm = refute(engine, *run_args(tmp_path / "calm"))
    assert isinstance(calm, subprocess.CompletedProcess)
    assert calm.returncode == 0, calm.stderr
    expected = json.loads((tmp_path / "calm" / "summary.json").read_text())
    assert expected["attempts"] == TASKS * ATTEMPTS and expected["infra_errors"] == 0
    assert 0 < expected["pass_at_k"]["1"]["value"] < 1, "some attempts should refute, not all"

    out = tmp_path / "disturbed"
    running = refute(engine, *run_args(out), wait=False)
    assert isinstance(running, subprocess.Popen)
    log = out / "attempts.jsonl"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and lines(log) < 4 and running.poll() is None:
            time.sleep(0.05)
        assert running.poll() is None, "the run ended before the engine could be stopped"
        engine.stop()
        stdout, stderr = running.communicate(timeout=180)
    finally:
        engine.start()  # whatever happened: the next test needs it
    assert running.returncode == 3, stderr
    error = stderr.strip().splitlines()[-1]
    assert error.startswith("error: run stopped: ")
    assert f"resume with: refute run --resume {out}" in error
    assert stdout == ""  # no results table, no JSON summary: the run did not finish
    stopped = json.loads((out / "summary.json").read_text())
    assert stopped["infra_errors"] >= 1
    assert stopped["pending"] > 0
    records = AttemptLog(log).read()
    infra = [r for r in records if r.fault is FaultOf.INFRASTRUCTURE]
    assert len(infra) == stopped["infra_errors"]
    assert all(r.outcome.value == "infra_error" for r in infra)
    assert not [r for r in records if r.outcome.value == "agent_error"]

    resumed = refute(engine, "run", "--resume", str(out), "--json")
    assert isinstance(resumed, subprocess.CompletedProcess)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads((out / "summary.json").read_text()) == expected
    assert json.loads(resumed.stdout)["refuted"] == expected["refuted"]
    done = Counter(
        (r.task_id, r.attempt)
        for r in AttemptLog(log).read()
        if r.fault is not FaultOf.INFRASTRUCTURE
    )
    assert len(done) == TASKS * ATTEMPTS and set(done.values()) == {1}
