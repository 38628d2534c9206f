"""``refute bench ...``: performance figures, reproducible from one command."""

from __future__ import annotations

from pathlib import Path

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from ..bench import (
    BENCH_PROBLEMS,
    bench_cluster,
    bench_hack,
    bench_import,
    bench_runner,
    bench_sandbox,
)
from ..sandbox import IMAGE

bench_app = typer.Typer(help="Measure refute's own performance.", no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help="Print one JSON object.")


def _print_measures(title: str, figures: BaseModel) -> None:
    """Every field of ``figures`` as a row of a two-column table."""
    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in figures.model_dump().items():
        table.add_row(name, str(value))
    Console().print(table)


@bench_app.command("sandbox")
def sandbox(
    runs: int = typer.Option(
        1000,
        min=10,
        help="Program runs per measurement (a tenth per round: with fewer, the switch "
        "between sides weighs more and the figure is noisier).",
    ),
    stress_iterations: int = typer.Option(300, min=10, help="Iterations of the stress loop."),
    store_files: int = typer.Option(
        0, min=0, help="Files put into the container's store first, as a long run leaves it."
    ),
    repeats: int = typer.Option(
        1, min=1, help="Whole measurements to make; figures are their medians."
    ),
    busy_poll_ms: float | None = typer.Option(
        None,
        min=0.0,
        help="The sandbox's busy_poll_ms (0: the host sleeps while a program runs); "
        "default: the sandbox's default.",
    ),
    image: str = typer.Option(IMAGE, help="Sandbox image to measure."),
    json_output: bool = JSON_OPTION,
) -> None:
    """Per-run cost of the sandbox against a bare host process, and a stress loop."""
    figures = bench_sandbox(
        runs=runs,
        stress_iterations=stress_iterations,
        store_files=store_files,
        repeats=repeats,
        busy_poll_ms=busy_poll_ms,
        image=image,
    )
    if json_output:
        print(figures.model_dump_json(indent=2))
        return
    _print_measures(f"sandbox vs bare ({figures.cpus} CPUs)", figures)


@bench_app.command("runner")
def runner(
    attempts: int = typer.Option(100, min=1, help="Single-call attempts."),
    concurrency: int = typer.Option(32, min=1, help="--model-concurrency of the run."),
    latency: float = typer.Option(1.0, min=0.0, help="Seconds the model server takes per call."),
    json_output: bool = JSON_OPTION,
) -> None:
    """How close the runner keeps a slow model busy: wall time against attempts/concurrency."""
    figures = bench_runner(attempts=attempts, concurrency=concurrency, latency=latency)
    if json_output:
        print(figures.model_dump_json(indent=2))
        return
    _print_measures("runner against a slow model", figures)


TASK_OPTION = typer.Option([], "--task", help="Only this bench task (repeatable).")


@bench_app.command("hack")
def hack(
    tests: int = typer.Option(1000, min=10, help="Tests per throughput measurement."),
    repeats: int = typer.Option(3, min=1, help="Throughput measurements per task (medians)."),
    workers: int | None = typer.Option(None, min=1, help="Parallel searches (default: CPUs)."),
    task: list[str] = TASK_OPTION,
    json_output: bool = JSON_OPTION,
) -> None:
    """`refute hack` against the bash stress loop: tests per second, time to first find."""
    figures = bench_hack(tests=tests, repeats=repeats, workers=workers, task_ids=task or None)
    if json_output:
        print(figures.model_dump_json(indent=2))
        return
    table = Table(
        title=f"refute hack vs bash loop ({figures.workers} workers, {figures.cpus} CPUs)"
    )
    columns = (
        "task",
        "bash/s",
        "hack/s",
        "ratio",
        "bash in ctr/s",
        "ratio ctr",
        "bash CPU ms",
        "hack CPU ms",
        "bash ttfc s",
        "hack ttfc s",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "task" else "right")
    for row in figures.tasks:
        hack_cpu = row.refute_cpu_ms_per_test
        table.add_row(
            row.task_id,
            f"{row.bash_tests_per_s:g}",
            f"{row.refute_tests_per_s:g}",
            f"{row.ratio:g}",
            f"{row.container_bash_tests_per_s:g}",
            f"{row.container_ratio:g}",
            f"{row.bash_cpu_ms_per_test:g}",
            "?" if hack_cpu is None else f"{hack_cpu:g}",
            f"{row.bash_ttfc_s:g}",
            f"{row.refute_ttfc_s:g}",
        )
    Console().print(table)
    load = " ".join(f"{value:.2f}" for value in figures.load_before)
    Console().print(
        f"median ratio {figures.median_ratio:g} (to the loop in a container: "
        f"{figures.median_container_ratio:g}); load average before: {load}"
    )


IMPORT_PATHS = typer.Argument(
    ..., help="Kattis / BAPCtools packages, or any folders above them (an archive's root)."
)
IMPORT_OUT = typer.Option(
    None,
    "--out",
    file_okay=False,
    help="Import into DIR (default: a temporary folder); a second run into the same "
    "DIR measures a re-import from the cache.",
)


