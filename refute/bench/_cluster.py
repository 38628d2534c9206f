"""``refute bench cluster``: the same fuzz run on this machine and on a Ray cluster.

One workload (bundled tasks, fixed seeds, a budget in inputs so that the same inputs
are tried however loaded the machine is) runs with :class:`~refute.runner.LocalBackend`
and with :class:`~refute.cluster.RayBackend`, alternately, ``repeats`` times. The local
run gets as many sandbox workers as the cluster's nodes have together, so on one
machine the comparison isolates what the cluster path costs:

    overhead = cluster attempts_wall_s / local attempts_wall_s - 1

``attempts_wall_s`` runs from the moment the backend is open (sandbox pools up, actors
started) to the last record; ``wall_s`` is the whole run, setup included. Without an
address the command starts a local test cluster (a head and ``nodes`` workers, each its
own ``ray start``) and stops it at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..problems import default_problems_dir
from ..runner import AttemptLog, AttemptRecord, Backend, Progress, RunConfig, run_benchmark
from ..sandbox import IMAGE

BENCH_PROBLEMS = "charged-pair,matching-socks,ribbon-cut"
"""Bundled starter problems: small, quick to judge, always present."""

TARGET_OVERHEAD = 0.10
"""The issue's goal: at most 10% more wall time on the cluster path, on one machine."""


class SideFigures(BaseModel):
    """One run of the workload, on one side."""

    attempts: int
    sandbox_workers: int
    """Sandbox workers per pool, over all nodes."""
    wall_s: float
    """The whole run: sandbox pools, actors, attempts."""
    attempts_wall_s: float
    """From the backend open to the last record."""
    attempts_per_s: float
    per_node: dict[str, int]
    """Attempts finished on each node (``local`` for this machine)."""
    verdicts: dict[str, int]
    """Records by verdict (by outcome when there is no verdict)."""


class RepeatFigures(BaseModel):
    """One local run and one cluster run, back to back."""

    repeat: int
    order: list[str]
    """Which side ran first: repeats alternate, so neither always runs on a warm machine."""
    local: SideFigures
    cluster: SideFigures
    overhead: float
    """``cluster.attempts_wall_s / local.attempts_wall_s - 1``."""
    run_overhead: float
    """The same ratio over whole runs, setup included."""
    records_match: bool
    """Both runs have the same records (task, attempt, outcome, verdict, input)."""


class ClusterBench(BaseModel):
    """Figures from one ``refute bench cluster`` run."""

    address: str
    started_cluster: bool
    """The command started (and stopped) a local test cluster at ``address``."""
    nodes: list[str]
    workers_per_node: int
    problems: str
    tasks: int
    attempts_per_task: int
    inputs_per_attempt: int
    repeats: list[RepeatFigures]
    median_overhead: float
    median_run_overhead: float
    median_local_attempts_per_s: float
    median_cluster_attempts_per_s: float
    within_target: bool
    """``median_overhead <= 0.10``."""
    cpus: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]


def _verdict(record: AttemptRecord) -> str:
    return str(record.verdict) if record.verdict is not None else str(record.outcome)


def _essence(records: list[AttemptRecord]) -> list[tuple[object, ...]]:
    return sorted(
        (r.task_id, r.attempt, r.outcome, r.verdict, r.reason, r.refuted, r.input) for r in records
    )


def _timed(config: RunConfig, out: Path, backend: Backend | None) -> tuple[float, float]:
    """Run ``config`` into ``out``: (whole wall seconds, attempts wall seconds)."""
    last: list[float] = []
    opened: list[float] = []

    def heard(progress: Progress) -> None:
        now = time.perf_counter()
        if not opened:  # the first call comes once the backend is open
            opened.append(now)
        last[:] = [now]

    started = time.perf_counter()
    asyncio.run(run_benchmark(config, out, on_progress=heard, backend=backend))
    ended = time.perf_counter()
    return ended - started, (last[0] - opened[0]) if opened else 0.0


def _side(
    records: list[AttemptRecord], workers: int, wall: float, busy: float, per_node: dict[str, int]
) -> SideFigures:
    return SideFigures(
        attempts=len(records),
        sandbox_workers=workers,
        wall_s=round(wall, 3),
        attempts_wall_s=round(busy, 3),
        attempts_per_s=round(len(records) / busy, 3) if busy > 0 else 0.0,
        per_node=per_node,
        verdicts=dict(sorted(Counter(_verdict(r) for r in records).items())),
    )


