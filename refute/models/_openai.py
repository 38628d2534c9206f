"""OpenAI chat completions, and every server that speaks them (vLLM, OpenRouter, Ollama, ...)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._provider import SdkProvider
from ._retry import not_an_answer
from ._types import Completion, Message, Sampling, StopReason, ToolCall, ToolSpec, Usage
from ._wire import count, shape_of, text_of, tool_call

if TYPE_CHECKING:
    import openai

KEY_VARIABLE = "OPENAI_API_KEY"
BASE_URL_VARIABLE = "OPENAI_BASE_URL"
OFFICIAL_BASE_URL = "https://api.openai.com/v1"

_STOP_REASONS = {
    "stop": StopReason.END,
    "tool_calls": StopReason.TOOL_CALLS,
    "function_call": StopReason.TOOL_CALLS,
    "length": StopReason.MAX_TOKENS,
    "content_filter": StopReason.REFUSAL,
}


class OpenAIProvider(SdkProvider):
    """Sends chat completions through ``openai.AsyncOpenAI`` with the SDK's retries off."""

    key_variable = KEY_VARIABLE
    base_url_variable = BASE_URL_VARIABLE
    official_base_url = OFFICIAL_BASE_URL
    missing_key_hint = " (any value for a local server that needs none)"

    def _connect(self, key: str) -> None:
        import openai

        self._client: openai.AsyncOpenAI = openai.AsyncOpenAI(
            api_key=key, base_url=self.base_url, max_retries=0, timeout=self._timeout_s
        )

    async def send(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], sampling: Sampling
    ) -> Completion:
        """One request; raises TransientError, ModelConfigError or ModelRequestError."""
        arguments: dict[str, Any] = {
            "model": self.spec.model,
            "messages": [_message(m) for m in messages],
            # The SDKs' keyword sets differ across versions (reasoning_effort came late);
            # extra_body puts the same JSON on the wire whatever the version.
            "extra_body": self._sampling(sampling),
        }
        if tools:
            arguments["tools"] = [_tool(t) for t in tools]
        import openai

        raw = await self._request(openai, lambda: self._client.chat.completions.create(**arguments))
        return parse_response(raw, self.spec.model)

    def _sampling(self, sampling: Sampling) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if sampling.max_tokens is not None:
            # OpenAI's reasoning models accept only max_completion_tokens; most
            # compatible servers know only max_tokens.
            official = self.base_url == OFFICIAL_BASE_URL
            body["max_completion_tokens" if official else "max_tokens"] = sampling.max_tokens
        for name in ("temperature", "top_p", "seed", "reasoning_effort"):
            value = getattr(sampling, name)
            if value is not None:
                body[name] = value
        return body

    async def aclose(self) -> None:
        await self._client.close()


def _message(message: Message) -> dict[str, Any]:
    if message.role == "tool":
        return {"role": "tool", "tool_call_id": message.tool_call_id, "content": message.content}
    if message.role != "assistant" or not message.tool_calls:
        return {"role": message.role, "content": message.content}
    return {
        "role": "assistant",
        "content": message.content or None,
        "tool_calls": [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.name, "arguments": _arguments(call)},
            }
            for call in message.tool_calls
        ],
    }


def _arguments(call: ToolCall) -> str:
    if call.invalid_arguments is not None:
        return call.invalid_arguments
    return json.dumps(call.arguments)


def _tool(tool: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": tool.name,
            "description": tool.description,
            "parameters": tool.parameters,
        },
    }


def parse_response(body: dict[str, Any], requested_model: str) -> Completion:
    """A Completion from a chat-completion body (usage not priced).

    Raises TransientError when the body has no choice at all: it is then no answer of
    the model's (``{"foo": 1}``, an error object sent with 200). Within a choice, odd
    fields are read as leniently as possible.
    """
    model = body.get("model") if isinstance(body.get("model"), str) else requested_model
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise not_an_answer(f"JSON without choices ({shape_of(body)})")
    choice = choices[0]
    message = choice.get("message")
    message = message if isinstance(message, dict) else {}
    raw_calls = message.get("tool_calls")
    calls: list[ToolCall] = []
    for index, raw in enumerate(raw_calls if isinstance(raw_calls, list) else []):
        raw = raw if isinstance(raw, dict) else {}
        function = raw.get("function")
        function = function if isinstance(function, dict) else {}
        call = tool_call(raw.get("id"), function.get("name"), function.get("arguments"), index)
        if call is not None:
            calls.append(call)
    finish = choice.get("finish_reason")
    raw_stop = finish if isinstance(finish, str) else None
    stop = _STOP_REASONS.get(raw_stop or "", StopReason.OTHER if raw_stop else StopReason.END)
    if calls and stop is StopReason.END:  # some servers say "stop" after tool calls
        stop = StopReason.TOOL_CALLS
    usage = body.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    # DeepSeek and vLLM send reasoning_content; OpenRouter sends reasoning.
    reasoning = text_of(message.get("reasoning_content")) or text_of(message.get("reasoning"))
    return Completion(
        text=text_of(message.get("content")),
        tool_calls=tuple(calls),
        stop_reason=stop,
        raw_stop_reason=raw_stop,
        reasoning=reasoning,
        usage=Usage(
            input_tokens=count(usage.get("prompt_tokens")),
            output_tokens=count(usage.get("completion_tokens")),
        ),
        model=str(model),
    )
