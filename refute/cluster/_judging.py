"""The node side of ``refute problems import/check --cluster``: a judge on the node.

Imported only on a cluster path (it runs where Ray runs); it imports no Ray itself.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from ..importers import ImportEntry, ImportStatus, import_kattis, import_polygon, read_tree
from ..judge import Judge, JudgeConfig, TaskCheck, check_task
from ..problems import Task
from ._backend import ClusterError

Trees = dict[str, dict[str, bytes]]
"""Packages by id: every file by relative path."""


class JudgeNode:
    """Lives on one node: imports packages into a scratch folder there and checks tasks,
    in the node's own sandbox. The driver alone writes ``--out`` and the report.

    Paths are the driver's, taken from its working directory: on one machine, or with
    the archive at the same path on every node (a shared file system).
    """

    def __init__(
        self, image: str, workers: int | None, judge_json: str, cwd: str, name: str
    ) -> None:
        self.image = image
        self.workers = workers
        self.judge_config = JudgeConfig.model_validate_json(judge_json)
        self.name = name
        self.stack = contextlib.AsyncExitStack()
        self.judge: Judge | None = None
        with contextlib.suppress(OSError):  # the actor's process is this run's alone
            os.chdir(cwd)

    async def start(self) -> dict[str, Any]:
        from ..sandbox import Sandbox, SandboxConfig

        # Imports and checks run judge material only: one untrusted container.
        config = SandboxConfig(image=self.image, untrusted_workers=1)
        if self.workers is not None:
            config = SandboxConfig(
                image=self.image, judge_workers=self.workers, untrusted_workers=1
            )
        try:
            sandbox = await self.stack.enter_async_context(Sandbox(config))
        except Exception as error:
            raise ClusterError(f"node {self.name}: sandbox unusable: {error}") from None
        self.judge = Judge(sandbox.judge, self.judge_config)
        slots = sandbox.judge.size
        return {"image_id": sandbox.image_id, "toolchain": sandbox.toolchain, "slots": slots}

    async def import_packages(
        self, importer: str, paths: list[str], options: dict[str, Any]
    ) -> tuple[list[ImportEntry], Trees]:
        """Import ``paths`` (the packages of one id) into a scratch folder; the report's
        entries and the packages written there."""
        assert self.judge is not None
        given = [Path(path) for path in paths]
        with tempfile.TemporaryDirectory(prefix="refute-node-import-") as scratch:
            out = Path(scratch)
            if importer == "kattis":
                categories = tuple(options["categories"])
                report = await import_kattis(
                    given, out, self.judge, categories=categories, cache=False
                )
            else:
                report = await import_polygon(
                    given, out, self.judge, cache=False, order=options["order"]
                )
            written = {
                entry.id: read_tree(out / entry.id)
                for entry in report.entries
                if entry.status is ImportStatus.WRITTEN and (out / entry.id).is_dir()
            }
        return report.entries, written

    async def check(self, task: Task) -> TaskCheck:
        assert self.judge is not None
        return await check_task(self.judge, task)
