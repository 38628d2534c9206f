"""``refute bench import``: how much of a real archive becomes tasks, and at what cost.

Imports Kattis / BAPCtools packages (an archive's root, or any folders) into an output
directory and reports, from the import's own report: packages, submissions, tasks made,
skips by cause, wall time per package, and the share of *eligible* submissions that
became tasks, with a 95% Wilson interval. A submission is eligible unless it is in a
language refute does not run, belongs to an interactive, multi-pass or scoring problem,
or fails a sample (a trivially refutable task); every other loss counts against the
share.
"""

from __future__ import annotations

import asyncio
import math
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from ..importers import NO_SUBMISSION_LEFT, CauseCount, ImportReport, import_kattis
from ..judge import Judge
from ..sandbox import IMAGE, Sandbox, SandboxConfig

NOT_ELIGIBLE_PROBLEMS = frozenset({"interactive", "multi-pass", "scoring"})
"""Problem causes whose submissions are not eligible: refute cannot judge them."""

TRIVIAL = "fails a sample"
"""The cause of a runnable submission that is not eligible: its task would be trivially
refutable. (Submissions refute cannot run, by language, are not counted as submissions.)"""


def wilson(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default).

    >>> [round(x, 3) for x in wilson(9, 10)]
    [0.596, 0.982]
    """
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    scale = 1 + z * z / trials
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


class PackageFigure(BaseModel):
    """One package of the bench: what became of it, its tasks and its wall time."""

    id: str
    source: str
    status: str
    cause: str | None
    submissions: int
    tasks: int
    seconds: float | None
    cached: bool


class ImportBench(BaseModel):
    """Figures of one ``refute bench import`` run.

    Args:
        packages: packages found.
        imported: packages written, replaced or unchanged.
        submissions: submissions of the chosen categories in languages refute runs.
        other_languages: submissions in other languages, by language.
        eligible: submissions that could become tasks (see the module docstring).
        tasks: tasks made (each passed the checks of ``refute problems check``).
        share: ``tasks / eligible``; ``share_low``/``share_high`` its 95% Wilson interval.
        causes: skips by cause, as in the import report.
        wall_s: the whole import's wall time; ``per_package`` has each package's.
    """

    paths: list[str]
    out: str
    packages: int
    imported: int
    submissions: int
    other_languages: dict[str, int]
    eligible: int
    tasks: int
    share: float
    share_low: float
    share_high: float
    wall_s: float
    causes: list[CauseCount]
    per_package: list[PackageFigure]


def figures(report: ImportReport, paths: list[Path], wall_s: float) -> ImportBench:
    """The bench's figures from an import report."""
    problems = [e for e in report.entries if e.kind == "problem"]
    submissions = sum(e.submissions for e in problems)
    excluded = sum(e.submissions for e in problems if e.cause in NOT_ELIGIBLE_PROBLEMS) + sum(
        1 for e in report.entries if e.kind == "submission" and e.cause == TRIVIAL
    )
    languages: dict[str, int] = {}
    for entry in report.entries:
        if entry.kind == "submission" and (entry.cause or "").startswith("language: "):
            name = (entry.cause or "").removeprefix("language: ")
            languages[name] = languages.get(name, 0) + 1
    tasks = len(report.tasks())
    eligible = submissions - excluded
    low, high = wilson(tasks, eligible)
    return ImportBench(
        paths=[str(p) for p in paths],
        out=report.out,
        packages=len(problems),
        imported=sum(1 for e in problems if e.tasks),
        submissions=submissions,
        other_languages=dict(sorted(languages.items())),
        eligible=eligible,
        tasks=tasks,
        share=round(tasks / eligible, 4) if eligible else 0.0,
        share_low=round(low, 4),
        share_high=round(high, 4),
        wall_s=round(wall_s, 2),
        causes=report.causes(),
        per_package=[
            PackageFigure(
                id=e.id,
                source=e.source,
                status=str(e.status),
                cause=None if e.cause == NO_SUBMISSION_LEFT else e.cause,
                submissions=e.submissions,
                tasks=len(e.tasks),
                seconds=e.seconds,
                cached=e.cached,
            )
            for e in problems
        ],
    )


def bench_import(
    paths: list[Path],
    *,
    out: Path | None = None,
    image: str = IMAGE,
    workers: int | None = None,
    categories: tuple[str, ...] = ("wrong_answer",),
) -> ImportBench:
    """Import ``paths`` into ``out`` (a fresh temporary folder by default) and measure.

    With an ``out`` imported into before, unchanged packages come from the import cache:
    the second run measures the cost of a re-import.
    """

    async def go(target: Path) -> ImportBench:
        config = SandboxConfig(image=image, untrusted_workers=1)
        if workers is not None:
            config = SandboxConfig(image=image, judge_workers=workers, untrusted_workers=1)
        async with Sandbox(config) as sandbox:
            started = time.perf_counter()
            report = await import_kattis(
                paths, target, Judge(sandbox.judge), categories=categories, force=True
            )
            return figures(report, paths, time.perf_counter() - started)

    if out is not None:
        return asyncio.run(go(out))
    with tempfile.TemporaryDirectory(prefix="refute-bench-import-") as folder:
        return asyncio.run(go(Path(folder)))
