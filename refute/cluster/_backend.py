"""A runner backend that runs each attempt on one of a Ray cluster's nodes."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import AsyncIterator

from ..errors import RefuteError
from ..problems import Task
from ..runner import BackendGone, Executor, FinishedAttempt, RunConfig, attempt_concurrency


class ClusterError(RefuteError):
    """The cluster cannot be reached or used (the message names the address or node)."""


def _reachable(address: str) -> None:
    """Fail in one line, fast, when nothing listens at a ``HOST:PORT`` address."""
    target = address.removeprefix("ray://")
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        raise ClusterError(f"--cluster {address}: expected HOST:PORT, ray://HOST:PORT or auto")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as error:
        raise ClusterError(f"--cluster {address}: cannot reach the cluster ({error})") from None


def resolve_address(address: str) -> str:
    """The cluster's address (``auto``: ``RAY_ADDRESS``), checked to be reachable."""
    if address == "auto":
        address = os.environ.get("RAY_ADDRESS", "")
        if not address:
            raise ClusterError("--cluster auto: RAY_ADDRESS is not set")
    _reachable(address)
    return address


class RayBackend:
    """Attempts as calls to one actor per alive node of the Ray cluster at ``address``.

    ``address`` is ``HOST:PORT`` (the head's GCS), ``ray://HOST:PORT`` (Ray client) or
    ``auto`` (``RAY_ADDRESS``). Each node's actor judges in that node's own sandbox pool.
    An attempt whose node dies is redone on another node; only its one result is kept.
    """

    def __init__(self, address: str) -> None:
        self.address = resolve_address(address)
        self.per_node: dict[str, int] = {}
        """Attempts finished on each node (by node name) in this process."""
        self.nodes: list[str] = []
        """The nodes the last run started on (by node name)."""
        self.lost: list[str] = []
        """Nodes that died under a run (their attempts were redone elsewhere)."""

    @contextlib.asynccontextmanager
    async def open(self, config: RunConfig) -> AsyncIterator[Executor]:
        from ._ray import Nodes, _NodeWorker, start_model_host

        host = await start_model_host(self.address, config) if config.model else None
        nodes = await Nodes.start(self.address, _NodeWorker, config.model_dump_json(), host)
        self.nodes = [node.name for node in nodes.alive]
        try:

            async def execute(task: Task, index: int) -> FinishedAttempt:
                done = await nodes.run("attempt", task, index)
                if done is None:
                    raise BackendGone(f"--cluster {self.address}: no node of the cluster is left")
                name, result = done
                self.per_node[name] = self.per_node.get(name, 0) + 1
                assert isinstance(result, FinishedAttempt)
                return result

            yield Executor(
                execute=execute,
                concurrency=attempt_concurrency(config) * max(len(nodes.alive), 1),
                image_id=nodes.image_id,
                toolchain=nodes.toolchain,
            )
        finally:
            self.lost += nodes.lost
            nodes.close()
