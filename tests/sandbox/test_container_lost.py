"""A container stopped from outside mid-run is the infrastructure's fault, not the program's.

Each test starts a sandbox of its own (one container per pool), since it kills one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from refute.sandbox import (
    ContainerLost,
    Language,
    Limits,
    Program,
    RunStatus,
    Sandbox,
    SandboxConfig,
    SandboxPool,
    docker_client,
)

from ..conftest import TEST_IMAGE

pytestmark = pytest.mark.slow

PY = Language.parse("Python 3")
SLEEPER = Program(source="import time\nprint('up', flush=True)\ntime.sleep(30)\n", language=PY)
SUM = Program(source="print(sum(map(int, input().split())))\n", language=PY)
LIMITS = Limits(cpu_ms=5_000, wall_ms=60_000)


@pytest.fixture
async def own_sandbox() -> AsyncIterator[Sandbox]:
    config = SandboxConfig(image=TEST_IMAGE, judge_workers=1, untrusted_workers=1)
    async with Sandbox(config) as started:
        yield started


async def kill_while_running(pool: SandboxPool, how: str) -> None:
    """Start SLEEPER in ``pool``'s only container and stop that container from outside."""
    (container_id,) = pool.container_ids()
    client = docker_client()

    async def killer() -> None:
        await asyncio.sleep(1.5)  # the program is running by then
        if how == "kill":
            await asyncio.to_thread(client.api.kill, container_id)
        else:
            await asyncio.to_thread(client.api.remove_container, container_id, force=True)

    stopping = asyncio.create_task(killer())
    try:
        await pool.run(SLEEPER, "", LIMITS)
    finally:
        await stopping
        client.close()


@pytest.mark.parametrize("role", ["untrusted", "judge"])
@pytest.mark.parametrize("how", ["kill", "rm -f"])
async def test_a_container_stopped_from_outside_is_lost_not_a_runtime_error(
    own_sandbox: Sandbox, role: str, how: str
) -> None:
    pool = own_sandbox.untrusted if role == "untrusted" else own_sandbox.judge
    before = pool.container_ids()
    with pytest.raises(ContainerLost, match="stopped from outside: kill"):
        await kill_while_running(pool, how)
    assert pool.container_ids() != before  # replaced
    assert (await pool.run(SUM, "2 3\n", LIMITS)).stdout == "5\n"


async def test_a_program_that_kills_its_executor_still_gets_the_blame(
    own_sandbox: Sandbox,
) -> None:
    massacre = Program(source="import os, signal\nos.kill(-1, signal.SIGKILL)\n", language=PY)
    result = await own_sandbox.untrusted.run(massacre, "", LIMITS)
    assert result.status is RunStatus.RUNTIME_ERROR
    assert "stopped the sandbox executor" in result.stderr
    assert (await own_sandbox.untrusted.run(SUM, "1 1\n", LIMITS)).stdout == "2\n"
