"""A Ray cluster on this machine: a head and worker nodes, each its own ``ray start``.

For tests and ``refute bench cluster``. Ray is not imported here: the nodes are started
with the ``ray`` command, and stopped by their own processes only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from ._backend import ClusterError


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _ray_command() -> str:
    beside = Path(sys.executable).parent / "ray"
    found = str(beside) if beside.is_file() else shutil.which("ray")
    if found is None:
        raise ClusterError("no `ray` command: install the extra, pip install 'refute[ray]'")
    return found


def _session_members(sessions: set[int]) -> list[int]:
    """The processes whose session is one of ``sessions``.

    Each node is started in a session of its own, and Ray's daemons and workers keep
    it (workers take a process group of their own, not a session), so the session finds
    exactly this cluster's processes; ``ray stop`` would stop every cluster here.
    """
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[3]) in sessions:
            found.append(int(stat.parent.name))
    return found


class LocalCluster:
    """A head (no CPUs: it hosts the driver only) and ``workers`` worker nodes.

    Each worker node has ``cpus`` CPUs and a custom resource named for it,
    ``refute_node_a``, ``refute_node_b``, ... (a test can find or pin a node by it).
    Every node is stopped on exit, whatever happened; nothing else that runs Ray on this
    machine is touched.

    With ``pin`` (the default) worker node ``i`` runs on CPUs of its own (the next
    ``cpus`` of this process's, round the machine), as a node of a real cluster has its
    own cores: its processes inherit the affinity, and its sandbox pool pins containers
    to those CPUs. Unpinned, every node's pool would pin its first container to the same
    CPU.

    Example::

        with LocalCluster(workers=2) as address:
            backend = RayBackend(address)
    """

    def __init__(
        self, workers: int = 2, cpus: int = 1, temp_dir: Path | None = None, pin: bool = True
    ):
        self.workers = workers
        self.cpus = cpus
        self.pin = pin
        self._temp_dir = temp_dir
        self._made: tempfile.TemporaryDirectory[str] | None = None
        self._sessions: set[int] = set()
        self.address = ""

    def __enter__(self) -> str:
        ray = _ray_command()
        if self._temp_dir is None:
            # short: Ray's socket paths must fit in 107 bytes
            self._made = tempfile.TemporaryDirectory(
                prefix="refute-ray-", dir="/tmp", ignore_cleanup_errors=True
            )
            self._temp_dir = Path(self._made.name)
        port = _free_port()
        self.address = f"127.0.0.1:{port}"
        common = [f"--temp-dir={self._temp_dir}", "--disable-usage-stats"]
        head = [ray, "start", "--head", f"--port={port}", "--num-cpus=0"]
        head += ["--include-dashboard=false", *common]
        commands = [head]
        for index in range(self.workers):
            commands.append(
                [
                    ray,
                    "start",
                    f"--address={self.address}",
                    f"--num-cpus={self.cpus}",
                    f'--resources={{"refute_node_{chr(ord("a") + index)}": 1}}',
                    *common,
                ]
            )
        mine = sorted(os.sched_getaffinity(0))
        try:
            self._start(head, None)
            for index, command in enumerate(commands[1:]):
                # one at a time: nodes that join at once time out
                first = index * self.cpus
                cpus = {mine[(first + k) % len(mine)] for k in range(self.cpus)}
                self._start(command, cpus if self.pin else None)
        except BaseException:
            self.stop()
            raise
        return self.address

    def _start(self, command: list[str], cpus: set[int] | None) -> None:
        env = os.environ | {"RAY_USAGE_STATS_ENABLED": "0"}
        node = subprocess.Popen(
            command if cpus is None else ["taskset", "-c", ",".join(map(str, cpus)), *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self._sessions.add(node.pid)
        what = " ".join(command[1:3])  # start --head, start --address=...
        try:
            said, _ = node.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            node.kill()
            raise ClusterError(f"`ray {what}` did not start in 120 s") from None
        if node.returncode != 0:
            last = said.strip().splitlines()[-1:] or ["no output"]
            raise ClusterError(f"`ray {what}` failed: {last[0]}")

    def stop(self) -> None:
        """Kill every process of this cluster, as ``ray stop --force`` would kill every
        cluster here: Ray's daemons take more than 10 s to heed SIGTERM, and a throwaway
        cluster keeps nothing (the sandbox containers of its nodes end with their owner)."""
        members = _session_members(self._sessions)
        deadline = time.monotonic() + 10
        while members and time.monotonic() < deadline:
            for pid in members:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.1)
            members = _session_members(self._sessions)
        if self._made is not None:
            self._made.cleanup()
            self._made = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()
