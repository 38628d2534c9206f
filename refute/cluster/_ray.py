"""The Ray side: one actor per node holding that node's sandbox pool."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ray as _typed_ray
from ray.exceptions import ActorUnavailableError, RayActorError, RayTaskError
from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

from ..models import Completion, Message, Messages, ToolSpec, ToolSpecs
from ..problems import Task
from ..runner import FinishedAttempt, RunConfig
from ._backend import ClusterError

ray: Any = _typed_ray  # its stubs type remote() by arity; we call it dynamically


def _cause(error: RayTaskError) -> BaseException:
    """What a remote call raised, as it was raised there (``RayTaskError`` wraps it)."""
    return error.cause if isinstance(error.cause, Exception) else error


MODEL_ENV_PREFIXES = ("OPENAI_", "ANTHROPIC_", "REFUTE_")
"""The driver's environment variables the model host gets: endpoints, keys, the response
cache's folder, prices."""


class _ModelHost:
    """Lives on the head node: the run's one model client, its response cache and its
    ``ModelLimiter``, so the concurrency limit holds over the whole cluster."""

    def __init__(self, config_json: str) -> None:
        self.config = RunConfig.model_validate_json(config_json)
        self.stack = contextlib.AsyncExitStack()
        self.model: Any = None

    async def start(self) -> bool:
        from ..models import ModelLimiter, get_model

        config = self.config
        assert config.model is not None
        self.model = await self.stack.enter_async_context(
            get_model(
                config.model,
                config.sampling,
                no_cache=config.no_cache,
                limiter=ModelLimiter(config.model_concurrency),
                retry=config.model_retry,
            )
        )
        return True

    async def complete(
        self, messages: list[Message], tools: list[ToolSpec] | None, attempt_key: str | None
    ) -> Completion:
        completion: Completion = await self.model.complete(messages, tools, attempt_key=attempt_key)
        return completion


class RemoteModel:
    """The run's model as a node sees it: each call goes to the model host."""

    def __init__(self, host: Any) -> None:
        self.host = host

    async def complete(
        self, messages: Messages, tools: ToolSpecs | None = None, *, attempt_key: str | None = None
    ) -> Completion:
        try:
            completion: Completion = await self.host.complete.remote(
                list(messages), list(tools) if tools is not None else None, attempt_key
            )
        except RayTaskError as error:  # the model's own fault, as a local run raises it
            raise _cause(error) from None
        return completion


async def start_model_host(address: str, config: RunConfig) -> Any:
    """The model host actor on the head node, started (its model client open)."""
    connect(address)
    head = next(
        (n for n in ray.nodes() if n.get("Alive") and "node:__internal_head__" in n["Resources"]),
        None,
    )
    if head is None:
        raise ClusterError(f"--cluster {address}: no head node found for the model client")
    env = {k: v for k, v in os.environ.items() if k.startswith(MODEL_ENV_PREFIXES)}
    host = (
        ray.remote(num_cpus=0, max_concurrency=1000)(_ModelHost)
        .options(
            scheduling_strategy=NodeAffinitySchedulingStrategy(head["NodeID"], soft=False),
            runtime_env={"env_vars": env},
        )
        .remote(config.model_dump_json())
    )
    try:
        await host.start.remote()
    except RayTaskError as error:
        raise _cause(error) from None
    return host


class _NodeWorker:
    """Lives on one node; runs attempts there, judged in the node's own Docker; model
    calls go to the model host."""

    def __init__(self, config_json: str, host: Any, name: str) -> None:
        self.config = RunConfig.model_validate_json(config_json)
        self.model = RemoteModel(host) if host is not None else None
        self.name = name
        self.stack = contextlib.AsyncExitStack()
        self.env: Any = None

    async def start(self) -> dict[str, Any]:
        from ..runner import attempt_env
        from ..sandbox import Sandbox, SandboxConfig

        workers = self.config.sandbox_workers
        try:
            sandbox = await self.stack.enter_async_context(
                Sandbox(
                    SandboxConfig(
                        image=self.config.image, judge_workers=workers, untrusted_workers=workers
                    )
                )
            )
        except Exception as error:
            raise ClusterError(f"node {self.name}: sandbox unusable: {error}") from None
        self.env = attempt_env(self.config, sandbox, self.model)
        return {"image_id": sandbox.image_id, "toolchain": sandbox.toolchain, "slots": 1}

    async def attempt(self, task: Task, index: int) -> FinishedAttempt:
        from ..runner import run_attempt

        return await run_attempt(self.env, task, index)


