"""``refute bench hack``: ``refute hack`` against the contestant's bash stress loop.

Both loops get the same generator, solution and brute (C++, compiled with the sandbox's
flags: the bash loop on the host's g++, ``refute hack`` in the sandbox image) and run in
this one process on this one machine, alternating, so background load weighs on both:

- throughput: tests per second over a fixed number of tests, on a correct solution
  (the task's reference against itself), so that neither loop stops early;
- time to first counterexample: the task's incorrect submission, from several start
  seeds, until the first failing test (the bash loop's ``cmp`` breaks; ``refute hack``
  stops once the judge confirms a difference). Only the search is timed on both sides:
  compiling and starting the sandbox happen once per session and are reported apart.
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from ..errors import RefuteError
from ..hack import HackBudget, HackOutcome, HackRequest, NamedProgram, hack
from ..problems import Task, load_problems
from ..sandbox import CPP_FLAGS, Language, Program, Sandbox, SandboxConfig, docker_client
from ._hack_tasks import HACK_TASKS, HackTask

BASH_LOOP = """set -u
for i in $(seq {first} {last}); do
  ./gen $i > in; ./sol < in > a; ./brute < in > b
  cmp -s a b || {{ echo $i; break; }}
done
"""
"""The issue's loop, verbatim but for the seed range and printing the failing seed."""

TTFC_SEEDS = (0, 1000, 2000, 3000, 4000)
"""Start seeds of the time-to-first-counterexample runs (the loop's first seed is +1)."""


class TaskFigures(BaseModel):
    """One task's figures; each is the median over the repeats or the start seeds."""

    task_id: str
    bash_tests_per_s: float
    refute_tests_per_s: float
    ratio: float
    """``refute_tests_per_s / bash_tests_per_s``, the median of the per-repeat ratios."""
    ratios: list[float]
    container_bash_tests_per_s: float
    """The same bash loop inside one container of the sandbox image (``docker run``, not
    pinned, not hardened): what any container gets from this host's scheduler."""
    container_ratio: float
    """``refute_tests_per_s / container_bash_tests_per_s``, median of per-repeat ratios:
    the parallel search against the serial loop under the same scheduling."""
    bash_ttfc_s: float
    refute_ttfc_s: float
    bash_ttfc_tests: float
    refute_ttfc_tests: float
    bash_cpu_ms_per_test: float
    """CPU time (user + system) of the bash loop and its children, per test."""
    refute_cpu_ms_per_test: float | None
    """CPU time of the judge pool's containers (their cgroups) per test; ``None`` where
    the engine's cgroups cannot be read. With the host's own CPU time, which is small."""
    refute_ttfc_wall_s: float
    """``hack()`` end to end without shrinking (sandbox already up): compile-cache lookups,
    the brute's first run, the search, the judge's confirmation and the report runs."""


class HackBench(BaseModel):
    """Figures of one ``refute bench hack`` run."""

    tests: int
    repeats: int
    workers: int
    cpus: int
    tasks: list[TaskFigures]
    median_ratio: float
    """The median over tasks of each task's throughput ratio."""
    median_container_ratio: float
    """The same against the bash loop run inside a container."""
    sandbox_start_s: float
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    image_id: str