@bench_app.command("import")
def import_command(
    paths: list[Path] = IMPORT_PATHS,
    out: Path | None = IMPORT_OUT,
    time_limit_exceeded: bool = typer.Option(
        False, "--time-limit-exceeded", help="Also count submissions/time_limit_exceeded/."
    ),
    image: str = typer.Option(IMAGE, "--image", help="Sandbox image."),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Judge containers."),
    json_output: bool = JSON_OPTION,
) -> None:
    """Import an archive and report packages, submissions, tasks, skips by cause, wall
    time per package, and the share of eligible submissions that became tasks."""
    from ..importers import find_packages

    find_packages(paths)  # a wrong path fails before Docker starts
    categories: tuple[str, ...] = ("wrong_answer",)
    categories += ("time_limit_exceeded",) if time_limit_exceeded else ()
    figures = bench_import(paths, out=out, image=image, workers=workers, categories=categories)
    if json_output:
        print(figures.model_dump_json(indent=2))
        return
    console = Console()
    summary = Table(title="import bench")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    for name in ("packages", "imported", "submissions", "eligible", "tasks", "wall_s"):
        summary.add_row(name, str(getattr(figures, name)))
    summary.add_row(
        "share of eligible",
        f"{figures.share:.1%} [{figures.share_low:.1%}, {figures.share_high:.1%}]",
    )
    for language, count in figures.other_languages.items():
        summary.add_row(f"other language: {language}", str(count))
    console.print(summary)
    causes = Table(title="skipped, by cause")
    causes.add_column("cause")
    causes.add_column("problems", justify="right")
    causes.add_column("submissions", justify="right")
    for row in figures.causes:
        causes.add_row(row.cause, str(row.problems), str(row.submissions))
    console.print(causes)
    packages = Table(title="per package")
    for column in ("package", "status", "cause", "submissions", "tasks", "seconds"):
        packages.add_column(column, justify="right" if column in ("tasks", "seconds") else "left")
    for package in figures.per_package:
        packages.add_row(
            package.id,
            package.status + (" (cached)" if package.cached else ""),
            package.cause or "",
            str(package.submissions),
            str(package.tasks),
            f"{package.seconds:.1f}" if package.seconds is not None else "",
        )
    console.print(packages)


CLUSTER_OUT = typer.Option(None, "--out", file_okay=False, help="Keep the run directories in DIR.")


@bench_app.command("cluster")
def cluster(
    address: str | None = typer.Option(
        None,
        "--cluster",
        help="A running Ray cluster (HOST:PORT, ray://HOST:PORT, auto); default: start a "
        "local test cluster (a head and --nodes workers) and stop it at the end.",
    ),
    nodes: int = typer.Option(2, min=1, help="Worker nodes of the local test cluster."),
    workers_per_node: int = typer.Option(
        1, min=1, help="Sandbox workers per node; the local run gets nodes x this many."
    ),
    problems: str = typer.Option(BENCH_PROBLEMS, help="Task selector of the workload."),
    attempts: int = typer.Option(4, min=1, help="Attempts per task."),
    inputs: int = typer.Option(300, min=1, help="Fuzz inputs per attempt (fixed seeds)."),
    repeats: int = typer.Option(3, min=1, help="Local/cluster pairs, alternating; medians."),
    image: str = typer.Option(IMAGE, help="Sandbox image."),
    out: Path | None = CLUSTER_OUT,
    json_output: bool = JSON_OPTION,
) -> None:
    """The same fuzz run locally and on a Ray cluster: throughput per side and node, and
    the overhead of the cluster path (cluster wall / local wall - 1)."""
    figures = bench_cluster(
        address=address,
        nodes=nodes,
        workers_per_node=workers_per_node,
        problems=problems,
        attempts=attempts,
        inputs=inputs,
        repeats=repeats,
        image=image,
        out=out,
    )
    if json_output:
        print(figures.model_dump_json(indent=2))
        return
    table = Table(
        title=f"local vs cluster ({len(figures.nodes)} nodes x {figures.workers_per_node} "
        f"workers, {figures.cpus} CPUs)"
    )
    columns = ("repeat", "order", "attempts", "local s", "cluster s", "local/s", "cluster/s")
    for column in (*columns, "overhead", "per node", "same records"):
        table.add_column(column, justify="left" if column in ("order", "per node") else "right")
    for row in figures.repeats:
        table.add_row(
            str(row.repeat),
            ",".join(row.order),
            str(row.cluster.attempts),
            f"{row.local.attempts_wall_s:g}",
            f"{row.cluster.attempts_wall_s:g}",
            f"{row.local.attempts_per_s:g}",
            f"{row.cluster.attempts_per_s:g}",
            f"{row.overhead:+.1%}",
            " ".join(f"{name}={count}" for name, count in sorted(row.cluster.per_node.items())),
            "yes" if row.records_match else "NO",
        )
    Console().print(table)
    load = " ".join(f"{value:.2f}" for value in figures.load_before)
    Console().print(
        f"median overhead {figures.median_overhead:+.1%} (whole runs, setup included: "
        f"{figures.median_run_overhead:+.1%}); goal <= 10%: "
        f"{'met' if figures.within_target else 'not met'}; load average before: {load}"
    )
