"""A real local Ray cluster: a head and two worker nodes, each its own `ray start` process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

RAY = str(Path(sys.executable).parent / "ray")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The GCS address of a head (no CPUs: it only hosts the driver) and two workers."""
    pytest.importorskip("ray")
    port = _free_port()
    address = f"127.0.0.1:{port}"
    env = os.environ | {"RAY_USAGE_STATS_ENABLED": "0"}
    temp = tmp_path_factory.mktemp("ray")
    started: list[list[str]] = [
        [
            RAY,
            "start",
            "--head",
            f"--port={port}",
            "--num-cpus=0",
            "--include-dashboard=false",
            f"--temp-dir={temp}",
            "--disable-usage-stats",
        ],
    ]
    for name in ("a", "b"):
        started.append(
            [
                RAY,
                "start",
                f"--address={address}",
                "--num-cpus=1",
                f'--resources={{"refute_node_{name}": 1}}',
                "--disable-usage-stats",
            ]
        )
    try:
        for command in started:
            subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        yield address
    finally:
        subprocess.run([RAY, "stop", "--force"], env=env, capture_output=True, timeout=120)
