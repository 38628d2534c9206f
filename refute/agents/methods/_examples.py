"""The worked examples of ``few-shot``: original problems, bugs and answers, kept as data.

Each ``examples/*.toml`` holds a problem, an incorrect submission, the reasoning that
finds its failing input and the answer (a program printing it), plus a correct solution
that the model never sees: the tests run all of them to prove every example right.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from .._types import ExampleView, ProgramSource, TaskView
from ._prompts import worked_answer


class WorkedExample(BaseModel):
    """One worked example, as in its TOML file.

    Example::

        first = worked_examples()[0]
        first.view().incorrect_code      # the buggy C++ the model is shown
        first.answer_text()              # reasoning, then the <action> answer
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    class Answer(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")

        reasoning: str
        language: str
        code: str

    id: str
    name: str
    time_limit_ms: int
    memory_limit_mb: int
    statement: str
    input_format: str
    output_format: str
    notes: str = ""
    examples: tuple[ExampleView, ...]
    incorrect: ProgramSource
    answer: Answer
    correct: ProgramSource

    def view(self) -> TaskView:
        """The example as the model sees it: like any task, without its correct solution."""
        return TaskView(
            task_id=f"worked-example/{self.id}",
            problem_id=self.id,
            name=self.name,
            statement=self.statement,
            input_format=self.input_format,
            output_format=self.output_format,
            notes=self.notes,
            examples=self.examples,
            time_limit_ms=self.time_limit_ms,
            memory_limit_mb=self.memory_limit_mb,
            incorrect_code=self.incorrect.code,
            incorrect_language=self.incorrect.language,
        )

    def answer_text(self) -> str:
        """The assistant turn that answers it: the reasoning, then the action."""
        return worked_answer(self.answer.reasoning, self.answer.code, self.answer.language)


@cache
def worked_examples() -> tuple[WorkedExample, ...]:
    """The worked examples, in file-name order.

    >>> len(worked_examples())
    3
    """
    folder = resources.files(__package__).joinpath("examples")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append(WorkedExample.model_validate({"id": entry.name[:-5], **data}))
    return tuple(found)
