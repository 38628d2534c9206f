"""No sandbox container outlives its owner: normal exit, Ctrl-C, or ``kill -9``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import docker
import pytest

from refute.sandbox import LABEL, Sandbox, SandboxConfig
from refute.sandbox._container import labelled, remove_orphans, wait_for_removal

from ..conftest import TEST_IMAGE

HOLDER = """
import asyncio, json, sys
from refute.sandbox import Sandbox, SandboxConfig

async def main():
    config = SandboxConfig(image=sys.argv[1], judge_workers=1, untrusted_workers=1)
    async with Sandbox(config) as sandbox:
        print(json.dumps(sandbox.container_ids()), flush=True)
        await asyncio.sleep(3600)

asyncio.run(main())
"""


@pytest.fixture
def client() -> docker.DockerClient:
    return docker.from_env()


def start_holder() -> tuple[subprocess.Popen[str], list[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, TEST_IMAGE], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    line = holder.stdout.readline()
    assert line, "the holder process did not start its sandbox"
    return holder, json.loads(line)


def running(client: docker.DockerClient, ids: list[str]) -> set[str]:
    return {c["Id"] for c in labelled(client)}.intersection(ids)


async def test_containers_are_removed_when_the_sandbox_closes(client: docker.DockerClient) -> None:
    config = SandboxConfig(image=TEST_IMAGE, judge_workers=1, untrusted_workers=1)
    async with Sandbox(config) as sandbox:
        ids = sandbox.container_ids()
        assert len(running(client, ids)) == 2
    assert wait_for_removal(client, ids, timeout=10)


def test_containers_are_removed_after_kill_9_of_their_owner(client: docker.DockerClient) -> None:
    holder, ids = start_holder()
    assert len(running(client, ids)) == 2
    holder.kill()  # SIGKILL: no cleanup code runs; the dead-man switch must do it
    holder.wait()
    started = time.monotonic()
    assert wait_for_removal(client, ids, timeout=10)
    assert time.monotonic() - started < 10


def test_containers_are_removed_after_ctrl_c(client: docker.DockerClient) -> None:
    holder, ids = start_holder()
    holder.send_signal(signal.SIGINT)
    holder.wait(timeout=30)
    assert wait_for_removal(client, ids, timeout=10)


def test_orphans_are_removed_but_live_owners_are_not(client: docker.DockerClient) -> None:
    holder, live_ids = start_holder()
    try:
        orphan = client.containers.create(
            TEST_IMAGE,
            command=["sleep", "60"],
            labels={
                LABEL: "1",
                "refute.owner.host": os.uname().nodename,
                "refute.owner.pid": "999999999",
                "refute.owner.start": "1",
            },
        )
        removed = remove_orphans(client)
        assert removed >= 1
        assert running(client, [str(orphan.id)]) == set()
        assert running(client, live_ids) == set(live_ids)
    finally:
        holder.kill()
        holder.wait()
    assert wait_for_removal(client, live_ids, timeout=10)
