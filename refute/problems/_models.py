"""What a problem package holds, once loaded: problems, their incorrect submissions, tasks."""

from __future__ import annotations

import datetime
import enum
import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..sandbox import Program, helper_of

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
"""Problem ids and incorrect-submission names: letters, digits, ``_``, ``.``, ``-``."""


class CheckerSettings(BaseModel):
    """How the default checker compares an output with the reference output.

    Outputs are compared as whitespace-separated tokens; ``YES``/``NO`` in any letter case
    are equal. With a tolerance set, two tokens that both parse as numbers are also equal
    when they differ by at most ``max(abs_tolerance, rel_tolerance * |expected|)`` (the
    usual "absolute or relative error" rule). A package with a ``checker.py`` uses that
    instead, and these settings are ignored.

    Args:
        abs_tolerance: largest accepted absolute error; ``None`` (default) for none.
        rel_tolerance: largest accepted relative error; ``None`` (default) for none.

    >>> CheckerSettings(abs_tolerance=1e-6).uses_tolerance
    True
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    abs_tolerance: float | None = Field(default=None, ge=0)
    rel_tolerance: float | None = Field(default=None, ge=0)

    @property
    def uses_tolerance(self) -> bool:
        return self.abs_tolerance is not None or self.rel_tolerance is not None


class Origin(BaseModel):
    """Where an importer took a package from (``[origin]`` in ``problem.toml``).

    Args:
        importer: the importer that wrote the package (``refute``, ``kattis``).
        source: the file, dataset or package directory it read, by name.
        id: the problem's id there (``2051F``, ``sumoftwo``).

    >>> Origin(importer="refute", source="refute.jsonl", id="2051F").id
    '2051F'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    importer: str = Field(min_length=1)
    source: str = Field(min_length=1)
    id: str = Field(min_length=1)


class Statement(BaseModel):
    """A problem statement, split at its ``## Input``, ``## Output`` and ``## Note`` headings.

    Args:
        text: the whole of ``statement.md``.
        legend: everything before ``## Input`` (without the ``# Title`` line).
        input: the ``## Input`` section.
        output: the ``## Output`` section.
        note: the ``## Note`` section, or ``""`` when there is none.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    legend: str
    input: str
    output: str
    note: str = ""


class Example(BaseModel):
    """One example test: ``examples/<name>.in`` and its expected output ``<name>.ans``."""

    model_config = ConfigDict(frozen=True)

    name: str
    input: str
    answer: str


class FuzzBudget(BaseModel):
    """What the fuzz baseline was allowed when a fuzzability record was measured.

    The budget is counted in inputs, not seconds, so that a record does not depend on the
    machine's load: the same budget and seed try the same inputs. The wall cap only
    guards against a submission that makes every input slow.

    Args:
        inputs: inputs generated per attempt.
        attempts: attempts per task (each with its own seed, derived from ``seed``).
        seed: the run's base seed.
        wall_s: the safety cap on one attempt's wall time, in seconds.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    inputs: int = Field(gt=0)
    attempts: int = Field(gt=0)
    seed: int = 0
    wall_s: float = Field(gt=0)


class FuzzRecord(BaseModel):
    """Whether the fuzz baseline refuted a submission: ``[incorrect.<name>.fuzz]``.

    Written by ``refute problems index`` (docs/problem-format.md); the default task
    selection of ``refute run`` leaves out the tasks whose current record says ``found``.

    Args:
        found: some attempt produced an input the judge ruled refuting.
        inputs: inputs tried, over all attempts.
        attempts: attempts made.
        valid_rate: share of the generated inputs that the validator accepted.
        capped: some attempt stopped at the wall cap before its input budget was spent
            (then the record may not repeat on another machine).
        budget: what the search was allowed.
        when: when it was measured (UTC).
        fingerprint: ``Task.fingerprint`` at the time: the record is stale once the
            submission, the reference or the validator changes.

    >>> FuzzRecord(found=False, inputs=400, attempts=1, budget=FuzzBudget(inputs=400,
    ...     attempts=1, wall_s=60), when=datetime.datetime(2026, 1, 1),
    ...     fingerprint="sha256:0").found
    False
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    found: bool
    inputs: int = Field(ge=0)
    attempts: int = Field(ge=0)
    valid_rate: float | None = Field(default=None, ge=0, le=1)
    capped: bool = False
    budget: FuzzBudget
    when: datetime.datetime
    fingerprint: str = Field(min_length=1)


class Fuzzability(enum.StrEnum):
    """What a task's fuzzability record says, read against the task as it is now."""

    FOUND = "found"
    """The fuzz baseline refutes it: left out of the default selection."""
    MISSED = "missed"
    """The fuzz baseline did not refute it within the recorded budget."""
    UNKNOWN = "unknown"
    """No record, or a stale one (the submission, reference or validator changed)."""


