"""Ctrl-C: ``refute hack`` stops, says what it had, and leaves no container behind."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from refute.hack import HackBudget, HackOutcome, HackProgress, HackRequest, NamedProgram, hack
from refute.sandbox import LABEL, docker_client

from .conftest import Files


def _containers_of(pid: int) -> list[str]:
    client = docker_client()
    found = client.api.containers(all=True, filters={"label": [LABEL, f"refute.owner.pid={pid}"]})
    return [c["Id"] for c in found]


def test_ctrl_c_stops_the_search_and_removes_its_containers(files: Files) -> None:
    command = [
        sys.executable, "-m", "refute.cli", "hack", files["brute.cpp"], "--brute",
        files["brute.cpp"], "--gen", files["gen.py"], "--budget", "10m",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    deadline = time.monotonic() + 120
    while len(_containers_of(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # compiled and searching
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted: no counterexample after" in stdout
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 30
    while _containers_of(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _containers_of(process.pid) == []


async def test_an_interrupted_shrinking_returns_the_smallest_counterexample_so_far(
    files: Files,
) -> None:
    request = HackRequest(
        solution=NamedProgram.from_file(Path(files["sol.cpp"])),
        brute=NamedProgram.from_file(Path(files["brute.cpp"])),
        generator=NamedProgram.from_file(Path(files["gen.py"])),
        validator=NamedProgram.from_file(Path(files["val.py"])),
        budget=HackBudget(seconds=60),
        workers=1,
    )

    def stop_when_shrinking(progress: HackProgress) -> None:
        if progress.phase == "minimizing":
            running.cancel()

    running = asyncio.ensure_future(hack(request, on_progress=stop_when_shrinking))
    result = await running
    assert result.outcome is HackOutcome.INTERRUPTED
    assert result.input is not None and result.reason is not None
    assert "interrupted: the counterexample may not be the smallest" in result.notes
