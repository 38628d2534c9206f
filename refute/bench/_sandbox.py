"""``refute bench sandbox``: what the sandbox costs per run, against a bare host process.

Everything is measured in one process and one run, on the same programs, so the ratios
compare like with like: (a) a plain host subprocess, (b) a run through the sandbox pool,
(c) one ``docker exec`` per program for reference, and a stress loop (Python generator
and two C++ programs) on the host and inside one sandbox container. Bare and sandbox
measurements alternate in rounds, so background load weighs on both alike, and each
side's timed runs in a round follow a few untimed ones: the first runs after a switch
pay for caches the other side evicted, which is a cost of switching, not of a run.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from ..errors import RefuteError
from ..sandbox import (
    CPP_FLAGS,
    IMAGE,
    Language,
    Limits,
    Program,
    Sandbox,
    SandboxConfig,
    SandboxPool,
    StressOutcome,
    docker_client,
)

ADD = """#include <cstdio>
int main() { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
  printf("%lld\\n", a + b); return 0; }
"""
ADD_TOO = """#include <cstdio>
int main() { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
  printf("%lld\\n", b + a); return 0; }
"""
GENERATOR = """import random, sys
random.seed(int(sys.argv[1]))
print(random.randint(1, 10**9), random.randint(1, 10**9))
"""


class SandboxBench(BaseModel):
    """Figures from one ``refute bench sandbox`` run; times are means per run.

    With several repeats each figure is the median of the repeats' figures, and
    ``overhead_ratios`` / ``stress_ratios`` list every repeat's ratio, in order.
    """

    runs: int
    stress_iterations: int
    store_files: int
    repeats: int
    busy_poll_ms: float
    bare_ms_per_run: float
    sandbox_ms_per_run: float
    docker_exec_ms_per_run: float
    overhead_ratio: float
    stress_bare_iters_per_s: float
    stress_sandbox_iters_per_s: float
    stress_ratio: float
    overhead_ratios: list[float]
    stress_ratios: list[float]
    image_id: str
    cpus: int


def _host_compile(source: str, out: Path) -> None:
    if shutil.which("g++") is None:
        raise RefuteError("the bare-metal baseline needs g++ on the host: apt-get install g++")
    src = out.with_suffix(".cpp")
    src.write_text(source)
    subprocess.run(["g++", "-std=c++17", *CPP_FLAGS, "-o", str(out), str(src)], check=True)


def _bare_runs(binary: Path, runs: int) -> float:
    """Total milliseconds of ``runs`` plain host subprocess runs."""
    started = time.perf_counter()
    for _ in range(runs):
        done = subprocess.run([str(binary)], input=b"1 2\n", capture_output=True)
        assert done.stdout == b"3\n"
    return (time.perf_counter() - started) * 1000.0


def _bare_stress(generator: Path, a: Path, b: Path, seeds: range) -> float:
    """Total seconds of a stress loop on the host over ``seeds``."""
    started = time.perf_counter()
    for seed in seeds:
        test = subprocess.run(
            [sys.executable, str(generator), str(seed)], capture_output=True, check=True
        ).stdout
        out_b = subprocess.run([str(b)], input=test, capture_output=True).stdout
        out_a = subprocess.run([str(a)], input=test, capture_output=True).stdout
        assert out_a.split() == out_b.split()
    return time.perf_counter() - started


ROUNDS = 10
"""Bare and sandbox measurements alternate in this many rounds, so that whatever else the
machine is doing weighs on both alike."""
WARM_RUNS = 5
"""Untimed runs before each side's timed runs in a round (measured: the first few runs
after the other side's take up to twice as long, on both sides)."""


async def _fill_store(pool: SandboxPool, count: int) -> None:
    """Put ``count`` small files into every container's store, as a long run leaves it."""
    for container in pool._containers:
        for index in range(count):
            await pool._put(container, f"filler-{index}", b"x", executable=False)


