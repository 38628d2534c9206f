"""The provider-neutral vocabulary of a chat: messages, tools, sampling, completions."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

MessageRole = Literal["system", "user", "assistant", "tool"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ToolCall(_Frozen):
    """A call of a tool, requested by the model in an assistant message.

    Example::

        ToolCall(id="call_1", name="run_program", arguments={"code": "print(1)"})
    """

    id: str = Field(description="The provider's id; the tool result answers to it.")
    name: str = Field(description="The tool's name, as in its ToolSpec.")
    arguments: dict[str, Any] = Field(
        default_factory=dict, description="The decoded arguments ({} if they were not valid)."
    )
    invalid_arguments: str | None = Field(
        default=None,
        description="The raw arguments text when it was not a JSON object, so that the "
        "agent can tell the model; None when ``arguments`` is what the model sent.",
    )


class ToolSpec(_Frozen):
    """A tool offered to the model: a name, what it does, and its JSON-schema parameters.

    Example::

        ToolSpec(
            name="run_program",
            description="Run a Python program and return its output.",
            parameters={
                "type": "object",
                "properties": {"code": {"type": "string"}},
                "required": ["code"],
            },
        )
    """

    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(
        default_factory=lambda: {"type": "object", "properties": {}},
        description="A JSON schema of type object for the arguments.",
    )


class Message(_Frozen):
    """One turn of a conversation.

    ``tool_calls`` only on assistant messages; ``tool_call_id`` only, and always, on
    tool results. ``reasoning_blocks`` carries provider-specific reasoning that must be
    sent back verbatim in later turns (Anthropic's signed thinking blocks, when tools
    are used with extended thinking); other providers ignore it.

    Example::

        conversation = [
            Message.system("You break programs."),
            Message.user("Find an input on which this code fails: ..."),
        ]
        completion = await model.complete(conversation, tools)
        conversation.append(completion.message())
        for call in completion.tool_calls:
            conversation.append(Message.tool(call.id, run(call)))
    """

    role: MessageRole
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    reasoning_blocks: tuple[dict[str, Any], ...] = ()

    @model_validator(mode="after")
    def _fits_role(self) -> Self:
        if self.tool_calls and self.role != "assistant":
            raise ValueError("only assistant messages carry tool calls")
        if (self.role == "tool") != (self.tool_call_id is not None):
            raise ValueError("tool results, and only they, need a tool_call_id")
        return self

    @classmethod
    def system(cls, content: str) -> Message:
        """A system prompt."""
        return cls(role="system", content=content)

    @classmethod
    def user(cls, content: str) -> Message:
        """A user turn."""
        return cls(role="user", content=content)

    @classmethod
    def assistant(cls, content: str = "", tool_calls: Sequence[ToolCall] = ()) -> Message:
        """An assistant turn (usually :meth:`Completion.message` builds it)."""
        return cls(role="assistant", content=content, tool_calls=tuple(tool_calls))

    @classmethod
    def tool(cls, tool_call_id: str, content: str) -> Message:
        """The result of the tool call with id ``tool_call_id``."""
        return cls(role="tool", content=content, tool_call_id=tool_call_id)


Messages = Sequence[Message]
"""A conversation, oldest message first: what ``Model.complete`` answers."""

ToolSpecs = Sequence[ToolSpec]
"""The tools offered to the model in one call."""


class Sampling(_Frozen):
    """How to sample, recorded as given with every result. None means the provider's default.

    Args:
        temperature: sampling temperature.
        max_tokens: the cap on output tokens (Anthropic requires one: 8192 when None).
        reasoning_effort: for reasoning models, e.g. ``"low"``, ``"medium"``, ``"high"``;
            OpenAI's ``reasoning_effort``, Anthropic's adaptive thinking with
            ``output_config.effort``.
        top_p: nucleus sampling.
        seed: a seed, for providers that honour one (OpenAI-compatible only).

    Example::

        Sampling(temperature=0.0, max_tokens=4096)
        Sampling(reasoning_effort="high")
    """

    temperature: float | None = None
    max_tokens: int | None = Field(default=None, gt=0)
    reasoning_effort: str | None = None
    top_p: float | None = None
    seed: int | None = None


class StopReason(StrEnum):
    """Why the model stopped, the same words for every provider."""

    END = "end"
    """It finished its answer."""
    TOOL_CALLS = "tool_calls"
    """It asked for tool calls."""
    MAX_TOKENS = "max_tokens"
    """It hit the output cap; the answer may be cut."""
    REFUSAL = "refusal"
    """It refused, or a content filter stopped it."""
    OTHER = "other"
    """A reason this layer does not know (see ``raw_stop_reason``)."""


class Usage(_Frozen):
    """Tokens and money of one completion.

    ``cost_usd`` is what this call spent: 0 when the completion came from the cache.
    ``original_cost_usd`` is what it cost when the provider produced it. Token counts are
    always the provider's, cached or not, so token budgets replay identically.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    original_cost_usd: float = 0.0
    priced: bool = Field(
        default=False, description="False when the model is not in the price table (cost 0)."
    )


class Completion(_Frozen):
    """What the model answered to one request.

    Example::

        completion = await model.complete([Message.user("2+2?")])
        completion.text               # "4"
        completion.stop_reason        # StopReason.END
        completion.usage.cost_usd     # 0.0000123 (0 on a cache hit)
    """

    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    stop_reason: StopReason = StopReason.END
    raw_stop_reason: str | None = Field(default=None, description="The provider's own word.")
    reasoning: str = Field(default="", description="Visible reasoning text, when returned.")
    reasoning_blocks: tuple[dict[str, Any], ...] = Field(
        default=(), description="Opaque reasoning to send back (see Message)."
    )
    usage: Usage = Field(default_factory=Usage)
    cached: bool = Field(default=False, description="True when served from the disk cache.")
    latency_s: float = Field(
        default=0.0, description="Wall time of this call, retries included (~0 on a cache hit)."
    )
    model: str = Field(default="", description="The model name the server reported.")

    def message(self) -> Message:
        """This completion as the assistant turn to append to the conversation."""
        return Message(
            role="assistant",
            content=self.text,
            tool_calls=self.tool_calls,
            reasoning_blocks=self.reasoning_blocks,
        )
