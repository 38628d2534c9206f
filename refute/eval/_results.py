"""REFUTE's results file, with richer fields per verdict."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from ..files import atomic_write
from ..judge import Mode, Reason, RunRecord, Verdict
from ..sandbox import StressOutcome
from ._predictions import Method


class AttemptStage(StrEnum):
    """Where an attempt ended."""

    GENERATE = "generate"
    """Running ``generate_inp`` (standard) failed: no input to judge."""
    SEARCH = "search"
    """The random search ended without an input to judge."""
    JUDGE = "judge"
    """An input was judged; ``verdict`` says how."""


class SearchSummary(BaseModel):
    """How a random search went (``randsearch`` and ``randsearch_oracle``)."""

    outcome: StressOutcome
    iterations: int = 0
    skipped: int = 0
    seed: int | None = None
    elapsed_ms: float = 0.0


class AttemptTimings(BaseModel):
    """Wall time per phase of an attempt (milliseconds)."""

    generate_ms: float = 0.0
    search_ms: float = 0.0
    judge_ms: float = 0.0
    total_ms: float = 0.0


class AttemptVerdict(BaseModel):
    """REFUTE's verdict for one attempt (``success``, ``info``) and what lies behind it.

    Args:
        success: the attempt produced an input that refutes the incorrect submission.
        info: one line saying why (REFUTE's field).
        stage: where the attempt ended: ``generate``, ``search`` or ``judge``.
        verdict: the judge's verdict, or ``None`` when no input reached the judge. A
            crash of the evaluation itself is recorded as ``JUDGE_ERROR``.
        reason: how the incorrect submission failed, for ``REFUTED``.
        mode: the judge's rules.
        task_id: the task evaluated.
        input: the judged input (capped), ``input_bytes`` its full size,
            ``input_truncated`` whether it was cut, ``input_sha256`` its hash.
        search: the random search's summary (randsearch methods only).
        timings: where the time went.
        runs: the judge's program runs.
    """

    success: bool
    info: str
    stage: AttemptStage
    verdict: Verdict | None = None
    reason: Reason | None = None
    mode: Mode
    task_id: str
    input: str | None = None
    input_bytes: int | None = None
    input_truncated: bool = False
    input_sha256: str | None = None
    search: SearchSummary | None = None
    timings: AttemptTimings = AttemptTimings()
    runs: list[RunRecord] = []


class PredictionResult(BaseModel):
    """REFUTE's result entry for one prediction: ``problem_id`` as given, and verdicts."""

    problem_id: str
    task_id: str
    method: Method
    verdicts: list[AttemptVerdict]


def write_results(path: Path, results: list[PredictionResult]) -> None:
    """Write results as REFUTE's JSON list, atomically (a reader never sees half a file)."""
    data = [result.model_dump(mode="json") for result in results]
    atomic_write(path, json.dumps(data, indent=1) + "\n")
