"""What every model method shares: asking the model, and recording what happened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...models import Completion, Message, ModelRequestError, StopReason, ToolSpec
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Candidate, ProgramSource
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


def model_of(tools: Toolbox) -> MeteredModel | str:
    """The attempt's model, or why there is none."""
    return tools.model if tools.model is not None else NO_MODEL


def cut_short(completion: Completion) -> str:
    """Why an answer may be incomplete, as a suffix for a failure message."""
    if completion.stop_reason is StopReason.MAX_TOKENS:
        return " (the answer was cut at the output token limit)"
    if completion.stop_reason is StopReason.REFUSAL:
        return " (the model refused)"
    return ""