def _ratio(cluster: float, local: float) -> float:
    return round(cluster / local - 1, 4) if local > 0 else 0.0


@contextlib.contextmanager
def _cluster(address: str | None, nodes: int) -> Iterator[tuple[str, bool]]:
    if address is not None:
        yield address, False
        return
    from ..cluster import LocalCluster

    with LocalCluster(workers=nodes, cpus=1) as started:
        yield started, True


def bench_cluster(
    *,
    address: str | None = None,
    nodes: int = 2,
    workers_per_node: int = 1,
    problems: str = BENCH_PROBLEMS,
    attempts: int = 4,
    inputs: int = 300,
    repeats: int = 3,
    image: str = IMAGE,
    out: Path | None = None,
) -> ClusterBench:
    """Measure the cluster path against the local path; see the module docstring.

    ``address`` is a running cluster's (``HOST:PORT``, ``ray://HOST:PORT``, ``auto``);
    without it a local test cluster of ``nodes`` worker nodes is started and stopped.
    ``out`` keeps the run directories (``repeat-<i>/local``, ``repeat-<i>/cluster``).

    Example::

        figures = bench_cluster(repeats=3)
        print(figures.median_overhead, figures.within_target)
    """
    from ..cluster import RayBackend

    base = RunConfig(
        agent="fuzz",
        agent_options={"inputs": inputs, "seconds": 600.0},
        problems_dir=default_problems_dir(),
        problems=problems,
        include_fuzzable=True,
        attempts=attempts,
        sandbox_workers=workers_per_node,
        seed=0,
        image=image,
    )
    load_before = os.getloadavg()
    rows: list[RepeatFigures] = []
    node_names: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="refute-bench-cluster-") as tmp,
        _cluster(address, nodes) as (target, started),
    ):
        root = out if out is not None else Path(tmp)
        for repeat in range(repeats):
            order = ["cluster", "local"] if repeat % 2 == 0 else ["local", "cluster"]
            timed: dict[str, tuple[float, float]] = {}
            backend = RayBackend(target)
            for side in order:
                folder = root / f"repeat-{repeat}" / side
                if side == "cluster":
                    timed[side] = _timed(base, folder, backend)
                    node_names = node_names or list(backend.nodes)
                else:
                    # as many sandbox workers here as on all the cluster's nodes together
                    local = base.model_copy(
                        update={"sandbox_workers": workers_per_node * len(node_names)}
                    )
                    timed[side] = _timed(local, folder, None)
            here = AttemptLog(root / f"repeat-{repeat}" / "local" / "attempts.jsonl").read()
            there = AttemptLog(root / f"repeat-{repeat}" / "cluster" / "attempts.jsonl").read()
            local_side = _side(
                here, workers_per_node * len(node_names), *timed["local"], {"local": len(here)}
            )
            cluster_side = _side(
                there, workers_per_node * len(node_names), *timed["cluster"], backend.per_node
            )
            rows.append(
                RepeatFigures(
                    repeat=repeat,
                    order=order,
                    local=local_side,
                    cluster=cluster_side,
                    overhead=round(
                        cluster_side.attempts_wall_s / local_side.attempts_wall_s - 1, 4
                    ),
                    run_overhead=round(cluster_side.wall_s / local_side.wall_s - 1, 4),
                    records_match=_essence(here) == _essence(there),
                )
            )
    median_overhead = statistics.median(row.overhead for row in rows)
    return ClusterBench(
        address=target,
        started_cluster=started,
        nodes=node_names,
        workers_per_node=workers_per_node,
        problems=problems,
        tasks=len({r.task_id for r in here}),
        attempts_per_task=attempts,
        inputs_per_attempt=inputs,
        repeats=rows,
        median_overhead=round(median_overhead, 4),
        median_run_overhead=round(statistics.median(row.run_overhead for row in rows), 4),
        median_local_attempts_per_s=round(
            statistics.median(row.local.attempts_per_s for row in rows), 3
        ),
        median_cluster_attempts_per_s=round(
            statistics.median(row.cluster.attempts_per_s for row in rows), 3
        ),
        within_target=median_overhead <= TARGET_OVERHEAD,
        cpus=len(os.sched_getaffinity(0)),
        load_before=load_before,
        load_after=os.getloadavg(),
    )
