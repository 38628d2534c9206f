"""What the judge is asked (its configuration) and what it answers (a ``JudgeResult``)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from ..problems import Problem
from ..sandbox import Limits, RunResult, RunStatus, printable_text

STRICT_TIME_FACTOR = 2.0
"""Default multiplier on a problem's time limit in ``strict`` mode.

Time limits were set for Codeforces' judging machines; ours differ in speed, and the
pool's containers share cores with each other (and with compiles), which slows every run
a little. A factor of 2 keeps a correct solution near its limit from timing out here,
while a submission that is wrong by complexity (quadratic against 2e5) still takes many
times longer and is still caught.
"""

REFUTE_TIME_MS = 20_000
"""REFUTE's fixed limit per run (``exec_time_lim = 20`` seconds in its ``code_exec.py``)."""

REFUTE_MEMORY_MB = 1024
"""REFUTE ran programs with no memory limit; we cannot, so ``refute`` mode uses 1 GiB."""


class Mode(StrEnum):
    """Which rules the judge applies; recorded with every result.

    ``STRICT`` (default): the problem's time limit times ``time_factor`` and its memory
    limit. A crash, time-out or memory-out of the incorrect submission refutes it only
    because the reference solution ran within the same limits on the same input (if the
    reference does not, the result is ``JUDGE_ERROR``).

    ``REFUTE``: the rules of the REFUTE paper's evaluation: a fixed 20 s limit per run,
    and any crash or time-out of the incorrect submission counts.
    """

    STRICT = "strict"
    REFUTE = "refute"


class Verdict(StrEnum):
    """The judge's answer for one candidate input."""

    REFUTED = "REFUTED"
    """The input is valid and the incorrect submission was judged wrong on it."""
    NOT_REFUTED = "NOT_REFUTED"
    """The input is valid and every run of the incorrect submission was accepted."""
    INVALID_INPUT = "INVALID_INPUT"
    """The validator rejected the input (or crashed or timed out on it)."""
    JUDGE_ERROR = "JUDGE_ERROR"
    """The judge itself failed: reference, checker or sandbox. Never the input's fault."""


class Reason(StrEnum):
    """How the incorrect submission failed, for a ``REFUTED`` verdict."""

    WRONG_ANSWER = "WRONG_ANSWER"
    RUNTIME_ERROR = "RUNTIME_ERROR"
    TIME_LIMIT = "TIME_LIMIT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    OUTPUT_LIMIT = "OUTPUT_LIMIT"


class Stage(StrEnum):
    """Which program a recorded run was."""

    VALIDATOR = "validator"
    REFERENCE = "reference"
    INCORRECT = "incorrect"
    CHECKER = "checker"
    SOLUTION = "solution"
    """A solution written by a solve agent (run in the untrusted pool)."""


class JudgeConfig(BaseModel):
    """How the judge runs.

    Args:
        mode: ``strict`` (default) or ``refute``; see ``Mode``.
        runs: runs of the incorrect submission per input, to catch nondeterminism
            (default 5, as REFUTE); judging stops at the first run judged wrong.
        time_factor: ``strict`` mode's multiplier on the problem's time limit (default
            ``STRICT_TIME_FACTOR`` = 2.0).
        refute_time_ms: ``refute`` mode's CPU and wall limit per run (default 20 000).
        refute_memory_mb: ``refute`` mode's memory limit (default 1024).
        validator_limits: limits for the validator (default 10 s CPU, 1 GiB).
        checker_limits: limits for a custom checker (default 10 s CPU, 1 GiB).
        input_cap: characters of the judged input kept in a result (default 16 384).
    """

    model_config = ConfigDict(frozen=True)

    mode: Mode = Mode.STRICT
    runs: int = Field(default=5, ge=1)
    time_factor: float = Field(default=STRICT_TIME_FACTOR, gt=0)
    refute_time_ms: int = Field(default=REFUTE_TIME_MS, gt=0)
    refute_memory_mb: int = Field(default=REFUTE_MEMORY_MB, gt=0)
    validator_limits: Limits = Limits(cpu_ms=10_000, memory_mb=1024)
    checker_limits: Limits = Limits(cpu_ms=10_000, memory_mb=1024)
    input_cap: int = Field(default=16_384, ge=0)

    def limits(self, problem: Problem) -> Limits:
        """The limits for the reference and the incorrect submission on ``problem``.

        >>> from refute.problems import load_problems
        >>> problem = load_problems().problem("charged-pair")   # a 1000 ms problem
        >>> strict, refute = JudgeConfig(), JudgeConfig(mode=Mode.REFUTE)
        >>> strict.limits(problem).cpu_ms, refute.limits(problem).cpu_ms
        (2000, 20000)
        """
        if self.mode is Mode.REFUTE:
            return Limits(
                cpu_ms=self.refute_time_ms,
                wall_ms=self.refute_time_ms,
                memory_mb=self.refute_memory_mb,
            )
        return Limits(
            cpu_ms=max(1, round(problem.time_limit_ms * self.time_factor)),
            memory_mb=problem.memory_limit_mb,
        )


