"""One long-lived, hardened container with the executor running inside it.

Requests and replies are JSON lines over a Unix socket: this process listens on a socket
in a private directory that is bind-mounted read-only into the container, the executor
connects once at start, and the listening socket is then removed, so nothing started
later in the container can connect. Going through the engine's attach stream instead
costs about 0.6 ms per round trip; the socket costs a few tens of microseconds.

The executor's stdin is still the container's, held open through a Docker attach
socket. The container is created with ``StdinOnce``, so when this process goes away
(even by ``kill -9``) the engine closes that stdin, the executor sees end of input and
exits, and ``AutoRemove`` deletes the container: a dead-man switch.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

import docker
from docker.errors import DockerException
from docker.types import LogConfig
from pydantic import BaseModel

from ..errors import SandboxError
from ._models import BASE64, Role

LABEL = "refute.sandbox"
"""Every container ``refute`` starts carries this label; cleanup finds leftovers by it."""
ReplyT = TypeVar("ReplyT", bound=BaseModel)
REPLY_POLL_SECONDS = 0.0001
"""How long the host polls for a reply whose wake-up hint came (see ``_poll_rest``)."""
_CPUS = len(os.sched_getaffinity(0))


class ExecutorLost(SandboxError):
    """The executor stopped answering mid-request, usually because a program killed it."""


@dataclass(frozen=True)
class ContainerSpec:
    """How sandbox containers are started.

    Args:
        image: image reference.
        memory_mb: memory of the whole container; swap is set equal, so there is none.
        pids: maximum number of processes in the container.
        work_mb: size of the tmpfs work directory (counts against memory).
        user: uid:gid the executor and every program run as.
        labels: extra labels for the container.
        busy_poll_ms: how long the host keeps polling for a reply, rather than sleep,
            while a CPU is spare (see ``Container._keep_awake``); 0 turns it off.
    """

    image: str
    memory_mb: int = 2048
    pids: int = 128
    work_mb: int = 512
    user: str = "65534:65534"
    labels: dict[str, str] = field(default_factory=dict)
    busy_poll_ms: float = 0.0


def executor_source() -> str:
    return resources.files("refute.sandbox").joinpath("_executor.py").read_text()


def encode(payload: dict[str, Any]) -> bytes:
    """One request line, as the executor reads it."""
    return json.dumps(payload).encode("ascii") + b"\n"


def validate_reply(model: type[ReplyT], reply: dict[str, Any]) -> ReplyT:
    """A reply parsed as a dict, validated as ``model``; its program bytes are decoded
    from base64 when the executor marked them so (``"b64": true``)."""
    return model.model_validate(reply, context=BASE64 if reply.pop("b64", False) else None)


def owner_labels() -> dict[str, str]:
    """Labels that tie a container to this process, so only orphans are ever reaped."""
    return {
        LABEL: "1",
        "refute.owner.host": socket.gethostname(),
        "refute.owner.pid": str(os.getpid()),
        "refute.owner.start": str(process_start_ticks(os.getpid())),
    }


def process_start_ticks(pid: int) -> int:
    """Start time of a process in clock ticks since boot (guards against pid reuse)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rpartition(")")[2].split()
        return int(fields[19])
    except (OSError, IndexError, ValueError):
        return -1


