"""``config.json``: everything needed to reproduce a run, and where it came from."""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .. import __version__
from ..files import checkout_root
from ..judge import JudgeConfig
from ..models import RetryPolicy, Sampling
from ..problems import Task
from ..sandbox import IMAGE
from ._selector import FuzzSelection


class RunConfig(BaseModel):
    """The options of a run; ``--resume`` reads them back from ``config.json``.

    Args:
        agent: agent name or ``module:Class`` (default ``fuzz``).
        agent_options: keyword arguments for the agent's constructor.
        model: ``provider/model`` (``openai/gpt-4o-mini``), or ``None``.
        sampling: temperature, max tokens, reasoning effort ...
        problems_dir: the problem set.
        problems: the task selector (``--problems``), or ``None`` for all tasks.
        include_fuzzable: keep the tasks the fuzz baseline refutes (``--include-fuzzable``);
            by default they are left out (docs/selection.md).
        attempts: attempts per task.
        model_concurrency: model requests in flight at once.
        model_retry: retries and the per-request time-out of model calls (``timeout_s``:
            ``--model-timeout``, default ``$REFUTE_MODEL_TIMEOUT`` or 600 s).
        sandbox_workers: containers per sandbox pool.
        seed: base seed; each attempt's seed derives from it, the task and the index.
        max_cost: stop starting attempts once this many USD are spent.
        minimize: shrink refuting inputs.
        no_cache: bypass the model response cache.
        judge: the judge's rules.
        image: the sandbox image.
        repeat: this run's index among the runs of ``--repeats R`` (``None`` for a lone run);
            it is part of every model call's cache key, so repeats sample afresh.
    """

    agent: str = "fuzz"
    agent_options: dict[str, Any] = Field(default_factory=dict)
    model: str | None = None
    sampling: Sampling = Field(default_factory=Sampling)
    problems_dir: Path
    problems: str | None = None
    include_fuzzable: bool = False
    attempts: int = Field(default=1, ge=1)
    model_concurrency: int = Field(default=8, ge=1)
    model_retry: RetryPolicy = Field(default_factory=RetryPolicy)
    sandbox_workers: int = Field(default_factory=lambda: len(os.sched_getaffinity(0)), ge=1)
    seed: int = 0
    max_cost: float | None = Field(default=None, ge=0)
    minimize: bool = False
    no_cache: bool = False
    judge: JudgeConfig = Field(default_factory=JudgeConfig)
    image: str = IMAGE
    repeat: int | None = Field(default=None, ge=0)


class Provenance(BaseModel):
    """Where a run's numbers came from: code, data and sandbox, pinned by hashes."""

    refute_version: str
    git_commit: str | None
    git_dirty: bool | None
    python: str
    problem_set_sha256: str
    tasks: list[str]
    image_id: str
    toolchain: dict[str, str] = Field(default_factory=dict)
    """Compiler and interpreter versions of the image (``gcc``, ``python``, ``pypy``, ...)."""
    oracle: bool
    problem_sha256: dict[str, str] = Field(default_factory=dict)
    """Per problem of the run, the SHA-256 of its package alone, so that runs over different
    selections can be checked to use the same packages for the problems they share."""
    selection: FuzzSelection = Field(default_factory=FuzzSelection)
    """What the default selection left out, and which kept tasks have no current record."""


class RunFile(BaseModel):
    """The content of ``config.json``."""

    config: RunConfig
    provenance: Provenance


def _git(*args: str) -> str | None:
    root = checkout_root()
    if root is None:  # an installed package: its version says what it is
        return None
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def problem_set_hash(tasks: Sequence[Task]) -> str:
    """SHA-256 over every file of the packages the tasks come from, with their paths."""
    digest = hashlib.sha256()
    roots = sorted({task.problem.root for task in tasks})
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def problem_hashes(tasks: Sequence[Task]) -> dict[str, str]:
    """Per problem id, the SHA-256 over the files of its package (as ``problem_set_hash``)."""
    out = {}
    for task in tasks:
        if task.problem.id not in out:
            digest = hashlib.sha256()
            root = task.problem.root
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
            out[task.problem.id] = digest.hexdigest()
    return dict(sorted(out.items()))


def provenance(
    tasks: Sequence[Task],
    image_id: str,
    oracle: bool,
    toolchain: dict[str, str] | None = None,
    selection: FuzzSelection | None = None,
) -> Provenance:
    commit = _git("rev-parse", "HEAD")
    status = _git("status", "--porcelain")
    return Provenance(
        refute_version=__version__,
        git_commit=commit,
        git_dirty=None if status is None else bool(status),
        python=platform.python_version(),
        problem_set_sha256=problem_set_hash(tasks),
        tasks=[task.id for task in tasks],
        image_id=image_id,
        toolchain=toolchain or {},
        oracle=oracle,
        problem_sha256=problem_hashes(tasks),
        selection=selection or FuzzSelection(),
    )