class SubmissionNotes(BaseModel):
    """What ``[incorrect.<name>]`` says of an incorrect submission besides its language:
    shared by the loaded submission and the one an importer drafts."""

    model_config = ConfigDict(frozen=True)

    bug: str | None = None
    note: str | None = None
    author_rating: int | None = None
    origin: str | None = None


class ProblemMetadata(BaseModel):
    """The top of ``problem.toml`` (and its ``[checker]``): shared by the loaded problem
    and the package an importer drafts."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    source: str
    url: str | None = None
    rating: int | None = None
    tags: tuple[str, ...] = ()
    time_limit_ms: int
    memory_limit_mb: int
    license: str | None = None
    attribution: str | None = None
    checker_settings: CheckerSettings = CheckerSettings()


class IncorrectSubmission(SubmissionNotes):
    """A submission that passes the examples but is wrong on some valid input.

    Args:
        name: the file's stem, ``incorrect/<name>.<ext>``; the task id ends with it.
        path: the source file.
        program: source and language, ready for the sandbox.
        language: the language name as the package gives it (``GNU C++17``), or the
            file extension when the package gives none.
        bug: the class of bug (``integer overflow``), from ``[incorrect.<name>]``.
        note: a human explanation of the bug, from ``[incorrect.<name>]``.
        author_rating: the submission's author's rating (Codeforces-style), when known.
        origin: where the submission was taken from (``submissions/wrong_answer/x.py``).
        fail_input: the known input that refutes it, ``incorrect/<name>.fail.in``.
        fail_input_path: that file.
        fuzz: the fuzz baseline's record, ``[incorrect.<name>.fuzz]``, when measured.
    """

    name: str
    path: Path
    program: Program
    language: str
    fail_input: str
    fail_input_path: Path
    fuzz: FuzzRecord | None = None


class Problem(ProblemMetadata):
    """A loaded problem package (see ``docs/problem-format.md``).

    The metadata fields come from ``problem.toml``; the rest are read from the package's
    files. ``checker`` is ``None`` unless the package has a ``checker.py`` (or
    ``checker.cpp``), in which case it replaces the token comparison configured by
    ``checker_settings``. ``origin`` is set for imported packages.
    ``invalid_inputs`` are the package's ``invalid/*.in``: inputs its validator must reject.
    """

    date: datetime.date | None = None
    origin: Origin | None = None

    root: Path
    statement: Statement
    examples: tuple[Example, ...]
    invalid_inputs: tuple[Example, ...] = ()
    reference: Program
    reference_path: Path
    validator: Program
    checker: Program | None = None
    incorrect: tuple[IncorrectSubmission, ...]

    def tasks(self) -> list[Task]:
        """One task per incorrect submission, in name order."""
        return [Task(problem=self, submission=submission) for submission in self.incorrect]


class Task(BaseModel):
    """One problem with one of its incorrect submissions: the unit an agent works on.

    >>> from refute.problems import load_problems
    >>> task = load_problems().task("charged-pair/int-overflow")
    >>> task.id, task.problem.id, task.submission.name
    ('charged-pair/int-overflow', 'charged-pair', 'int-overflow')
    """

    model_config = ConfigDict(frozen=True)

    problem: Problem
    submission: IncorrectSubmission

    @property
    def id(self) -> str:
        return f"{self.problem.id}/{self.submission.name}"

    @property
    def fingerprint(self) -> str:
        """A digest of what a fuzz record measures: submission, reference and validator.

        Each program counts with its language and its ``include/`` files, a validator
        that imports the sandbox's reading helper with the helper's text.
        """
        digest = hashlib.sha256()
        for program in (self.submission.program, self.problem.reference, self.problem.validator):
            digest.update(hashlib.sha256(program.model_dump_json().encode()).digest())
        helper = helper_of(self.problem.validator)
        if helper:  # (absent, it leaves the fingerprints of other validators as they were)
            digest.update(hashlib.sha256(helper).digest())
        return f"sha256:{digest.hexdigest()}"

    @property
    def fuzzability(self) -> Fuzzability:
        """``found`` or ``missed`` by the current record, else ``unknown``."""
        record = self.submission.fuzz
        if record is None or record.fingerprint != self.fingerprint:
            return Fuzzability.UNKNOWN
        return Fuzzability.FOUND if record.found else Fuzzability.MISSED