class Container:
    """A running sandbox container and the executor connection into it.

    Not safe for concurrent requests: the pool hands each container to one caller at a
    time.
    """

    def __init__(self, client: docker.DockerClient, spec: ContainerSpec, role: Role, cpu: int):
        self.role = role
        self.cpu = cpu
        self._client = client
        self._spec = spec
        self._container: Any = None
        self._attach: socket.socket | None = None
        self._listener: socket.socket | None = None
        self._socket_dir: str | None = None
        self._channel: socket.socket | None = None
        self._pending = bytearray()  # bytes received after the last complete reply
        # The executor builds each reply in its memory, so no honest reply is longer.
        self._reply_limit = (spec.memory_mb + 1) << 20
        self._waiter: asyncio.Future[bytes] | None = None  # the reply being awaited
        self._lost: BaseException | None = None  # why the channel stopped, once it has
        self._loop: asyncio.AbstractEventLoop | None = None  # where the reader is registered
        self._deadline = 0.0  # loop time by which the awaited reply is overdue
        self._watchdog: asyncio.TimerHandle | None = None  # fires at or before _deadline
        self.files: set[str] = set()
        """Names already put into this container's store."""
        self.busy_poll_s = spec.busy_poll_ms / 1000.0

    in_flight = 0
    """Requests awaiting their reply, over every container of this process: a hint for
    busy polling, counted without a lock (one event loop per process is the usual case)."""

    @property
    def id(self) -> str:
        return str(self._container.id) if self._container is not None else ""

    def _listen(self) -> str:
        self._socket_dir = folder = tempfile.mkdtemp(prefix="refute-exec-")
        os.chmod(folder, 0o755)
        path = os.path.join(folder, "executor.sock")
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(path)
        os.chmod(path, 0o777)  # the executor runs as an unprivileged user
        self._listener.listen(1)
        return folder

    def _create(self) -> None:
        spec = self._spec
        api = self._client.api
        folder = self._listen()
        host_config = api.create_host_config(
            binds={folder: {"bind": "/run/refute", "mode": "ro"}},
            auto_remove=True,
            init=True,
            network_mode="none",
            read_only=True,
            tmpfs={"/work": f"rw,exec,nosuid,nodev,size={spec.work_mb}m,mode=1777"},
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            pids_limit=spec.pids,
            mem_limit=f"{spec.memory_mb}m",
            memswap_limit=f"{spec.memory_mb}m",
            cpuset_cpus=str(self.cpu),
            log_config=LogConfig(type="none"),
            ipc_mode="none",
        )
        config = api.create_container_config(
            spec.image,
            command=[
                "/usr/bin/python3",
                "-I",
                "-S",
                "-c",
                executor_source(),
                "/run/refute/executor.sock",
            ],
            user=spec.user,
            stdin_open=True,
            detach=False,
            labels={**owner_labels(), "refute.role": self.role.value, **spec.labels},
            host_config=host_config,
            network_disabled=True,
        )
        # The SDK does not expose StdinOnce, the dead-man switch: when our attach socket
        # closes, the engine closes the executor's stdin.
        config["StdinOnce"] = True
        created = api.create_container_from_config(config)  # type: ignore[no-untyped-call]
        self._container = self._client.containers.get(created["Id"])
        params = {"stdin": 1, "stderr": 1, "stream": 1}
        self._attach = api.attach_socket(created["Id"], params=params)._sock
        self._container.start()

    async def start(self) -> None:
        try:
            await asyncio.to_thread(self._create)
        except DockerException as error:
            await self.close()
            raise SandboxError(f"cannot start a sandbox container: {error}") from error
        assert self._listener is not None and self._socket_dir is not None
        self._listener.setblocking(False)
        loop = asyncio.get_running_loop()
        try:
            channel, _ = await asyncio.wait_for(loop.sock_accept(self._listener), 60)
        except TimeoutError as error:
            detail = await asyncio.to_thread(self._stderr_tail)
            await self.close()
            raise SandboxError(f"sandbox executor did not start{detail}") from error
        finally:
            self._listener.close()
            self._listener = None
            shutil.rmtree(self._socket_dir, ignore_errors=True)
        channel.setblocking(False)
        self._channel = channel
        self._read_on(loop)
        reply = await self.request({"op": "ping"}, timeout=60)
        if not reply.get("ok"):
            raise SandboxError(f"sandbox executor did not start: {reply}")

    async def request(
        self, payload: dict[str, Any], timeout: float | None = None
    ) -> dict[str, Any]:
        """Send one request and wait for its reply.

        Raises ``ExecutorLost`` when the executor goes away before answering.
        """
        return self._parse(await self._exchange(encode(payload), timeout))

    async def request_as(
        self, line: bytes, model: type[ReplyT], timeout: float | None = None
    ) -> ReplyT:
        """``request`` for a request already encoded (see ``encode``), with the reply
        validated as ``model``.

        A plain reply (no eviction notice, no error: nearly all of them) goes straight
        from JSON to the model, which costs a third of parsing it into a dict first.
        """
        line = await self._exchange(line, timeout)
        if b'"evicted":' in line or b'"error":' in line:  # keys: inside strings, quotes are escaped
            return validate_reply(model, self._parse(line))
        # The mark of base64 program bytes is the first key (after the wake-up space).
        context = BASE64 if line.find(b'{"b64"', 0, 16) >= 0 else None
        return model.model_validate_json(line, context=context)

    def _parse(self, line: bytes) -> dict[str, Any]:
        reply: dict[str, Any] = json.loads(line)
        self.files.difference_update(reply.pop("evicted", ()))
        if "error" in reply:
            raise SandboxError(f"sandbox executor refused a request: {reply['error']}")
        return reply

    async def _exchange(self, data: bytes, timeout: float | None) -> bytes:
        """Write one request line and wait for one reply line."""
        channel = self._channel
        if channel is None:
            raise ExecutorLost("sandbox container is not running")
        if self._lost is not None:
            raise ExecutorLost("sandbox executor exited" + self._stderr_tail()) from self._lost
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._read_on(loop)  # a sandbox started under another event loop
        waiter: asyncio.Future[bytes] = loop.create_future()
        self._waiter = waiter
        self._deliver()  # a reply that came early (none should) answers at once
        if timeout is None:
            self._deadline = math.inf
        else:
            self._arm(loop, loop.time() + timeout)
        Container.in_flight += 1
        try:
            sent = channel.send(data)  # the executor reads as fast as we write: one call
            if sent < len(data):
                await loop.sock_sendall(channel, data[sent:])
            if self.busy_poll_s:
                self._keep_awake(loop, waiter, time.monotonic() + self.busy_poll_s)
            return await waiter
        except TimeoutError as error:  # before OSError, of which it is a subclass
            raise ExecutorLost(f"sandbox executor did not answer within {timeout} s") from error
        except (ConnectionError, OSError) as error:
            raise ExecutorLost("sandbox executor exited" + self._stderr_tail()) from error
        finally:
            Container.in_flight -= 1
            self._waiter = None

    def _keep_awake(
        self, loop: asyncio.AbstractEventLoop, waiter: asyncio.Future[bytes], until: float
    ) -> None:
        """Keep the event loop polling, not sleeping, while the reply is awaited.

        On this kind of VM a process asleep on an idle CPU takes 100-150 microseconds to
        wake, and its caches are cold when it does: a tenth of a short run. So while a
        CPU is spare (fewer requests in flight than CPUs, the host's own included), the
        loop is kept busy for up to ``busy_poll_s``: each pass it polls every file
        descriptor without blocking, so the reply, and anything else, is handled at
        once. Other tasks run as usual; only the CPU time of the polling is spent.
        """
        if not waiter.done() and Container.in_flight < _CPUS and time.monotonic() < until:
            loop.call_soon(self._keep_awake, loop, waiter, until)

    def _arm(self, loop: asyncio.AbstractEventLoop, deadline: float) -> None:
        """Make the watchdog fire by ``deadline``.

        Not a timer per request (nor ``asyncio.timeout``): this is every run's path, and
        only an executor that hangs ever makes the watchdog matter. Deadlines mostly move
        later, so one timer serves many requests and, when it fires early, re-arms.
        """
        self._deadline = deadline
        watchdog = self._watchdog
        if watchdog is None or watchdog.cancelled() or watchdog.when() > deadline:
            if watchdog is not None:
                watchdog.cancel()
            self._watchdog = loop.call_at(deadline, self._watch, loop)

    def _watch(self, loop: asyncio.AbstractEventLoop) -> None:
        self._watchdog = None
        waiter = self._waiter
        if waiter is None or waiter.done() or self._deadline == math.inf:
            return  # nothing timed is awaited: the next timed request arms it again
        if loop.time() < self._deadline:
            self._watchdog = loop.call_at(self._deadline, self._watch, loop)
        else:
            waiter.set_exception(TimeoutError())

    def _read_on(self, loop: asyncio.AbstractEventLoop) -> None:
        assert self._channel is not None
        self._detach()
        loop.add_reader(self._channel, self._on_readable, self._channel)
        self._loop = loop

    def _detach(self) -> None:
        """Take the reader and the watchdog off the loop they were set on, if it is open."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._channel is not None and self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(self._channel)
        self._loop = None

    def _on_readable(self, channel: socket.socket) -> None:
        """The event loop's reader for the channel, registered once for the container's life.

        A reader that stays registered costs one ``recv`` per reply; awaiting
        ``sock_recv`` per request cost three more system calls and about 0.1 ms a run.
        """
        try:
            chunk = channel.recv(1 << 20)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            self._stop_reading(error)
            return
        if not chunk:
            self._stop_reading(ConnectionError("the executor closed its socket"))
            return
        if self._take(chunk) or (self._waiter is not None and self._poll_rest(channel)):
            self._deliver()

    def _take(self, chunk: bytes) -> bool:
        """Buffer ``chunk``; whether it ends a reply. Only the new bytes are searched, so
        a reply of many chunks costs linear time."""
        self._pending += chunk
        if len(self._pending) > self._reply_limit:
            self._pending = bytearray()
            limit = self._reply_limit >> 20
            message = f"sandbox executor sent a reply longer than its memory ({limit} MB)"
            self._stop_reading(ExecutorLost(message))
            return False
        return b"\n" in chunk

    def _poll_rest(self, channel: socket.socket) -> bool:
        """Poll briefly for the rest of a reply whose start (the executor's wake-up hint,
        sent as the program ended) is here: the reply follows within tens of
        microseconds, and sleeping again would mean another slow wake-up. Whether the
        reply is now complete."""
        deadline = time.monotonic() + REPLY_POLL_SECONDS
        while time.monotonic() < deadline and self._lost is None:
            try:
                chunk = channel.recv(1 << 20, socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                os.sched_yield()  # the executor may share this CPU: let it finish the reply
                continue
            except OSError:
                return False  # the next readable event reports it
            if not chunk:
                return False
            if self._take(chunk):
                return True
        return False

    def _deliver(self) -> None:
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        end = self._pending.find(b"\n")
        if end >= 0:
            line = bytes(self._pending[:end])
            del self._pending[: end + 1]
            waiter.set_result(line)

    def _stop_reading(self, error: BaseException) -> None:
        self._detach()
        self._lost = error
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(error)

    def _stderr_tail(self) -> str:
        """The last lines the executor wrote to stderr (a traceback), if any, demultiplexed."""
        if self._attach is None:
            return ""
        data = bytearray()
        self._attach.setblocking(False)
        try:
            while chunk := self._attach.recv(65536):
                data += chunk
        except (BlockingIOError, OSError):
            pass
        text, offset = bytearray(), 0
        while offset + 8 <= len(data):  # attach frames: 8-byte header, then the payload
            size = int.from_bytes(data[offset + 4 : offset + 8], "big")
            text += data[offset + 8 : offset + 8 + size]
            offset += 8 + size
        lines = text.decode("utf-8", "replace").strip().splitlines()[-3:]
        return f": {' | '.join(lines)}" if lines else ""

    async def close(self) -> None:
        """Stop and remove the container; safe to call twice."""
        self._detach()
        for sock in (self._channel, self._attach, self._listener):
            if sock is not None:
                sock.close()
        self._channel = self._attach = self._listener = None
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None
        container, self._container = self._container, None
        if container is not None:
            await asyncio.to_thread(_remove, container)


def _remove(container: Any) -> None:
    with contextlib.suppress(DockerException):  # already gone: AutoRemove won the race
        container.remove(force=True)


def labelled(client: docker.DockerClient) -> list[dict[str, Any]]:
    """Every sandbox container as the engine lists it (id and labels), in one call.

    The high-level ``containers.list`` inspects each container in turn and fails when
    one disappears meanwhile, which auto-removed containers do all the time.
    """
    found: list[dict[str, Any]] = client.api.containers(all=True, filters={"label": LABEL})
    return found


def remove_orphans(client: docker.DockerClient) -> int:
    """Remove sandbox containers whose owning process on this host is gone.

    Containers of other live ``refute`` processes are left alone. Returns the count.
    """
    removed = 0
    host = socket.gethostname()
    for container in labelled(client):
        labels = container.get("Labels") or {}
        if labels.get("refute.owner.host") == host and _alive(labels):
            continue
        with contextlib.suppress(DockerException):
            client.api.remove_container(container["Id"], force=True)
        removed += 1
    return removed


def _alive(labels: dict[str, str]) -> bool:
    try:
        pid = int(labels.get("refute.owner.pid", ""))
        start = int(labels.get("refute.owner.start", ""))
    except ValueError:
        return False
    return process_start_ticks(pid) == start != -1


def wait_for_removal(client: docker.DockerClient, ids: list[str], timeout: float = 10) -> bool:
    """Wait until none of ``ids`` exists any more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not {c["Id"] for c in labelled(client)}.intersection(ids):
            return True
        time.sleep(0.1)
    return False
