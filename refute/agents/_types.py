"""What an agent sees (``TaskView``), may spend (``Budget``) and returns (``Candidate``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..problems import Task


class ExampleView(BaseModel):
    """One example test of the problem: an input and its expected output."""

    model_config = ConfigDict(frozen=True)

    input: str
    output: str


class TaskView(BaseModel):
    """One task as a human hacker sees it.

    It holds the statement, formats, examples, limits and the incorrect code. It never
    holds the validator or the known failing input; the reference solution is filled in
    only for oracle methods (``oracle`` is then true, and every result says so).

    Args:
        task_id: ``<problem-id>/<submission-name>``.
        problem_id: the problem's id.
        name: the problem's title.
        statement: the legend (the story and the task), without the formats.
        input_format: the Input section.
        output_format: the Output section.
        notes: the Note section, or ``""``.
        examples: the example tests.
        time_limit_ms: the problem's time limit.
        memory_limit_mb: the problem's memory limit.
        rating: difficulty rating, when known.
        tags: topic tags.
        incorrect_code: the incorrect submission's source.
        incorrect_language: its language, as named in the task (``GNU C++17``).
        reference_code: the correct solution (oracle methods only), else ``None``.
        reference_language: its language (oracle methods only), else ``None``.
    """

    model_config = ConfigDict(frozen=True)

    task_id: str
    problem_id: str
    name: str
    statement: str
    input_format: str
    output_format: str
    notes: str = ""
    examples: tuple[ExampleView, ...]
    time_limit_ms: int
    memory_limit_mb: int
    rating: int | None = None
    tags: tuple[str, ...] = ()
    incorrect_code: str
    incorrect_language: str
    reference_code: str | None = None
    reference_language: str | None = None

    @property
    def oracle(self) -> bool:
        """True when the view shows the reference solution."""
        return self.reference_code is not None

    @classmethod
    def of(cls, task: Task, *, oracle: bool = False) -> TaskView:
        """The view of ``task``; with ``oracle``, the reference solution is included."""
        problem, submission = task.problem, task.submission
        return cls(
            task_id=task.id,
            problem_id=problem.id,
            name=problem.name,
            statement=problem.statement.legend,
            input_format=problem.statement.input,
            output_format=problem.statement.output,
            notes=problem.statement.note,
            examples=tuple(ExampleView(input=e.input, output=e.answer) for e in problem.examples),
            time_limit_ms=problem.time_limit_ms,
            memory_limit_mb=problem.memory_limit_mb,
            rating=problem.rating,
            tags=tuple(problem.tags),
            incorrect_code=submission.program.source,
            incorrect_language=submission.language,
            reference_code=problem.reference.source if oracle else None,
            reference_language=str(problem.reference.language) if oracle else None,
        )


class ProgramSource(BaseModel):
    """Code written by an agent, in a language name ``Language.parse`` accepts."""

    model_config = ConfigDict(frozen=True)

    code: str
    language: str = "Python 3"


class Candidate(BaseModel):
    """An agent's answer: the input it claims refutes the submission.

    Give ``input`` directly, or a ``generator`` whose output is the input (REFUTE's
    protocol: the model writes a program that prints the failing test). When the agent
    has no usable answer, leave both empty and say why in ``failure`` (an unparseable
    model answer is such a case: a failed attempt, not a crash).

    A solve agent (``--agent solve``) answers the other question, whether the model can
    solve the problem itself: it gives a ``solution``, which is judged as a contest
    judge would (accepted or not) instead of as a counterexample.

    Args:
        input: the candidate input text.
        generator: a program that prints the candidate input (run in the untrusted pool).
        solution: a program solving the problem (a solve agent's answer; run in the
            untrusted pool on the problem's tests).
        failure: why there is no candidate (``unparseable answer``, ``gave up``).
        note: anything the agent wants recorded with the attempt.
        metrics: numbers the agent wants recorded (the fuzz baseline's valid-input rate).
    """

    model_config = ConfigDict(frozen=True)

    input: str | None = None
    generator: ProgramSource | None = None
    solution: ProgramSource | None = None
    failure: str | None = None
    note: str = ""
    metrics: dict[str, float] = Field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.input is None and self.generator is None and self.solution is None


class Budget(BaseModel):
    """What one attempt may spend on tools; every call is counted against it.

    The defaults follow REFUTE's agentic protocol: up to 10 program runs of 30 s, up to
    5 validity checks (its resubmissions), 60 s of stress search.

    Args:
        program_runs: runs of the agent's own programs (untrusted pool).
        program_cpu_ms: CPU limit of each such run.
        incorrect_runs: runs of the incorrect submission on an input of the agent's.
        validity_checks: questions to the validator ("is this input valid?").
        stress_seconds: total wall time of stress searches.
        oracle_inputs: inputs the agent may have checked against the reference solution
            (``Toolbox.search``); 0 for every model method, used by the fuzz baseline.
    """

    model_config = ConfigDict(frozen=True)

    program_runs: int = Field(default=10, ge=0)
    program_cpu_ms: int = Field(default=30_000, gt=0)
    incorrect_runs: int = Field(default=10, ge=0)
    validity_checks: int = Field(default=5, ge=0)
    stress_seconds: float = Field(default=60.0, ge=0)
    oracle_inputs: int = Field(default=0, ge=0)
