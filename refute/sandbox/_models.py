"""Value types of the sandbox: what a run is asked to do and what it reports."""

from __future__ import annotations

import base64
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_serializer, field_validator

from ._program import as_text, printable_text

_BASE64_KEY = "refute.sandbox.base64"
BASE64 = {_BASE64_KEY: True}
"""The validation context of an executor's reply whose program bytes are base64.

Program output is kept as text that holds any byte (``as_text``). The executor sends
it as JSON text when it is UTF-8; when some of it is not, it sends all of it base64
and marks the reply (``"b64": true``), since JSON text cannot carry a byte that is not
UTF-8 to the host's parser.
"""


def _from_wire(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str) and info.context is not None and info.context.get(_BASE64_KEY):
        return as_text(base64.b64decode(value))
    return value


class Role(StrEnum):
    """Which pool a program runs in.

    ``JUDGE`` holds judge material (reference solutions, validators, checkers) and the
    incorrect submission under test. ``UNTRUSTED`` holds anything a model wrote. The two
    never share a container.
    """

    JUDGE = "judge"
    UNTRUSTED = "untrusted"


class RunStatus(StrEnum):
    """How a program run ended, decided inside the sandbox from rusage and the cgroup."""

    OK = "OK"
    RUNTIME_ERROR = "RUNTIME_ERROR"
    TIME_LIMIT = "TIME_LIMIT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    OUTPUT_LIMIT = "OUTPUT_LIMIT"
    COMPILE_ERROR = "COMPILE_ERROR"


class Limits(BaseModel):
    """Resource limits for one program run.

    Args:
        cpu_ms: CPU-time limit; the verdict uses CPU time (user + system) from rusage.
        wall_ms: wall-clock limit; ``None`` means ``3 * cpu_ms + 1000``, generous because
            parallel workers contend for cores.
        memory_mb: memory limit (address space for native code, and peak RSS).
        output_bytes: stdout cap; a program that writes more is killed (``OUTPUT_LIMIT``).
        stderr_bytes: how much of stderr is kept.
    """

    model_config = ConfigDict(frozen=True)

    cpu_ms: int = Field(default=2000, gt=0)
    wall_ms: int | None = Field(default=None, gt=0)
    memory_mb: int = Field(default=256, gt=0)
    output_bytes: int = Field(default=64 << 20, gt=0)
    stderr_bytes: int = Field(default=64 << 10, gt=0)

    @property
    def effective_wall_ms(self) -> int:
        return self.wall_ms if self.wall_ms is not None else 3 * self.cpu_ms + 1000


class RunResult(BaseModel):
    """The outcome of one program run.

    ``exit_code`` is set when the program exited, ``signal`` when a signal ended it.
    ``stdout`` is capped at the run's ``output_bytes``; ``stderr`` at ``stderr_bytes``.
    Both hold exactly the bytes the program wrote, as text (see ``as_text``):
    ``text_bytes`` gives the bytes back. Serialised as JSON, bytes that are not UTF-8
    are written as ``\\xNN`` (``printable_text``): records show them, never fail on them.
    ``work_space_full_mb`` is set (to the work space's size) when the run left its work
    space full, so that its writes failed.
    """

    status: RunStatus
    exit_code: int | None = None
    signal: int | None = None
    stdout: str = ""
    stdout_truncated: bool = False
    stderr: str = ""
    cpu_ms: float = 0.0
    wall_ms: float = 0.0
    memory_kb: int = 0
    work_space_full_mb: int | None = None

    _wire = field_validator("stdout", "stderr", mode="before")(_from_wire)

    @field_serializer("stdout", "stderr", when_used="json")
    def _printable(self, text: str) -> str:
        return printable_text(text)

    @property
    def ok(self) -> bool:
        return self.status is RunStatus.OK

    def describe(self) -> str:
        """One line for humans: ``RUNTIME_ERROR (signal 11)``, ``TIME_LIMIT (2012 ms)``,
        ``RUNTIME_ERROR (exit code 120): the work space (512 MB) was full``."""
        if self.status is RunStatus.RUNTIME_ERROR:
            how = f"signal {self.signal}" if self.signal else f"exit code {self.exit_code}"
            said = f"{self.status} ({how})"
        elif self.status is RunStatus.TIME_LIMIT:
            said = f"{self.status} ({self.cpu_ms:.0f} ms CPU, {self.wall_ms:.0f} ms wall)"
        elif self.status is RunStatus.MEMORY_LIMIT:
            said = f"{self.status} ({self.memory_kb // 1024} MB peak)"
        else:
            said = str(self.status)
        if self.work_space_full_mb:
            said += f": the work space ({self.work_space_full_mb} MB) was full"
        return said


class StressOutcome(StrEnum):
    """How a stress search ended (``StressResult`` says what each outcome carries)."""

    FOUND = "FOUND"
    NOT_FOUND = "NOT_FOUND"
    GENERATOR_FAILED = "GENERATOR_FAILED"
    COMPILE_ERROR = "COMPILE_ERROR"


class StressResult(BaseModel):
    """The outcome of a stress search: the first input on which A and B disagree.

    Args:
        outcome: ``FOUND`` with ``input`` set, ``NOT_FOUND`` when the budget ran out,
            ``GENERATOR_FAILED`` with ``generator`` set, or ``COMPILE_ERROR`` with
            ``compile_error`` naming the program.
        iterations: inputs tried (generator runs, or given inputs checked).
        skipped: inputs skipped because B (the trusted side) did not finish OK.
        invalid: inputs the validator rejected (when a validator was given).
        seed: the seed passed to the generator on the deciding iteration.
        index: for ``compare``, the position of the differing input in the list.
        elapsed_ms: wall time of the search inside the sandbox.
    """

    outcome: StressOutcome
    iterations: int = 0
    skipped: int = 0
    invalid: int = 0
    seed: int | None = None
    index: int | None = None
    input: str | None = None
    a: RunResult | None = None
    b: RunResult | None = None
    generator: RunResult | None = None
    compile_error: str | None = None
    elapsed_ms: float = 0.0

    _wire = field_validator("input", mode="before")(_from_wire)

    @field_serializer("input", when_used="json")
    def _printable(self, text: str | None) -> str | None:
        return None if text is None else printable_text(text)


class Generated(BaseModel):
    """Inputs printed by a generator, one per seed; ``failed`` is the run that stopped it."""

    inputs: list[str]
    failed: RunResult | None = None
    compile_error: str | None = None

    @field_validator("inputs", mode="before")
    @classmethod
    def _wire(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, list):
            return [_from_wire(text, info) for text in value]
        return value

    @field_serializer("inputs", when_used="json")
    def _printable(self, texts: list[str]) -> list[str]:
        return [printable_text(text) for text in texts]
