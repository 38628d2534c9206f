"""``attempts.jsonl``: one line per finished attempt, appended and never rewritten."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, computed_field, field_validator

from ..judge import Reason, SolutionVerdict, Verdict
from ..sandbox import printable_text

INPUT_CAP = 4096
"""Characters of the candidate input kept in the record; the full input is a file."""


class Outcome(StrEnum):
    """How an attempt ended, from the benchmark's point of view."""

    JUDGED = "judged"
    """The agent produced an input and the judge gave a verdict."""
    NO_CANDIDATE = "no_candidate"
    """The agent produced no usable input (gave up, unparseable answer, budget spent)."""
    AGENT_ERROR = "agent_error"
    """The agent raised an exception: its fault, counted as a failed attempt."""
    INFRA_ERROR = "infra_error"
    """The model service or the sandbox failed: not counted, redone by ``--resume``."""


class FaultOf(StrEnum):
    """Whose fault a failed attempt is; only the agent's count in its score."""

    AGENT = "agent"
    """The agent's: its answer (none, unparseable, invalid, not refuting), its program,
    or an exception it raised. Counted as a failed attempt."""
    JUDGE = "judge"
    """The judge material's: the reference failed on a valid input, or the validator,
    checker or incorrect submission does not build or work. Not counted; counted apart
    (``judge_errors``), and not redone, since it would fail the same way."""
    INFRASTRUCTURE = "infrastructure"
    """The infrastructure's: the sandbox engine, a lost container, the model service,
    the disk. Not counted; counted apart (``infra_errors``) and redone by ``--resume``."""


def fault_of(outcome: Outcome, verdict: Verdict | None, refuted: bool) -> FaultOf | None:
    """The one classification of an attempt's failure (``None``: it refuted the task).

    >>> fault_of(Outcome.JUDGED, Verdict.JUDGE_ERROR, False)
    <FaultOf.JUDGE: 'judge'>
    >>> fault_of(Outcome.NO_CANDIDATE, None, False)
    <FaultOf.AGENT: 'agent'>
    """
    if outcome is Outcome.INFRA_ERROR:
        return FaultOf.INFRASTRUCTURE
    if refuted:
        return None
    if outcome is Outcome.JUDGED and verdict is Verdict.JUDGE_ERROR:
        return FaultOf.JUDGE
    return FaultOf.AGENT


class AttemptRecord(BaseModel):
    """One finished attempt of one agent on one task.

    Args:
        task_id: the task.
        attempt: the attempt's index, from 0.
        outcome: see ``Outcome``.
        verdict: the judge's verdict, when judged.
        reason: how the submission failed, when refuted.
        message: the judge's message, or why there was no verdict.
        refuted: the attempt succeeded: for a solve attempt (``--agent solve``), the
            solution was accepted.
        input: the candidate input (first ``INPUT_CAP`` characters).
        input_path: the file holding the full input, relative to the run directory.
        minimized_input: the shrunk refuting input, with ``--minimize``.
        input_tokens: model tokens read.
        output_tokens: model tokens written.
        cost_usd: money spent (0 for cached responses).
        model_calls: model requests made.
        tool_calls: toolbox calls made.
        wall_s: wall time of the attempt.
        metrics: numbers the agent recorded (the fuzz baseline's valid-input rate).
        oracle: the agent saw the reference solution.
        transcript: the transcript file, relative to the run directory.
        solution_verdict: a solve attempt's verdict (``ACCEPTED``, ``WRONG_ANSWER`` ...),
            else ``None``; a judge failure also sets ``verdict`` to ``JUDGE_ERROR``.
        failed_test: the first test a solve attempt's solution failed, else ``None``.
        tries: how many times the attempt was run: 2 when a lost sandbox container
            made the runner redo it once.
        fault: whose fault the failure is (see ``FaultOf``); ``None`` when it refuted.
            Derived from ``outcome`` and ``verdict``, written into every line.
    """

    task_id: str
    attempt: int
    outcome: Outcome
    verdict: Verdict | None = None
    reason: Reason | None = None
    message: str = ""
    refuted: bool = False
    input: str | None = None
    input_path: str | None = None
    minimized_input: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    model_calls: int = 0
    tool_calls: int = 0
    wall_s: float = 0.0
    metrics: dict[str, float] = Field(default_factory=dict)
    oracle: bool = False
    transcript: str | None = None
    tries: int = 1
    solution_verdict: SolutionVerdict | None = None
    failed_test: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fault(self) -> FaultOf | None:
        return fault_of(self.outcome, self.verdict, self.refuted)

    @field_validator("message", "input", "minimized_input")
    @classmethod
    def _printable(cls, text: str | None) -> str | None:
        """Program bytes that are not UTF-8 (a generator's output, its error messages)
        are kept as ``\\xNN``: a record is for reading, the input file holds the bytes."""
        return None if text is None else printable_text(text)


class AttemptLog:
    """The append-only ``attempts.jsonl`` of a run directory.

    Reading tolerates a half-written last line (a run killed mid-write); the next append
    first cuts that line off, so the file stays one record per line.
    """

    def __init__(self, path: Path):
        self.path = path
        self._repaired = False

    def read(self) -> list[AttemptRecord]:
        if not self.path.exists():
            return []
        records = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(AttemptRecord.model_validate_json(line))
            except (ValidationError, json.JSONDecodeError, ValueError):
                continue  # the torn last line of an interrupted run
        return records

    def _repair(self) -> None:
        self._repaired = True
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            keep = data.rfind(b"\n") + 1
            with self.path.open("r+b") as handle:
                handle.truncate(keep)

    def append(self, record: AttemptRecord) -> None:
        if not self._repaired:
            self._repair()
        line = record.model_dump_json() + "\n"
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
