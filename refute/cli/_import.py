"""``refute problems import ...``: REFUTE rows, Kattis and Polygon packages as problem packages."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ..importers import (
    ImportEntry,
    ImportReport,
    import_kattis,
    import_polygon,
    import_progress,
    import_refute,
)
from ..judge import Judge
from ..sandbox import IMAGE, Sandbox, SandboxConfig

import_app = typer.Typer(
    help="Import problems from other benchmarks as checked problem packages.",
    no_args_is_help=True,
)
out = Console()
err = Console(stderr=True)

OUT = typer.Option(
    ..., "--out", metavar="DIR", file_okay=False, help="Where the packages are written."
)
FORCE = typer.Option(
    False, "--force", help="Replace existing packages that differ from the imported ones."
)
IMAGE_OPTION = typer.Option(IMAGE, "--image", help="Sandbox image.")
PATHS = typer.Argument(
    ..., help="Kattis problem packages, or any folders above them (searched at any depth)."
)
POLYGON_PATHS = typer.Argument(
    ..., help="Polygon packages (folders or .zip files), or folders holding them at any depth."
)
WORKERS = typer.Option(
    None, "--workers", min=1, help="Containers per sandbox pool (default: one per CPU)."
)


CLUSTER = typer.Option(
    None,
    "--cluster",
    help="Import on a Ray cluster's nodes (HOST:PORT, ray://HOST:PORT, auto); the "
    "packages and the report are written here.",
)


def _run(
    target: Path,
    image: str,
    workers: int | None,
    work: Callable[[Judge], Awaitable[ImportReport]],
    on_cluster: Callable[[], Awaitable[ImportReport]] | None = None,
) -> None:
    async def go() -> ImportReport:
        if on_cluster is not None:
            return await on_cluster()
        # Imports run judge material only: the untrusted pool is kept to one container.
        config = SandboxConfig(image=image, untrusted_workers=1)
        if workers is not None:
            config = SandboxConfig(image=image, judge_workers=workers, untrusted_workers=1)
        async with Sandbox(config) as sandbox:
            return await work(Judge(sandbox.judge))

    report = asyncio.run(go())
    out.print(report.table())
    if report.causes():
        out.print(report.cause_table())
    err.print(f"report: {target / 'import-report.json'}", highlight=False)
    if not report.ok:
        err.print("[red]some packages failed their checks or clash with existing ones[/]")
        raise typer.Exit(1)


def _on_cluster(
    address: str | None,
    importer: str,
    paths: list[Path],
    out_dir: Path,
    options: dict[str, Any],
    progress: Callable[[Path, list[ImportEntry]], None],
) -> Callable[[], Awaitable[ImportReport]] | None:
    """The import on the cluster at ``address``, or ``None`` without one (Ray is
    imported only then)."""
    if address is None:
        return None

    def work() -> Awaitable[ImportReport]:
        from ..cluster import import_on_cluster

        return import_on_cluster(address, importer, paths, out_dir, progress=progress, **options)

    return work


@import_app.command("refute")
def refute_command(
    source: str = typer.Argument(
        ..., help="A .json (list of rows), .jsonl or .parquet file, or a dataset name."
    ),
    out_dir: Path = OUT,
    split: str | None = typer.Option(
        None, "--split", help="Dataset split, for a dataset name with several."
    ),
    force: bool = FORCE,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
) -> None:
    """Import rows of the REFUTE dataset: one package, with one task, per row.

    Exits with 1 when a package fails its checks or clashes with an existing one.
    """
    from ..importers import read_refute_rows

    if Path(source).suffix.lower() in (".json", ".jsonl", ".parquet"):
        read_refute_rows(source, split=split)  # a malformed file fails before Docker starts
    _run(
        out_dir,
        image,
        workers,
        lambda judge: import_refute(source, out_dir, judge, force=force, split=split),
    )


@import_app.command("kattis")
def kattis_command(
    paths: list[Path] = PATHS,
    out_dir: Path = OUT,
    time_limit_exceeded: bool = typer.Option(
        False, "--time-limit-exceeded", help="Also import submissions/time_limit_exceeded/."
    ),
    run_time_error: bool = typer.Option(
        False, "--run-time-error", help="Also import submissions/run_time_error/."
    ),
    force: bool = FORCE,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
    cluster: str | None = CLUSTER,
) -> None:
    """Import Kattis / ICPC problem packages (Kattis, DOMjudge, BAPCtools).

    Each C++ or Python wrong-answer submission becomes a task; its failing input is the
    smallest of the package's tests that refutes it. Exits with 1 when a package fails its
    checks or clashes with an existing one.
    """
    from ..importers import find_packages

    packages = find_packages(paths)  # a wrong path fails before Docker starts
    categories: tuple[str, ...] = ("wrong_answer",)
    categories += ("time_limit_exceeded",) if time_limit_exceeded else ()
    categories += ("run_time_error",) if run_time_error else ()
    with import_progress(len(packages), err) as progress:
        _run(
            out_dir,
            image,
            workers,
            lambda judge: import_kattis(
                paths, out_dir, judge, categories=categories, force=force, progress=progress
            ),
            _on_cluster(
                cluster,
                "kattis",
                paths,
                out_dir,
                dict(force=force, categories=categories, image=image, workers=workers),
                progress,
            ),
        )


@import_app.command("polygon")
def polygon_command(
    paths: list[Path] = POLYGON_PATHS,
    out_dir: Path = OUT,
    order: str = typer.Option(
        "smallest",
        "--order",
        help="The order the failing-input search tries tests in: smallest or largest first.",
    ),
    force: bool = FORCE,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
    cluster: str | None = CLUSTER,
) -> None:
    """Import Codeforces Polygon packages (problem.xml, testlib checker and validator).

    Tests are the package's stored ones, or made by its own generators. Each C, C++ or
    Python solution tagged wrong-answer, time-limit-exceeded, memory-limit-exceeded,
    rejected or presentation-error becomes a task; its failing input is the first test
    that refutes it. Exits with 1 when a package fails its checks or clashes with an
    existing one.
    """
    from ..importers import find_polygon_packages

    if order not in ("smallest", "largest"):
        err.print(f"--order: {order!r} is not smallest or largest", highlight=False)
        raise typer.Exit(2)
    packages = find_polygon_packages(paths)  # a wrong path or a broken .zip fails before Docker
    with import_progress(len(packages), err) as progress:
        _run(
            out_dir,
            image,
            workers,
            lambda judge: import_polygon(
                paths, out_dir, judge, force=force, progress=progress, order=order
            ),
            _on_cluster(
                cluster,
                "polygon",
                paths,
                out_dir,
                dict(force=force, order=order, image=image, workers=workers),
                progress,
            ),
        )