async def _figures(
    folder: Path, runs: int, iterations: int, store_files: int, busy_poll_ms: float, image: str
) -> dict[str, float | str]:
    config = SandboxConfig(
        image=image,
        judge_workers=1,
        untrusted_workers=1,
        cache_dir=None,
        busy_poll_ms=busy_poll_ms,
    )
    cpp = Language.parse("cpp")
    add, add_too = Program(source=ADD, language=cpp), Program(source=ADD_TOO, language=cpp)
    generator = Program(source=GENERATOR, language=Language.parse("python"))
    binary, binary_too, script = folder / "add", folder / "add_too", folder / "gen.py"
    limits = Limits(cpu_ms=1000)
    bare_ms = sandbox_ms = 0.0
    bare_s = sandbox_s = 0.0
    async with Sandbox(config) as sandbox:
        pool = sandbox.judge
        await _fill_store(pool, store_files)
        for _ in range(20):  # warm up: compile, page cache
            await pool.run(add, "1 2\n", limits)
        _bare_runs(binary, 20)
        await pool.stress(generator, add, add_too, limits=limits, max_iterations=5)
        per_round, iterations_per_round = max(1, runs // ROUNDS), max(1, iterations // ROUNDS)
        for round_index in range(ROUNDS):
            _bare_runs(binary, WARM_RUNS)
            bare_ms += _bare_runs(binary, per_round)
            for _ in range(WARM_RUNS):
                await pool.run(add, "1 2\n", limits)
            started = time.perf_counter()
            for _ in range(per_round):
                result = await pool.run(add, "1 2\n", limits)
                assert result.stdout == "3\n", result
            sandbox_ms += (time.perf_counter() - started) * 1000.0
            first = round_index * iterations_per_round + 1
            bare_s += _bare_stress(
                script, binary, binary_too, range(first, first + iterations_per_round)
            )
            stress = await pool.stress(
                generator,
                add,
                add_too,
                limits=limits,
                max_iterations=iterations_per_round,
                time_s=600,
                seed=first - 1,
            )
            if stress.outcome is not StressOutcome.NOT_FOUND:
                raise RefuteError(f"the sandbox stress loop misbehaved: {stress.outcome}")
            sandbox_s += stress.elapsed_ms / 1000.0
        exec_ms = await asyncio.to_thread(
            _docker_exec_ms,
            pool.container_ids()[0],
            (await pool.compile(add)).name,
            max(10, runs // 10),
        )
        total_runs, total_iterations = per_round * ROUNDS, iterations_per_round * ROUNDS
        return {
            "runs": total_runs,
            "stress_iterations": total_iterations,
            "bare_ms_per_run": bare_ms / total_runs,
            "sandbox_ms_per_run": sandbox_ms / total_runs,
            "docker_exec_ms_per_run": exec_ms,
            "stress_bare_iters_per_s": total_iterations / bare_s,
            "stress_sandbox_iters_per_s": total_iterations / sandbox_s,
            "image_id": sandbox.image_id,
        }


def _docker_exec_ms(container_id: str, binary: str, runs: int) -> float:
    """One exec per program through the Engine API, on a binary already in the container."""
    api = docker_client().api
    command = ["/bin/sh", "-c", f"echo 1 2 | /work/store/{binary}"]
    started = time.perf_counter()
    for _ in range(runs):
        exec_id = api.exec_create(container_id, command, user="65534:65534")["Id"]
        output = api.exec_start(exec_id)
        assert output.strip() == b"3", output
    return (time.perf_counter() - started) * 1000.0 / runs


def bench_sandbox(
    runs: int = 1000,
    stress_iterations: int = 300,
    store_files: int = 0,
    repeats: int = 1,
    busy_poll_ms: float | None = None,
    image: str = IMAGE,
) -> SandboxBench:
    """Measure the sandbox against bare host processes; see the module docstring.

    ``store_files`` fills the container's store first, as a long benchmark run does
    (every compiled program, validator and checker stays there). ``repeats`` runs the
    whole measurement that many times, each with fresh containers, and reports medians:
    on a shared VM one run can land in a minute when everything is slower.
    ``busy_poll_ms`` is the sandbox's setting of that name (``None``: its default).
    ``image`` is the sandbox image, to compare one image's toolchain with another's.
    """
    if busy_poll_ms is None:
        busy_poll_ms = float(SandboxConfig.model_fields["busy_poll_ms"].default)
    with tempfile.TemporaryDirectory(prefix="refute-bench-") as tmp:
        folder = Path(tmp)
        _host_compile(ADD, folder / "add")
        _host_compile(ADD_TOO, folder / "add_too")
        (folder / "gen.py").write_text(GENERATOR)
        measured = [
            asyncio.run(_figures(folder, runs, stress_iterations, store_files, busy_poll_ms, image))
            for _ in range(repeats)
        ]

    def median(name: str) -> float:
        return statistics.median(float(figures[name]) for figures in measured)

    overhead = [float(f["sandbox_ms_per_run"]) / float(f["bare_ms_per_run"]) for f in measured]
    stress = [
        float(f["stress_sandbox_iters_per_s"]) / float(f["stress_bare_iters_per_s"])
        for f in measured
    ]
    return SandboxBench(
        runs=int(measured[0]["runs"]),
        stress_iterations=int(measured[0]["stress_iterations"]),
        store_files=store_files,
        repeats=repeats,
        busy_poll_ms=busy_poll_ms,
        bare_ms_per_run=round(median("bare_ms_per_run"), 3),
        sandbox_ms_per_run=round(median("sandbox_ms_per_run"), 3),
        docker_exec_ms_per_run=round(median("docker_exec_ms_per_run"), 3),
        overhead_ratio=round(statistics.median(overhead), 3),
        stress_bare_iters_per_s=round(median("stress_bare_iters_per_s"), 1),
        stress_sandbox_iters_per_s=round(median("stress_sandbox_iters_per_s"), 1),
        stress_ratio=round(statistics.median(stress), 3),
        overhead_ratios=[round(ratio, 3) for ratio in overhead],
        stress_ratios=[round(ratio, 3) for ratio in stress],
        image_id=str(measured[0]["image_id"]),
        cpus=len(os.sched_getaffinity(0)),
    )