def _compile(source: str, output: Path) -> None:
    if shutil.which("g++") is None:
        raise RefuteError("the bash loop baseline needs g++ on the host: apt-get install g++")
    written = output.with_suffix(".cpp")
    written.write_text(source, encoding="utf-8")
    argv = ["g++", "-std=c++17", *CPP_FLAGS, "-o", str(output), str(written)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RefuteError(f"g++ failed on {written.name}: {done.stderr.strip()[:300]}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _bash(directory: Path, first: int, last: int) -> tuple[float, int | None, float]:
    """Seconds the loop took, the failing seed (``None`` if it ran to the end), and the
    CPU seconds it used."""
    script = BASH_LOOP.format(first=first, last=last)
    cpu = _children_cpu()
    started = time.monotonic()
    done = subprocess.run(
        ["bash", "-c", script], cwd=directory, capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    said = done.stdout.strip()
    return seconds, int(said) if said.isdigit() else None, _children_cpu() - cpu


CONTAINER_LOOP = """set -eu
mkdir -p /tmp/w && cp /src/gen /src/sol /src/brute /tmp/w && cd /tmp/w
s=$(date +%s%N)
{loop}
e=$(date +%s%N)
echo "elapsed_us $(( (e - s) / 1000 ))"
"""


def _bash_in_container(image: str, directory: Path, tests: int) -> float:
    """Seconds the bash loop took inside a fresh container (its start is not timed)."""
    script = CONTAINER_LOOP.format(loop=BASH_LOOP.format(first=1, last=tests))
    client = docker_client()
    try:
        output = client.containers.run(
            image,
            ["bash", "-c", script],
            user="0",
            network_mode="none",
            volumes={str(directory): {"bind": "/src", "mode": "ro"}},
            remove=True,
        )
    finally:
        client.close()
    for line in output.decode("utf-8", "replace").splitlines():
        if line.startswith("elapsed_us "):
            return int(line.split()[1]) / 1e6
    raise RefuteError(f"the bash loop in a container printed no time: {output[-300:]!r}")


def _container_cpu(ids: list[str]) -> float | None:
    """CPU seconds the containers used so far, from their cgroups (v1 or v2)."""
    total = 0.0
    for container in ids:
        v1 = Path("/sys/fs/cgroup/cpuacct/docker") / container / "cpuacct.usage"
        v2 = Path("/sys/fs/cgroup/system.slice") / f"docker-{container}.scope" / "cpu.stat"
        try:
            if v1.exists():
                total += int(v1.read_text()) / 1e9
            elif v2.exists():
                stat = dict(line.split() for line in v2.read_text().splitlines())
                total += int(stat["usage_usec"]) / 1e6
            else:
                return None
        except (OSError, ValueError, KeyError):
            return None
    return total


def _cpp(source: str, name: str) -> NamedProgram:
    return NamedProgram(name=name, program=Program(source=source, language=Language.parse("cpp")))


class _Side:
    """One task set up for both loops: host binaries in a folder, programs for the sandbox."""

    def __init__(self, bench_task: HackTask, task: Task, directory: Path):
        self.task = task
        self.directory = directory
        directory.mkdir(parents=True)
        for name, source in (
            ("gen", bench_task.generator),
            ("wrong", task.submission.program.source),
            ("brute", task.problem.reference.source),
        ):
            _compile(source, directory / name)
        self.generator = _cpp(bench_task.generator, "gen.cpp")
        self.wrong = _cpp(task.submission.program.source, "sol.cpp")
        self.brute = _cpp(task.problem.reference.source, "brute.cpp")

    def use(self, solution: str) -> None:
        shutil.copy(self.directory / solution, self.directory / "sol")


def _check_tasks(tasks: list[Task]) -> None:
    for task in tasks:
        programs = (task.submission.program, task.problem.reference)
        if any(not program.language.compiled for program in programs):
            raise RefuteError(f"{task.id}: the bench needs C++ solution and reference")


async def _measure(
    sides: list[_Side], tests: int, repeats: int, workers: int, sandbox: Sandbox
) -> list[TaskFigures]:
    image = sandbox.config.image
    figures = []
    for side in sides:
        bash_rates, refute_rates, ratios = [], [], []
        bash_cpu, refute_cpu, container_rates, container_ratios = [], [], [], []
        ids = sandbox.judge.container_ids()
        for _ in range(repeats):
            side.use("brute")
            seconds, _, cpu = _bash(side.directory, 1, tests)
            bash_rate = tests / seconds
            bash_cpu.append(1000 * cpu / tests)
            in_container = tests / await asyncio.to_thread(
                _bash_in_container, image, side.directory, tests
            )
            container_rates.append(in_container)
            request = HackRequest(
                solution=side.brute,
                brute=side.brute,
                generator=side.generator,
                budget=HackBudget(tests=tests),
                minimize=False,
                workers=workers,
            )
            before = _container_cpu(ids)
            result = await hack(request, sandbox=sandbox)
            after = _container_cpu(ids)
            if before is not None and after is not None and result.stats.tests:
                refute_cpu.append(1000 * (after - before) / result.stats.tests)
            refute_rate = result.stats.rate
            bash_rates.append(bash_rate)
            refute_rates.append(refute_rate)
            ratios.append(round(refute_rate / bash_rate, 3))
            container_ratios.append(round(refute_rate / in_container, 3))
        side.use("wrong")
        bash_s, bash_n, refute_s, refute_n, walls = [], [], [], [], []
        for start in TTFC_SEEDS:
            seconds, failing, _ = _bash(side.directory, start + 1, start + 100_000)
            if failing is None:
                raise RefuteError(f"{side.task.id}: the bash loop found nothing from seed {start}")
            bash_s.append(seconds)
            bash_n.append(failing - start)
            request = HackRequest(
                solution=side.wrong,
                brute=side.brute,
                generator=side.generator,
                budget=HackBudget(seconds=120),
                minimize=False,
                seed=start,
                workers=workers,
            )
            began = time.monotonic()
            result = await hack(request, sandbox=sandbox)
            walls.append(time.monotonic() - began)
            if result.outcome is not HackOutcome.FOUND or result.stats.found_seconds is None:
                raise RefuteError(f"{side.task.id}: refute hack found nothing from seed {start}")
            refute_s.append(result.stats.found_seconds)
            refute_n.append(result.stats.tests)
        figures.append(
            TaskFigures(
                task_id=side.task.id,
                bash_tests_per_s=round(statistics.median(bash_rates), 1),
                refute_tests_per_s=round(statistics.median(refute_rates), 1),
                ratio=round(statistics.median(ratios), 3),
                ratios=ratios,
                container_bash_tests_per_s=round(statistics.median(container_rates), 1),
                container_ratio=round(statistics.median(container_ratios), 3),
                bash_ttfc_s=round(statistics.median(bash_s), 3),
                refute_ttfc_s=round(statistics.median(refute_s), 3),
                bash_ttfc_tests=statistics.median(bash_n),
                refute_ttfc_tests=statistics.median(refute_n),
                bash_cpu_ms_per_test=round(statistics.median(bash_cpu), 3),
                refute_cpu_ms_per_test=(
                    round(statistics.median(refute_cpu), 3) if refute_cpu else None
                ),
                refute_ttfc_wall_s=round(statistics.median(walls), 3),
            )
        )
    return figures


def bench_hack(
    *,
    tests: int = 1000,
    repeats: int = 3,
    workers: int | None = None,
    task_ids: list[str] | None = None,
) -> HackBench:
    """Run the comparison; see the module docstring for what is timed."""
    chosen = [t for t in HACK_TASKS if task_ids is None or t.task_id in task_ids]
    if not chosen:
        known = ", ".join(t.task_id for t in HACK_TASKS)
        raise RefuteError(f"--task: none of {task_ids} is a bench task ({known})")
    problems = load_problems()
    tasks = [problems.task(t.task_id) for t in chosen]
    _check_tasks(tasks)
    cpus = len(os.sched_getaffinity(0))
    workers = workers or cpus
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="refute-bench-hack-") as scratch:
        sides = [
            _Side(bench_task, task, Path(scratch) / str(index))
            for index, (bench_task, task) in enumerate(zip(chosen, tasks, strict=True))
        ]

        async def run() -> tuple[list[TaskFigures], float, str]:
            started = time.monotonic()
            config = SandboxConfig(judge_workers=workers, untrusted_workers=1)
            async with Sandbox(config) as sandbox:
                start_s = time.monotonic() - started
                figures = await _measure(sides, tests, repeats, workers, sandbox)
                return figures, start_s, sandbox.image_id

        figures, start_s, image = asyncio.run(run())
    return HackBench(
        tests=tests,
        repeats=repeats,
        workers=workers,
        cpus=cpus,
        tasks=figures,
        median_ratio=round(statistics.median(f.ratio for f in figures), 3),
        median_container_ratio=round(statistics.median(f.container_ratio for f in figures), 3),
        sandbox_start_s=round(start_s, 3),
        load_before=load_before,
        load_after=os.getloadavg(),
        image_id=image,
    )