def connect(address: str) -> None:
    """Connect this process to the cluster (once), shipping the driver's ``refute``."""
    if ray.is_initialized():
        return
    import refute

    package = str(Path(refute.__file__).parent)
    try:
        ray.init(
            address=address,
            runtime_env={"py_modules": [package]},
            log_to_driver=False,
            logging_level="ERROR",
        )
    except Exception as error:
        raise ClusterError(f"--cluster {address}: cannot connect ({error})") from None


@dataclass
class _Node:
    name: str
    actor: Any
    in_flight: int = 0


@dataclass
class Nodes:
    """The actors of a run, one per alive node with CPUs."""

    alive: list[_Node] = field(default_factory=list)
    image_id: str = ""
    toolchain: dict[str, str] = field(default_factory=dict)
    slots: int = 0
    """Calls to keep in flight over all nodes (their sandbox pools' sizes together)."""
    lost: list[str] = field(default_factory=list)
    """Nodes that died during the run."""

    @classmethod
    async def start(cls, address: str, worker: type, *args: Any) -> Nodes:
        """One actor of class ``worker`` per node, made with ``(*args, node name)``; its
        ``start()`` opens the node's sandbox and returns image id, toolchain and slots."""
        connect(address)
        actor_class = ray.remote(num_cpus=0, max_concurrency=1000)(worker)
        nodes = cls()
        for info in ray.nodes():
            if not info.get("Alive") or not info.get("Resources", {}).get("CPU"):
                continue
            name = info.get("NodeName", "") + "/" + info["NodeID"][:8]
            strategy = NodeAffinitySchedulingStrategy(info["NodeID"], soft=False)
            actor = actor_class.options(scheduling_strategy=strategy).remote(*args, name)
            nodes.alive.append(_Node(name, actor))
        if not nodes.alive:
            nodes.close()
            raise ClusterError(f"--cluster {address}: the cluster has no node with CPUs")
        for node in list(nodes.alive):
            try:
                started = await node.actor.start.remote()
            except RayTaskError as error:
                nodes.close()
                raise ClusterError(str(error.cause)) from None
            if nodes.image_id and started["image_id"] != nodes.image_id:
                nodes.close()
                raise ClusterError(f"node {node.name}: another sandbox image than the others")
            nodes.image_id, nodes.toolchain = started["image_id"], started["toolchain"]
            nodes.slots += started.get("slots", 1)
        return nodes

    def pick(self) -> _Node | None:
        return min(self.alive, key=lambda node: node.in_flight, default=None)

    async def call(self, node: _Node, method: str, *args: Any) -> Any:
        """``method(*args)`` on ``node``'s actor; ``None`` when the node died under it
        (redo it elsewhere). An exception the call raised is raised here."""
        node.in_flight += 1
        try:
            return await getattr(node.actor, method).remote(*args)
        except (RayActorError, ActorUnavailableError):
            if node in self.alive:
                self.alive.remove(node)
                self.lost.append(node.name)
            return None
        except RayTaskError as error:
            raise _cause(error) from None
        finally:
            node.in_flight -= 1

    async def run(self, method: str, *args: Any) -> tuple[str, Any] | None:
        """``method(*args)`` on the least busy node, redone on another while nodes die
        under it: (the node's name, the result), or ``None`` when no node is left."""
        while (node := self.pick()) is not None:
            result = await self.call(node, method, *args)
            if result is not None:
                return node.name, result
        return None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            ray.shutdown()
