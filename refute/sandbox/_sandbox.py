"""The sandbox: one judge pool and one untrusted pool, started and stopped together."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import docker
from docker.errors import DockerException
from pydantic import BaseModel, Field

from ..errors import SandboxError
from ..files import cache_dir
from ._container import ContainerSpec, remove_orphans
from ._image import IMAGE, image_id, toolchain
from ._models import Role
from ._pool import SandboxPool


class SandboxConfig(BaseModel):
    """How the sandbox is set up.

    Args:
        image: the sandbox image (default ``refute-sandbox:3``).
        judge_workers: containers in the judge pool (default: one per CPU).
        untrusted_workers: containers in the untrusted pool (default: one per CPU).
        memory_mb: memory per container; programs' own limits are set per run.
        pids: process limit per container.
        work_mb: tmpfs work directory size per container.
        cache_dir: where judge binaries are kept across runs; ``None`` disables it.
        busy_poll_ms: how long the host polls for a program's result before it sleeps,
            while fewer programs run than there are CPUs; 0 turns it off. Polling spends
            CPU time on a spare CPU to spare each short run the wake-up of a sleeping
            one (about 0.1 ms on a VM).
    """

    image: str = IMAGE
    judge_workers: int = Field(default_factory=lambda: len(os.sched_getaffinity(0)), ge=1)
    untrusted_workers: int = Field(default_factory=lambda: len(os.sched_getaffinity(0)), ge=1)
    memory_mb: int = Field(default=2048, ge=256)
    pids: int = Field(default=128, ge=16)
    work_mb: int = Field(default=512, ge=64)
    cache_dir: Path | None = Field(default_factory=cache_dir)
    busy_poll_ms: float = Field(default=5.0, ge=0)


def docker_client() -> docker.DockerClient:
    """A client for the local engine, or a ``SandboxError`` that says how to get one."""
    try:
        client = docker.from_env()
        client.ping()
    except DockerException as error:
        raise SandboxError(
            "the Docker engine is not reachable "
            f"({error.__class__.__name__}): start it (`scripts/setup` installs and starts "
            "dockerd) or set DOCKER_HOST"
        ) from error
    return client


class Sandbox:
    """Both pools of long-lived containers; use as an async context manager.

    Containers are removed on exit, also on Ctrl-C; if this process is killed, each
    container's executor sees its input close and exits, and the engine removes it.

    Example::

        from refute.sandbox import Sandbox, Program, Language, Limits

        async with Sandbox() as sandbox:
            program = Program(source="print(sum(map(int, input().split())))",
                              language=Language.parse("Python 3"))
            result = await sandbox.judge.run(program, "1 2\\n", Limits(cpu_ms=1000))
            assert result.stdout == "3\\n"
    """

    def __init__(self, config: SandboxConfig | None = None):
        self.config = config or SandboxConfig()
        self._client: docker.DockerClient | None = None
        self.image_id = ""
        self.toolchain: dict[str, str] = {}
        """Compiler and interpreter versions recorded in the image (``gcc``, ``python``, ...)."""
        self.judge: SandboxPool
        self.untrusted: SandboxPool

    async def start(self) -> Sandbox:
        config = self.config
        self._client = client = await asyncio.to_thread(docker_client)
        found = await asyncio.to_thread(image_id, client, config.image)
        if found is None:
            raise SandboxError(
                f"sandbox image {config.image} is missing: build it with "
                "`refute sandbox build --offline` (or `scripts/setup`)"
            )
        self.image_id = found
        self.toolchain = await asyncio.to_thread(toolchain, client, config.image)
        await asyncio.to_thread(remove_orphans, client)
        spec = ContainerSpec(
            image=config.image,
            memory_mb=config.memory_mb,
            pids=config.pids,
            work_mb=config.work_mb,
            busy_poll_ms=config.busy_poll_ms,
        )
        cpus = sorted(os.sched_getaffinity(0))
        self.judge = SandboxPool(
            client,
            spec,
            Role.JUDGE,
            [cpus[i % len(cpus)] for i in range(config.judge_workers)],
            found,
            config.cache_dir,
        )
        # Offset the untrusted pool so that, with fewer workers than CPUs, the roles
        # do not pile onto the same cores.
        self.untrusted = SandboxPool(
            client,
            spec,
            Role.UNTRUSTED,
            [cpus[(i + config.judge_workers) % len(cpus)] for i in range(config.untrusted_workers)],
            found,
            None,
        )
        try:
            await asyncio.gather(self.judge.start(), self.untrusted.start())
        except BaseException:
            await self.close()
            raise
        return self

    async def close(self) -> None:
        pools = [p for p in (getattr(self, "judge", None), getattr(self, "untrusted", None)) if p]
        await asyncio.shield(asyncio.gather(*(p.close() for p in pools), return_exceptions=True))
        if self._client is not None:
            self._client.close()
            self._client = None

    def container_ids(self) -> list[str]:
        return [*self.judge.container_ids(), *self.untrusted.container_ids()]

    async def __aenter__(self) -> Sandbox:
        return await self.start()

    async def __aexit__(self, *_: object) -> None:
        await self.close()
