"""``--repeats R``: the same configuration run R times, and the spread between the runs.

Runs on a few hundred tasks swing with seeds; a within-run interval covers the choice of
tasks, not what another seed would have given. Repeats measure the latter.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from math import sqrt
from pathlib import Path

from pydantic import BaseModel

from ..files import atomic_write
from ..stats import Estimate
from ._config import RunConfig
from ._runner import Progress, RunDirError, load_run_config, run_benchmark
from ._summary import Summary


def repeat_seed(seed: int, repeat: int) -> int:
    """The base seed of repeat ``repeat`` of a run with seed ``seed`` (stable everywhere)."""
    digest = hashlib.sha256(f"{seed}:repeat:{repeat}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


class Spread(BaseModel):
    """One figure over the repeats: mean, sample standard deviation, range.

    Args:
        mean: mean over repeats.
        sd: sample standard deviation over repeats (0 with one repeat).
        min: the lowest repeat.
        max: the highest repeat.
        within: each repeat's own estimate with its interval, in repeat order.
    """

    mean: float
    sd: float
    min: float
    max: float
    within: list[Estimate]


class RepeatsSummary(BaseModel):
    """``repeats.json``: the repeats of one configuration and the spread between them.

    Args:
        repeats: how many runs.
        base_seed: the seed given; repeat ``i`` runs with ``repeat_seed(base_seed, i)``.
        runs: the repeat directories, relative to the repeats directory.
        seeds: each repeat's seed.
        success_rate: the success rate over repeats, beside each repeat's Wilson interval.
        pass_at_k: per reported k, pass@k over repeats beside each repeat's bootstrap
            interval.
    """

    repeats: int
    base_seed: int
    runs: list[str]
    seeds: list[int]
    success_rate: Spread
    pass_at_k: dict[str, Spread]


def spread_of(estimates: list[Estimate]) -> Spread:
    values = [e.value for e in estimates]
    mean = sum(values) / len(values)
    sd = sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1)) if len(values) > 1 else 0.0
    return Spread(
        mean=round(mean, 4),
        sd=round(sd, 4),
        min=min(values),
        max=max(values),
        within=estimates,
    )


def summarize_repeats(base_seed: int, seeds: list[int], summaries: list[Summary]) -> RepeatsSummary:
    ks = [k for k in summaries[0].pass_at_k if all(k in s.pass_at_k for s in summaries)]
    return RepeatsSummary(
        repeats=len(summaries),
        base_seed=base_seed,
        runs=[f"repeat-{i}" for i in range(len(summaries))],
        seeds=seeds,
        success_rate=spread_of([s.success_rate for s in summaries]),
        pass_at_k={k: spread_of([s.pass_at_k[k] for s in summaries]) for k in ks},
    )


PLAN = "repeats-plan.json"
"""Written first into a repeats directory: the base configuration and R, for ``--resume``."""


class RepeatsPlan(BaseModel):
    """``repeats-plan.json``: what ``--repeats`` was asked to do."""

    repeats: int
    config: RunConfig


def is_repeats_dir(directory: Path) -> bool:
    """``directory`` holds the repeats of a ``--repeats`` run."""
    return (directory / PLAN).is_file()


def _write_json(path: Path, model: BaseModel) -> None:
    atomic_write(path, json.dumps(model.model_dump(mode="json"), indent=2) + "\n")


def _forward(
    on_progress: Callable[[int, Progress], None], index: int
) -> Callable[[Progress], None]:
    return lambda progress: on_progress(index, progress)


async def run_repeats(
    config: RunConfig,
    out: Path,
    repeats: int,
    *,
    on_progress: Callable[[int, Progress], None] = lambda repeat, progress: None,
) -> RepeatsSummary:
    """Run ``config`` ``repeats`` times into ``out/repeat-<i>``, each with a seed derived
    from ``config.seed``, and write ``out/repeats.json``.

    Example::

        spread = asyncio.run(run_repeats(config, Path("runs/fuzz-x3"), 3))
        print(spread.success_rate.mean, spread.success_rate.sd)
    """
    if repeats < 1:
        raise RunDirError(f"--repeats {repeats}: must be at least 1")
    if out.exists() and any(out.iterdir()):
        raise RunDirError(f"--out {out}: it holds files already; use --resume {out}")
    _write_json(out / PLAN, RepeatsPlan(repeats=repeats, config=config))
    return await _run(RepeatsPlan(repeats=repeats, config=config), out, False, on_progress)


async def resume_repeats(
    out: Path, *, on_progress: Callable[[int, Progress], None] = lambda repeat, progress: None
) -> RepeatsSummary:
    """Continue the repeats in ``out`` (each repeat resumed from its own directory)."""
    try:
        plan = RepeatsPlan.model_validate_json((out / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        first = str(error).splitlines()[0]
        raise RunDirError(f"{out / PLAN}: unreadable ({first})") from error
    return await _run(plan, out, True, on_progress)


async def _run(
    plan: RepeatsPlan,
    out: Path,
    resume: bool,
    on_progress: Callable[[int, Progress], None],
) -> RepeatsSummary:
    summaries: list[Summary] = []
    seeds: list[int] = []
    for index in range(plan.repeats):
        directory = out / f"repeat-{index}"
        started = (directory / "config.json").is_file()
        if resume and started:
            config = load_run_config(directory)
        else:
            config = plan.config.model_copy(
                update={"seed": repeat_seed(plan.config.seed, index), "repeat": index}
            )
        seeds.append(config.seed)
        summary = await run_benchmark(
            config, directory, resume=resume and started, on_progress=_forward(on_progress, index)
        )
        summaries.append(summary)
    result = summarize_repeats(plan.config.seed, seeds, summaries)
    _write_json(out / "repeats.json", result)
    return result
