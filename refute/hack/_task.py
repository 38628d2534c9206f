"""A ``refute hack`` request as a task of the judge: the brute is the reference solution,
the solution under test is the incorrect submission."""

from __future__ import annotations

from pathlib import Path

from ..problems import Example, IncorrectSubmission, Problem, Statement, Task
from ..sandbox import Language, Program
from ._models import HackRequest, NamedProgram

ACCEPT_ALL = Program(source="int main(void) { return 0; }\n", language=Language.parse("c"))
"""The validator of a request without one: every input is valid."""


def statement_of(text: str) -> Statement:
    """A statement as given on the command line: shown whole, not split into sections."""
    return Statement(text=text, legend=text.strip(), input="", output="")


def problem_request(problem: Problem, solution: NamedProgram, **fields: object) -> HackRequest:
    """A request against a package: its reference as the brute, its validator, checker,
    limits (with the judge's strict factor), statement and examples."""
    reference = NamedProgram(name=f"{problem.id} reference", program=problem.reference)
    checker = (
        NamedProgram(name=f"{problem.id} checker", program=problem.checker)
        if problem.checker is not None
        else None
    )
    values: dict[str, object] = {
        "solution": solution,
        "brute": reference,
        "validator": NamedProgram(name=f"{problem.id} validator", program=problem.validator),
        "checker": checker,
        "statement": problem.statement.text,
        "seeds": [example.input for example in problem.examples],
        "time_limit_ms": problem.time_limit_ms,
        "time_factor": 2.0,
        "memory_mb": problem.memory_limit_mb,
        "problem_id": problem.id,
    }
    values.update({key: value for key, value in fields.items() if value is not None})
    return HackRequest.model_validate(values)


def task_of(request: HackRequest, base: Problem | None = None) -> Task:
    """The judge's view of ``request``; with ``base``, the package it came from."""
    validator = request.validator.program if request.validator else ACCEPT_ALL
    checker = request.checker.program if request.checker else None
    submission = IncorrectSubmission(
        name="solution",
        path=Path(request.solution.name),
        program=request.solution.program,
        language=str(request.solution.program.language),
        fail_input="",
        fail_input_path=Path(request.solution.name),
    )
    if base is not None:
        problem = base.model_copy(
            update={
                "reference": request.brute.program,
                "validator": validator,
                "checker": checker,
                "time_limit_ms": request.time_limit_ms,
                "memory_limit_mb": request.memory_mb,
                "incorrect": (submission,),
            }
        )
    else:
        problem = Problem(
            id="hack",
            name="refute hack",
            source="refute hack",
            time_limit_ms=request.time_limit_ms,
            memory_limit_mb=request.memory_mb,
            root=Path.cwd(),
            statement=statement_of(request.statement),
            examples=tuple(
                Example(name=str(i), input=text, answer="")
                for i, text in enumerate(request.seeds, 1)
            ),
            reference=request.brute.program,
            reference_path=Path(request.brute.name),
            validator=validator,
            checker=checker,
            incorrect=(submission,),
        )
    return Task(problem=problem, submission=submission)
