"""A progress bar for imports: one step per package, with the tasks made so far."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ._report import SUCCESS, ImportEntry


@contextlib.contextmanager
def import_progress(
    total: int, console: Console | None = None
) -> Iterator[Callable[[Path, list[ImportEntry]], None]]:
    """A rich progress bar over ``total`` packages; yields the ``progress`` callback of
    ``import_kattis``. Nothing is drawn when the console is not a terminal."""
    bar = Progress(
        TextColumn("[bold]importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[tasks]} tasks"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=console or Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("import", total=total, tasks=0, last="")
    made = 0

    def advance(directory: Path, entries: list[ImportEntry]) -> None:
        nonlocal made
        made += sum(len(e.tasks) for e in entries if e.status in SUCCESS)
        bar.update(task, advance=1, tasks=made, last=directory.name)

    with bar:
        yield advance
