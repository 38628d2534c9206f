"""The executor channel of one container: timeouts, their single watchdog, busy polling."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time

import pytest

from refute.sandbox import (
    Language,
    Limits,
    Program,
    Role,
    RunStatus,
    Sandbox,
    SandboxConfig,
    docker_client,
)
from refute.sandbox._container import _CPUS, Container, ContainerSpec, ExecutorLost, encode
from refute.sandbox._pool import _run_request

from ..conftest import TEST_IMAGE

SLEEP = ["/usr/bin/python3", "-c", "import time; time.sleep(0.6)"]


async def test_an_earlier_short_deadline_does_not_cut_a_later_longer_one(
    sandbox: Sandbox,
) -> None:
    async with sandbox.untrusted._container() as container:
        await container.request({"op": "ping"}, timeout=0.2)  # the watchdog is set for 0.2 s
        reply = await container.request(_run_request(SLEEP, "", Limits()), timeout=5)
    assert reply["status"] == RunStatus.OK


async def test_a_request_without_a_timeout_is_never_timed_out(sandbox: Sandbox) -> None:
    async with sandbox.untrusted._container() as container:
        await container.request({"op": "ping"}, timeout=0.2)
        reply = await container.request(_run_request(SLEEP, "", Limits()))
    assert reply["status"] == RunStatus.OK


async def test_an_encoded_request_is_one_ascii_json_line() -> None:
    line = encode({"op": "put", "name": "a\nb", "data": "é"})
    assert line.endswith(b"\n") and line.count(b"\n") == 1 and line.isascii()


NAP = Program(source="import time\ntime.sleep(0.4)\n", language=Language.parse("Python 3"))


async def _host_cpu_s(sandbox: Sandbox, concurrent: int) -> float:
    """CPU seconds this process spends while ``concurrent`` programs nap 0.4 s each."""
    await sandbox.judge.run(NAP)  # compiled and in place, so only the naps are measured
    await asyncio.gather(*(sandbox.judge.run(NAP) for _ in range(concurrent)))
    before = time.process_time()
    results = await asyncio.gather(*(sandbox.judge.run(NAP) for _ in range(concurrent)))
    assert all(result.ok for result in results)
    return time.process_time() - before


@pytest.mark.parametrize(("busy_poll_ms", "polls"), [(150, True), (0, False)])
async def test_the_host_polls_for_a_reply_only_as_configured(
    busy_poll_ms: float, polls: bool
) -> None:
    config = SandboxConfig(
        image=TEST_IMAGE, judge_workers=_CPUS, untrusted_workers=1, busy_poll_ms=busy_poll_ms
    )
    async with Sandbox(config) as sandbox:
        spent = await _host_cpu_s(sandbox, 1)
    # Polling spends the CPU time of its budget (0.15 s), and stops there; sleeping
    # spends almost none.
    assert (0.05 < spent < 0.3) if polls else spent < 0.05


async def test_the_host_does_not_poll_when_every_cpu_has_a_program() -> None:
    config = SandboxConfig(
        image=TEST_IMAGE, judge_workers=_CPUS, untrusted_workers=1, busy_poll_ms=150
    )
    async with Sandbox(config) as sandbox:
        assert await _host_cpu_s(sandbox, _CPUS) < 0.05


async def test_a_reply_longer_than_the_container_memory_is_refused() -> None:
    """An executor a program took over (ptrace, same user) could stream without end."""
    ours, theirs = socket.socketpair()
    container = Container(
        docker_client(), ContainerSpec(image=TEST_IMAGE, memory_mb=1), Role.UNTRUSTED, 0
    )
    ours.setblocking(False)
    container._channel = ours
    container._read_on(asyncio.get_running_loop())

    async def flood() -> None:
        chunk = b" " * (1 << 16)
        with contextlib.suppress(OSError):
            for _ in range(64):  # 4 MB, twice the limit for 1 MB of memory
                await asyncio.get_running_loop().sock_sendall(theirs, chunk)

    theirs.setblocking(False)
    flooding = asyncio.create_task(flood())
    with pytest.raises(ExecutorLost, match="longer than its memory"):
        await container.request({"op": "ping"}, timeout=30)
    flooding.cancel()
    await container.close()
    theirs.close()
