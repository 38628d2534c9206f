"""The executor channel of one container: request timeouts and their single watchdog."""

from __future__ import annotations

from refute.sandbox import Limits, RunStatus, Sandbox
from refute.sandbox._container import encode
from refute.sandbox._pool import _run_request

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


async def test_an_encoded_request_is_one_json_line() -> None:
    line = encode({"op": "run", "stdin": "a\udcff\n"})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert b"\\udcff" in line  # a byte that is not UTF-8 travels escaped, as ASCII
