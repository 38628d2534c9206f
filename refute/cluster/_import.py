"""``refute problems import/check --cluster``: packages and tasks judged on the nodes.

Packages are independent: each (or, for Kattis, each group of packages with one id, so
that the importer itself picks the first) is imported on one node's actor, in a scratch
folder there; its entries and written files come back, and the driver alone writes
``--out`` and ``import-report.json``, in the order a local import would. A node that
dies takes its packages with it; they are redone on another node.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from ..importers import (
    ImportCache,
    ImportEntry,
    ImportReport,
    ImportStatus,
    find_packages,
    find_polygon_packages,
    read_tree,
    staging,
    write_tree,
)
from ..judge import JudgeConfig, TaskCheck
from ..problems import Task, package_id
from ..sandbox import IMAGE
from ._backend import ClusterError, resolve_address

Progress = Callable[[Path, list[ImportEntry]], None]
Unit = tuple[list[ImportEntry], dict[str, dict[str, bytes]]]


@contextlib.asynccontextmanager
async def _judge_nodes(
    address: str, image: str, workers: int | None, judge: JudgeConfig
) -> AsyncIterator[Any]:
    address = resolve_address(address)  # unreachable: one line, before Ray is imported
    from ._judging import JudgeNode
    from ._ray import Nodes

    nodes = await Nodes.start(
        address, JudgeNode, image, workers, judge.model_dump_json(), os.getcwd()
    )
    try:
        yield nodes
    finally:
        nodes.close()


async def _on_nodes(nodes: Any, address: str, method: str, *args: Any) -> Any:
    done = await nodes.run(method, *args)
    if done is None:
        raise ClusterError(f"--cluster {address}: no node of the cluster is left")
    return done[1]


def _write_package(out: Path, id: str, files: dict[str, bytes], force: bool) -> ImportEntry:
    """Put a package the node wrote into ``out``, as the importer's publisher would: the
    status and reasons of its entry."""
    target = out / id
    existing = read_tree(target) if target.is_dir() else None
    if files == existing:
        return ImportEntry(id=id, source="", status=ImportStatus.UNCHANGED)
    if target.exists() and existing is None:
        reason = f"{target} exists and is not a directory"
        return ImportEntry(id=id, source="", status=ImportStatus.CONFLICT, reasons=[reason])
    if existing is not None and not force:
        reason = f"a different package {id!r} is in {out}; --force replaces it"
        return ImportEntry(id=id, source="", status=ImportStatus.CONFLICT, reasons=[reason])
    with staging(out) as stage:
        write_tree(files, stage / id)
        if existing is not None:
            os.replace(target, stage / f"{id}.old")
        os.replace(stage / id, target)
    status = ImportStatus.REPLACED if existing is not None else ImportStatus.WRITTEN
    return ImportEntry(id=id, source="", status=status)


def _kept(out: Path, unit: Unit, force: bool, first: dict[str, str]) -> list[ImportEntry]:
    """The entries of one unit once its packages are in ``out``; ``first`` maps package
    ids to the source that took them (a later package with the same id is skipped)."""
    entries, trees = unit
    kept: list[ImportEntry] = []
    for entry in entries:
        files = trees.get(entry.id)
        if entry.kind != "submission" and entry.status is ImportStatus.WRITTEN:
            if first.setdefault(entry.id, entry.source) != entry.source:
                taken = first[entry.id]
                reason = f"another package with the id {entry.id!r} comes first: {taken}"
                update: dict[str, Any] = {"status": ImportStatus.SKIPPED, "tasks": []}
                update |= {"reasons": [reason], "cause": "duplicate id"}
                kept.append(entry.model_copy(update=update))
                continue
            if files is not None:
                written = _write_package(out, entry.id, files, force)
                update = {"status": written.status, "reasons": entry.reasons + written.reasons}
                if written.status is ImportStatus.CONFLICT:
                    update["tasks"] = []
                if written.status not in (ImportStatus.WRITTEN, ImportStatus.REPLACED):
                    update["cause"] = entry.cause or str(written.status)
                entry = entry.model_copy(update=update)
        kept.append(entry)
    return kept


async def import_on_cluster(
    address: str,
    importer: str,
    paths: list[Path],
    out: Path,
    *,
    force: bool = False,
    categories: tuple[str, ...] = ("wrong_answer",),
    order: str = "smallest",
    image: str = IMAGE,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import Kattis (``importer="kattis"``) or Polygon packages on a Ray cluster's nodes
    into ``out`` on this machine; the same packages and report as a local import.

    ``workers`` is the judge containers per node. Kattis imports keep the import cache
    in ``out`` (an unchanged package is not sent to a node); Polygon imports do not use
    it.

    Example::

        report = asyncio.run(import_on_cluster("HEAD:6379", "kattis", [Path("archive")],
                                               Path("imported")))
    """
    if importer == "kattis":
        groups: dict[str, list[Path]] = {}
        for directory in find_packages(paths):
            groups.setdefault(package_id(directory.resolve().name), []).append(directory)
        units = list(groups.values())
    else:
        units = [[path] for path in find_polygon_packages(paths)]
    judge = JudgeConfig()
    store = ImportCache(out) if importer == "kattis" else None
    settings = judge.model_dump_json()
    options = {"categories": list(categories), "order": order}
    results: list[Unit | None] = [None] * len(units)
    cached: set[int] = set()
    report = ImportReport(importer=importer, out=str(out))
    first: dict[str, str] = {}
    merged = 0

    def merge() -> None:
        """Keep the finished units in the order of a local import, as they come."""
        nonlocal merged
        while merged < len(units) and (unit := results[merged]) is not None:
            entries = _kept(out, unit, force, first)
            report.entries += entries
            key = _cache_key(store, units[merged], categories, settings)
            if store is not None and key is not None and merged not in cached:
                store.put(units[merged][0], key, entries)
            if progress is not None:
                progress(units[merged][0], entries)
            merged += 1

    async with _judge_nodes(address, image, workers, judge) as nodes:
        limit = asyncio.Semaphore(max(nodes.slots, 1))

        async def one(index: int) -> None:
            unit = units[index]
            key = _cache_key(store, unit, categories, settings)
            known = store.get(unit[0], key) if store is not None and key is not None else None
            if known is not None:
                results[index] = (known, {})
                cached.add(index)
            else:
                async with limit:
                    sent = [str(path) for path in unit]
                    results[index] = await _on_nodes(
                        nodes, address, "import_packages", importer, sent, options
                    )
            merge()

        try:
            await asyncio.gather(*(one(index) for index in range(len(units))))
        finally:  # what was imported is kept, and said
            out.mkdir(parents=True, exist_ok=True)
            report.write(out)
    return report


def _cache_key(
    store: ImportCache | None, unit: list[Path], categories: tuple[str, ...], settings: str
) -> str | None:
    """The import cache's key of a lone package (as ``import_kattis`` makes it)."""
    if store is None or len(unit) != 1:
        return None
    return store.key(unit[0], ",".join(categories), settings)


async def check_on_cluster(
    address: str,
    tasks: list[Task],
    judge: JudgeConfig,
    *,
    image: str = IMAGE,
    workers: int | None = None,
) -> list[TaskCheck]:
    """``check_task`` of every task on a Ray cluster's nodes; the checks in task order.

    Example::

        checks = asyncio.run(check_on_cluster("HEAD:6379", load_problems().tasks(),
                                              JudgeConfig()))
    """
    async with _judge_nodes(address, image, workers, judge) as nodes:
        limit = asyncio.Semaphore(max(nodes.slots, 1))

        async def one(task: Task) -> TaskCheck:
            async with limit:
                checked: TaskCheck = await _on_nodes(nodes, address, "check", task)
                return checked

        return list(await asyncio.gather(*(one(task) for task in tasks)))
