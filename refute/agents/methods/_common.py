"""What every model method shares: its frame, asking the model, and recording what happened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from ...models import Completion, Message, ModelRequestError, StopReason, ToolSpec
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Budget, Candidate, ProgramSource, TaskView
from ._parse import Unparseable, parse_program
from ._prompts import PROMPT_VERSION

NOTE = f"prompts v{PROMPT_VERSION}"
"""Every candidate's note: which prompts produced it."""

NO_MODEL = "this method needs a model: run it with --model provider/name"


def finish(
    *,
    input: str | None = None,
    generator: ProgramSource | None = None,
    solution: ProgramSource | None = None,
    failure: str | None = None,
    note: str = "",
    metrics: Mapping[str, float] | None = None,
) -> Candidate:
    """A candidate stamped with the prompt version (in ``note`` and ``metrics``)."""
    return Candidate(
        input=input,
        generator=generator,
        solution=solution,
        failure=failure,
        note=f"{NOTE}; {note}" if note else NOTE,
        metrics={"prompt_version": float(PROMPT_VERSION), **(metrics or {})},
    )


async def ask(
    model: MeteredModel, messages: Sequence[Message], tools: Sequence[ToolSpec] | None = None
) -> Completion | str:
    """The model's answer, or why this attempt gets none (a refused request).

    Only ``ModelRequestError`` is this attempt's problem; every other model error is the
    runner's to classify (infrastructure, or fatal for the run), so it passes through.
    """
    try:
        return await model.complete(messages, tools)
    except ModelRequestError as error:
        return f"the model refused the request: {error}"


class ModelMethod:
    """The frame of a method that asks a model and sees no reference solution (unless a
    subclass sets ``oracle``): an attempt without a model ends at once, as a failure that
    names ``--model``; else the attempt's model goes to :meth:`attempt_with`."""

    name: ClassVar[str]
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = True
    budget: ClassVar[Budget]

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        if tools.model is None:
            return finish(failure=NO_MODEL)
        return await self.attempt_with(tools.model, task, tools)

    async def attempt_with(self, model: MeteredModel, task: TaskView, tools: Toolbox) -> Candidate:
        """The attempt, given its model."""
        raise NotImplementedError


async def ask_for_program(
    model: MeteredModel, messages: Sequence[Message], action: str
) -> ProgramSource | str:
    """One request answered with one program, the action named ``action``; else why not."""
    completion = await ask(model, messages)
    if isinstance(completion, str):
        return completion
    program = parse_program(completion.text, action)
    if isinstance(program, Unparseable):
        return f"unparseable answer: {program.reason}{cut_short(completion)}"
    return program


def cut_short(completion: Completion) -> str:
    """Why an answer may be incomplete, as a suffix for a failure message."""
    if completion.stop_reason is StopReason.MAX_TOKENS:
        return " (the answer was cut at the output token limit)"
    if completion.stop_reason is StopReason.REFUSAL:
        return " (the model refused)"
    return ""
