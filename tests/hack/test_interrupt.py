"""Ctrl-C: ``refute hack`` stops, says what it had, and leaves no container behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

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
