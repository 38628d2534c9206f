"""Anthropic's messages API: system prompt apart, tool_use and tool_result blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._provider import SdkProvider
from ._retry import not_an_answer
from ._types import Completion, Message, Sampling, StopReason, ToolCall, ToolSpec, Usage
from ._wire import count, shape_of, tool_call

if TYPE_CHECKING:
    import anthropic

KEY_VARIABLE = "ANTHROPIC_API_KEY"
BASE_URL_VARIABLE = "ANTHROPIC_BASE_URL"
OFFICIAL_BASE_URL = "https://api.anthropic.com"

DEFAULT_MAX_TOKENS = 8192
"""The API requires a cap on output tokens; this one when Sampling.max_tokens is None."""

_STOP_REASONS = {
    "end_turn": StopReason.END,
    "stop_sequence": StopReason.END,
    "tool_use": StopReason.TOOL_CALLS,
    "max_tokens": StopReason.MAX_TOKENS,
    "model_context_window_exceeded": StopReason.MAX_TOKENS,
    "refusal": StopReason.REFUSAL,
}

_REASONING_BLOCKS = ("thinking", "redacted_thinking")


class AnthropicProvider(SdkProvider):
    """Sends messages through ``anthropic.AsyncAnthropic`` with the SDK's retries off."""

    key_variable = KEY_VARIABLE
    base_url_variable = BASE_URL_VARIABLE
    official_base_url = OFFICIAL_BASE_URL

    def _connect(self, key: str) -> None:
        import anthropic

        self._client: anthropic.AsyncAnthropic = anthropic.AsyncAnthropic(
            api_key=key, base_url=self.base_url, max_retries=0, timeout=self._timeout_s
        )

    async def send(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], sampling: Sampling
    ) -> Completion:
        """One request; raises TransientError, ModelConfigError or ModelRequestError."""
        system = "\n\n".join(m.content for m in messages if m.role == "system" and m.content)
        arguments: dict[str, Any] = {
            "model": self.spec.model,
            "max_tokens": sampling.max_tokens or DEFAULT_MAX_TOKENS,
            "messages": _conversation(messages),
            # The SDKs' keyword sets differ across versions (2.x has no temperature);
            # extra_body puts the same JSON on the wire whatever the version.
            "extra_body": _sampling(sampling),
        }
        if system:
            arguments["system"] = system
        if tools:
            arguments["tools"] = [_tool(t) for t in tools]
        import anthropic

        raw = await self._request(anthropic, lambda: self._client.messages.create(**arguments))
        return parse_response(raw, self.spec.model)

    async def aclose(self) -> None:
        await self._client.close()


def _sampling(sampling: Sampling) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if sampling.temperature is not None:
        body["temperature"] = sampling.temperature
    if sampling.top_p is not None:
        body["top_p"] = sampling.top_p
    if sampling.reasoning_effort is not None:
        body["thinking"] = {"type": "adaptive"}
        body["output_config"] = {"effort": sampling.reasoning_effort}
    return body


def _tool(tool: ToolSpec) -> dict[str, Any]:
    return {"name": tool.name, "description": tool.description, "input_schema": tool.parameters}


def _conversation(messages: Sequence[Message]) -> list[dict[str, Any]]:
    """The turns as content blocks, consecutive turns of one role merged: the results of
    parallel tool calls must come back in one user turn, and the API wants roles to
    alternate."""
    turns: list[dict[str, Any]] = []
    for message in messages:
        if message.role == "system":
            continue
        role = "assistant" if message.role == "assistant" else "user"
        blocks = _blocks(message)
        if not blocks:  # an empty assistant turn (an unreadable answer) would be refused
            continue
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})
    return turns


def _blocks(message: Message) -> list[dict[str, Any]]:
    if message.role == "tool":
        return [
            {"type": "tool_result", "tool_use_id": message.tool_call_id, "content": message.content}
        ]
    blocks: list[dict[str, Any]] = [dict(b) for b in message.reasoning_blocks]
    if message.content:
        blocks.append({"type": "text", "text": message.content})
    # Invalid arguments go back as {}: tool_use input must be an object.
    blocks.extend(
        {"type": "tool_use", "id": call.id, "name": call.name, "input": call.arguments}
        for call in message.tool_calls
    )
    return blocks


def parse_response(body: dict[str, Any], requested_model: str) -> Completion:
    """A Completion from a messages body (usage not priced).

    Raises TransientError when the body has no content list: it is then no answer of
    the model's. Within the content, odd blocks are skipped.
    """
    model = body.get("model") if isinstance(body.get("model"), str) else requested_model
    content = body.get("content")
    if not isinstance(content, list):
        raise not_an_answer(f"JSON without content ({shape_of(body)})")
    texts: list[str] = []
    thoughts: list[str] = []
    reasoning_blocks: list[dict[str, Any]] = []
    calls: list[ToolCall] = []
    for index, block in enumerate(content):
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str):
            texts.append(block["text"])
        elif kind == "tool_use":
            call = tool_call(block.get("id"), block.get("name"), block.get("input"), index)
            if call is not None:
                calls.append(call)
        elif kind in _REASONING_BLOCKS:
            reasoning_blocks.append(block)
            if isinstance(block.get("thinking"), str):
                thoughts.append(block["thinking"])
    raw_stop = body.get("stop_reason") if isinstance(body.get("stop_reason"), str) else None
    stop = _STOP_REASONS.get(raw_stop or "", StopReason.OTHER if raw_stop else StopReason.END)
    if calls and stop is StopReason.END:
        stop = StopReason.TOOL_CALLS
    usage = body.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    # input_tokens leaves out prompt-cache reads and writes; they are input all the same.
    input_tokens = sum(
        count(usage.get(name))
        for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")
    )
    return Completion(
        text="".join(texts),
        tool_calls=tuple(calls),
        stop_reason=stop,
        raw_stop_reason=raw_stop,
        reasoning="\n\n".join(thoughts),
        reasoning_blocks=tuple(reasoning_blocks),
        usage=Usage(input_tokens=input_tokens, output_tokens=count(usage.get("output_tokens"))),
        model=str(model),
    )