class CheckResult(BaseModel):
    """A checker's decision on one output.

    Args:
        accepted: the output is correct.
        message: the checker's explanation (``token 2: expected '15', found '16'``).
        failed: the checker itself failed (crashed, timed out, found the reference answer
            wrong): neither accepted nor rejected, a judge fault.
    """

    model_config = ConfigDict(frozen=True)

    accepted: bool
    message: str = ""
    failed: bool = False


class RunRecord(BaseModel):
    """One program run made while judging: which program, how it ended, what it cost."""

    stage: Stage
    status: RunStatus
    exit_code: int | None = None
    signal: int | None = None
    cpu_ms: float = 0.0
    wall_ms: float = 0.0
    memory_kb: int = 0
    message: str = ""
    """The run's stderr (capped), or the checker's message."""

    @classmethod
    def of(cls, stage: Stage, result: RunResult, message: str | None = None) -> RunRecord:
        return cls(
            stage=stage,
            status=result.status,
            exit_code=result.exit_code,
            signal=result.signal,
            cpu_ms=result.cpu_ms,
            wall_ms=result.wall_ms,
            memory_kb=result.memory_kb,
            message=excerpt(result.stderr if message is None else message),
        )


class Timings(BaseModel):
    """Wall time spent per program, summed over its runs, and in total (milliseconds)."""

    validator_ms: float = 0.0
    reference_ms: float = 0.0
    incorrect_ms: float = 0.0
    checker_ms: float = 0.0
    total_ms: float = 0.0


class JudgeResult(BaseModel):
    """The judge's verdict on one candidate input for one task.

    Args:
        task_id: the task judged (``charged-pair/int-overflow``).
        verdict: ``REFUTED``, ``NOT_REFUTED``, ``INVALID_INPUT`` or ``JUDGE_ERROR``.
        reason: how the incorrect submission failed, for ``REFUTED``; else ``None``.
        message: one line for humans: the checker's, validator's or error message.
        mode: the rules applied.
        time_limit_ms: the CPU limit the reference and the incorrect submission ran under.
        memory_limit_mb: their memory limit.
        input: the judged input, cut to ``JudgeConfig.input_cap`` characters, for people
            and records: bytes that are not UTF-8 are written ``\\xNN``.
        input_bytes: the input's full size in bytes.
        input_truncated: ``input`` was cut.
        input_sha256: the full input's SHA-256, to recognise it when it was cut.
        timings: where the time went.
        runs: every program run made, in order.
        sandbox_failure: the ``JUDGE_ERROR`` came from the sandbox itself (a lost
            container), not from the dataset: worth judging again later.
    """

    task_id: str
    verdict: Verdict
    reason: Reason | None = None
    message: str = ""
    mode: Mode
    time_limit_ms: int
    memory_limit_mb: int
    input: str
    input_bytes: int
    input_truncated: bool = False
    input_sha256: str
    timings: Timings = Timings()
    runs: list[RunRecord] = []
    sandbox_failure: bool = False

    @property
    def refuted(self) -> bool:
        return self.verdict is Verdict.REFUTED


def excerpt(text: str, limit: int = 600) -> str:
    """``text`` stripped and cut to ``limit`` characters, marking the cut, with bytes
    that are not UTF-8 as ``\\xNN`` (``printable_text``): program output, for a message.

    >>> excerpt(b"bad \\xff byte".decode("utf-8", "surrogateescape"))
    'bad \\\\xff byte'
    """
    text = printable_text(text.strip())
    return text if len(text) <= limit else text[:limit] + " [...]"
