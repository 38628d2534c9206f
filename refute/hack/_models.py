"""What ``refute hack`` is asked (a ``HackRequest``) and what it answers (a ``HackResult``)."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import RefuteError
from ..judge import Reason
from ..sandbox import Program, RunResult

_DURATION = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>ms|s|m|min|h)", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}


class HackError(RefuteError):
    """A broken input to ``refute hack``: a program that does not compile, a brute that
    crashes, a validator that rejects everything. The CLI prints it on one line, exit 2."""


class HackBudget(BaseModel):
    """How long to search: a number of tests, a duration, or both (whichever ends first).

    >>> HackBudget.parse("5000").tests, HackBudget.parse("90s").seconds
    (5000, 90.0)
    >>> HackBudget.parse("2m").seconds
    120.0
    """

    model_config = ConfigDict(frozen=True)

    tests: int | None = Field(default=None, gt=0)
    seconds: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _some_limit(self) -> HackBudget:
        if self.tests is None and self.seconds is None:
            raise ValueError("a budget needs a number of tests or a duration")
        return self

    @classmethod
    def parse(cls, text: str) -> HackBudget:
        """``N`` tests, or a duration: ``30s``, ``500ms``, ``2m``, ``1h``."""
        text = text.strip()
        if text.isdigit() and int(text) > 0:
            return cls(tests=int(text))
        match = _DURATION.fullmatch(text)
        if match is None or float(match["value"]) <= 0:
            raise RefuteError(
                f"--budget {text!r}: expected a number of tests (1000) or a duration (30s, 2m)"
            )
        return cls(seconds=float(match["value"]) * _UNITS[match["unit"].lower()])

    def describe(self) -> str:
        parts = []
        if self.tests is not None:
            parts.append(f"{self.tests} tests")
        if self.seconds is not None:
            parts.append(f"{self.seconds:g} s")
        return " or ".join(parts)


class NamedProgram(BaseModel):
    """A program and the name it goes by in messages (its file name, or ``reference``)."""

    model_config = ConfigDict(frozen=True)

    name: str
    program: Program

    @classmethod
    def from_file(cls, path: Path) -> NamedProgram:
        """Read ``path``; its extension gives the language. Bad files raise ``HackError``."""
        from ..sandbox import UnknownLanguageError

        try:
            program = Program.from_file(path)
        except OSError as error:
            raise HackError(f"{path}: cannot read it ({error.strerror or error})") from error
        except UnicodeDecodeError as error:
            raise HackError(f"{path}: not UTF-8 text") from error
        except UnknownLanguageError as error:
            raise HackError(f"{path}: {error} (from its extension)") from error
        return cls(name=path.name, program=program)


class HackRequest(BaseModel):
    """Everything one ``refute hack`` needs.

    Args:
        solution: the program suspected wrong.
        brute: the program trusted right (a brute force, or a package's reference).
        generator: prints one test for the seed in ``argv[1]``; ``None`` to let a model
            write generators (``model``), or to mutate ``seeds`` without one.
        validator: exits 0 on a valid input; ``None`` accepts every input.
        checker: a checker with the package checker protocol (``input.txt``,
            ``output.txt``, ``answer.txt``); ``None`` compares tokens.
        statement: the problem statement, shown to a model.
        seeds: example or seed inputs, mutated when there is neither generator nor model.
        time_limit_ms: CPU limit of solution and brute per test.
        time_factor: multiplier on ``time_limit_ms`` (2 for a package's limits, as the judge).
        memory_mb: memory limit of solution and brute.
        budget: when to give up.
        seed: the first generator seed is ``seed + 1``.
        model: ``provider/name`` of a model that writes generators.
        rounds: generators a model may write (each sees how the last one did).
        minimize: shrink the counterexample found.
        minimize_calls: judge calls the shrinking may make.
        workers: parallel searches (default: one per CPU).
        problem_id: the package the brute, validator and checker came from, if any.
    """

    solution: NamedProgram
    brute: NamedProgram
    generator: NamedProgram | None = None
    validator: NamedProgram | None = None
    checker: NamedProgram | None = None
    statement: str = ""
    seeds: list[str] = Field(default_factory=list)
    time_limit_ms: int = Field(default=2000, gt=0)
    time_factor: float = Field(default=1.0, gt=0)
    memory_mb: int = Field(default=256, gt=0)
    budget: HackBudget = HackBudget(seconds=60.0)
    seed: int = 0
    model: str | None = None
    rounds: int = Field(default=3, ge=1)
    minimize: bool = True
    minimize_calls: int = Field(default=150, ge=0)
    workers: int | None = Field(default=None, ge=1)
    problem_id: str | None = None


class Strategy(StrEnum):
    """Where the tests came from."""

    GENERATOR = "generator"
    MODEL = "model"
    MUTATION = "mutation"


class HackOutcome(StrEnum):
    FOUND = "FOUND"
    NOT_FOUND = "NOT_FOUND"
    INTERRUPTED = "INTERRUPTED"


class Difference(BaseModel):
    """Where two outputs first differ, token by token (``None`` sides have no token)."""

    token: int
    """1-based position among all tokens."""
    solution_line: int | None = None
    solution_column: int | None = None
    solution_token: str | None = None
    brute_line: int | None = None
    brute_column: int | None = None
    brute_token: str | None = None


class SearchStats(BaseModel):
    """Counts of one search (all its rounds): tests tried, and those that did not count."""

    tests: int = 0
    skipped: int = 0
    """Tests on which the brute did not finish OK (too big for it, say)."""
    invalid: int = 0
    """Tests the validator rejected."""
    accepted: int = 0
    """Token differences that the checker (or tolerance) accepted."""
    seconds: float = 0.0
    """Wall time of the search, from the first test to the last."""
    found_seconds: float | None = None
    """Wall time of the search until the counterexample was confirmed by the judge."""

    @property
    def rate(self) -> float:
        return self.tests / self.seconds if self.seconds > 0 else 0.0


class HackResult(BaseModel):
    """What ``refute hack`` found.

    Args:
        outcome: ``FOUND``, ``NOT_FOUND`` (the budget ran out) or ``INTERRUPTED``
            (Ctrl-C; ``input`` is then the best found so far, if any).
        strategy: where the tests came from.
        input: the counterexample, shrunk when ``minimize`` was asked.
        original_input: the counterexample as first found.
        seed: the generator seed (or mutation seed) that made it.
        reason: how the solution failed (``WRONG_ANSWER``, ``TIME_LIMIT``, ...).
        message: the judge's explanation.
        solution_run, brute_run: both programs' runs on ``input``.
        difference: the first differing token, for a wrong answer.
        stats: what the search tried.
        model_rounds: generators the model wrote.
        minimize_calls: judge calls the shrinking made.
        wall_seconds: the whole command, sandbox start to the end.
        notes: things the user should know (which fallback was used, and why).
    """

    outcome: HackOutcome
    strategy: Strategy
    input: str | None = None
    original_input: str | None = None
    seed: int | None = None
    reason: Reason | None = None
    message: str = ""
    solution_run: RunResult | None = None
    brute_run: RunResult | None = None
    difference: Difference | None = None
    stats: SearchStats = Field(default_factory=SearchStats)
    model_rounds: int = 0
    minimize_calls: int = 0
    wall_seconds: float = 0.0
    notes: list[str] = Field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.input is not None
