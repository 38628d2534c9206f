"""``refute problems refresh``: new Codeforces contests into gated problem packages."""

from __future__ import annotations

import asyncio
import datetime
import json
import os
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..files import checkout_root
from ..judge import JudgeConfig, Mode
from ..problems import default_problems_dir
from ..refresh import CODEFORCES_URL, REFRESH_REPORT_FILE, RefreshConfig, RefreshError, refresh
from ..sandbox import IMAGE

out = Console()
err = Console(stderr=True)


def _day(value: str | None, flag: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RefreshError(f"{flag} {value}: expected a date as YYYY-MM-DD") from None


SINCE = typer.Option(..., "--since", metavar="YYYY-MM-DD", help="First contest day (UTC) to take.")
UNTIL = typer.Option(
    None, "--until", metavar="YYYY-MM-DD", help="Last contest day (default: today)."
)
MIN_RATING = typer.Option(
    1200, "--min-rating", help="Skip problems rated below this (REFUTE: 1200)."
)
OUT = typer.Option(
    None,
    "--out",
    metavar="DIR",
    file_okay=False,
    help="Problem set to add to (default: $REFUTE_PROBLEMS_DIR, else problems/); "
    "packages without a validator go to DIR/pending/.",
)
STATE = typer.Option(
    None, "--state", metavar="FILE", help="State file (default: DIR/.refresh-state.json)."
)
MODEL = typer.Option(
    None, "--model", help="provider/model that drafts validators (without: pending)."
)
SITE = typer.Option(CODEFORCES_URL, "--codeforces-url", metavar="URL", help="The Codeforces site.")
MAX_CONTESTS = typer.Option(
    None, "--max-contests", min=1, metavar="N", help="Look at no more contests per run."
)
RATE_LIMIT = typer.Option(
    2.0, "--rate-limit", min=0.0, metavar="SECONDS", help="Least time between requests."
)
BACKOFF = typer.Option(
    2.0, "--backoff", min=0.0, metavar="SECONDS", help="First retry delay; doubles each time."
)
FUZZ_SECONDS = typer.Option(10.0, "--fuzz-seconds", min=0.1, help="Fuzz baseline budget per task.")
DRAFTS = typer.Option(3, "--drafts", min=1, help="Validator drafts per problem.")
RETRY_PENDING = typer.Option(
    False, "--retry-pending", help="Take up again problems left pending by earlier runs."
)
MODE = typer.Option(
    Mode.STRICT, "--mode", case_sensitive=False, help="Judging rules for the gates."
)
IMAGE_OPTION = typer.Option(IMAGE, "--image", help="Sandbox image.")
WORKERS = typer.Option(
    None, "--workers", min=1, help="Containers per sandbox pool (default: one per CPU)."
)
JSON_OUTPUT = typer.Option(False, "--json", help="Print the report as JSON.")


def refresh_command(
    since: str = SINCE,
    until: str | None = UNTIL,
    min_rating: int = MIN_RATING,
    out_dir: Path | None = OUT,
    state: Path | None = STATE,
    model: str | None = MODEL,
    codeforces_url: str = SITE,
    max_contests: int | None = MAX_CONTESTS,
    rate_limit: float = RATE_LIMIT,
    backoff: float = BACKOFF,
    fuzz_seconds: float = FUZZ_SECONDS,
    drafts: int = DRAFTS,
    retry_pending: bool = RETRY_PENDING,
    mode: Mode = MODE,
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
    json_output: bool = JSON_OUTPUT,
) -> None:
    """Add problems of new Codeforces contests to the problem set, through every gate.

    Incremental: a state file remembers what earlier runs fetched and decided. Writes
    DIR/refresh-report.json. See docs/refresh.md.
    """
    first = _day(since, "--since")
    assert first is not None
    if out_dir is None and checkout_root() is None and not os.environ.get("REFUTE_PROBLEMS_DIR"):
        raise RefreshError(
            "--out DIR is needed: the bundled problem set is part of the installed package; "
            "refresh into a directory of your own"
        )
    config = RefreshConfig(
        since=first,
        until=_day(until, "--until"),
        min_rating=min_rating,
        out=out_dir if out_dir is not None else default_problems_dir(),
        state=state,
        model=model,
        codeforces_url=codeforces_url,
        max_contests=max_contests,
        rate_limit_s=rate_limit,
        backoff_s=backoff,
        fuzz_seconds=fuzz_seconds,
        drafts=drafts,
        retry_pending=retry_pending,
        judge=JudgeConfig(mode=mode),
        image=image,
        workers=workers,
    )
    report = asyncio.run(
        refresh(config, on_event=lambda line: err.print(escape(line), highlight=False))
    )
    if json_output:
        print(json.dumps(report.model_dump(mode="json"), indent=2))
    else:
        out.print(report.table())
    err.print(f"report: {config.out / REFRESH_REPORT_FILE}", highlight=False)
