"""``refute report``: runs made into one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from ..report import write_report

RUNS = typer.Argument(
    ...,
    metavar="RUN...",
    help="Run directories made by refute run (a --repeats directory stands for its runs).",
)
OUT = typer.Option(Path("report.html"), "-o", "--out", help="The HTML file to write.")
err = Console(stderr=True)


def report_command(
    runs: list[Path] = RUNS,
    out: Path = OUT,
    title: str | None = typer.Option(None, "--title", help="The page's title."),
    force: bool = typer.Option(
        False, "--force", help="Compare runs whose judging mode or packages differ."
    ),
) -> None:
    """Write one self-contained HTML report (leaderboard, figures, every task's attempts).

    The page needs no network: open it from disk. Needs the report extra:
    pip install 'refute[report]'.
    """
    data = write_report(runs, out, title=title, force=force)
    err.print(
        f"wrote {out}: {len(data.runs)} run(s), {len(data.tasks)} task(s)",
        highlight=False,
        markup=False,
    )
