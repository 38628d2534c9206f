"""Language models behind one small, typed, provider-neutral chat interface.

Providers: ``openai`` (OpenAI and every OpenAI-compatible server: vLLM, OpenRouter,
Ollama, llama.cpp, DeepSeek, via ``OPENAI_BASE_URL``) and ``anthropic``. Tool calling is
native to both. Responses are cached on disk, passing failures (429, 5xx, time-outs)
retried with backoff, tokens priced from ``refute/data/prices.toml``.

Example::

    from refute.models import Message, Sampling, ToolSpec, get_model

    run_tool = ToolSpec(
        name="run_program",
        description="Run a Python program; returns its output.",
        parameters={
            "type": "object",
            "properties": {"code": {"type": "string"}},
            "required": ["code"],
        },
    )
    async with get_model("anthropic/claude-sonnet-4-5", Sampling(max_tokens=4096)) as model:
        conversation = [Message.user("Print the first prime above 1000.")]
        completion = await model.complete(conversation, [run_tool], attempt_key="demo/1")
        conversation.append(completion.message())
        for call in completion.tool_calls:
            conversation.append(Message.tool(call.id, run(call.arguments["code"])))
        final = await model.complete(conversation, [run_tool], attempt_key="demo/1")
"""

from ._cache import ResponseCache, default_cache_dir
from ._errors import ModelConfigError, ModelError, ModelRequestError, ModelUnavailableError
from ._factory import Model, ProviderModel, get_model
from ._limiter import ModelLimiter
from ._prices import PRICES_ENV, Price, PriceTable
from ._retry import MODEL_TIMEOUT_ENV, RetryPolicy
from ._spec import PROVIDERS, ModelSpec
from ._types import (
    Completion,
    Message,
    MessageRole,
    Messages,
    Sampling,
    StopReason,
    ToolCall,
    ToolSpec,
    ToolSpecs,
    Usage,
)

__all__ = [
    "MODEL_TIMEOUT_ENV",
    "PRICES_ENV",
    "PROVIDERS",
    "Completion",
    "Message",
    "MessageRole",
    "Messages",
    "Model",
    "ModelConfigError",
    "ModelError",
    "ModelLimiter",
    "ModelRequestError",
    "ModelSpec",
    "ModelUnavailableError",
    "Price",
    "PriceTable",
    "ProviderModel",
    "ResponseCache",
    "RetryPolicy",
    "Sampling",
    "StopReason",
    "ToolCall",
    "ToolSpec",
    "ToolSpecs",
    "Usage",
    "default_cache_dir",
    "get_model",
]
