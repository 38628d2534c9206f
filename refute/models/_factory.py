"""The Model protocol, and get_model: a provider behind the cache, retries, limiter and prices."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ._anthropic import AnthropicProvider
from ._cache import ResponseCache
from ._errors import ModelConfigError
from ._limiter import ModelLimiter
from ._openai import OpenAIProvider
from ._prices import PriceTable
from ._retry import RetryPolicy, with_retries
from ._spec import PROVIDERS, ModelSpec
from ._types import Completion, Message, Messages, Sampling, ToolSpec, ToolSpecs


class Model(Protocol):
    """Anything that completes a conversation: what agents are given.

    :func:`get_model` builds the real ones; a test or a custom agent may pass any object
    with this method.

    Example::

        class Canned:
            async def complete(self, messages, tools=None, *, attempt_key=None):
                return Completion(text="1\\n5\\n")

        completion = await Canned().complete([Message.user("an input, please")])
    """

    async def complete(
        self, messages: Messages, tools: ToolSpecs | None = None, *, attempt_key: str | None = None
    ) -> Completion:
        """Answer the conversation ``messages``, offering ``tools``.

        ``attempt_key`` names the attempt asking (e.g. ``"task-id/agent/3"``): the same
        request from the same attempt is answered from the cache, another attempt gets
        its own sample.
        """
        ...


class _Provider(Protocol):
    spec: ModelSpec
    base_url: str

    async def send(
        self, messages: Sequence[Message], tools: Sequence[ToolSpec], sampling: Sampling
    ) -> Completion: ...

    async def aclose(self) -> None: ...


class ProviderModel:
    """A model of a provider, as :func:`get_model` builds it.

    Each :meth:`complete` looks in the cache; on a miss it sends the request under the
    limiter, retries passing failures per the policy (a body that is not an answer of
    the API's shape among them), prices the tokens and stores the answer.
    Close it with :meth:`aclose` or use it as an async context manager.
    """

    def __init__(
        self,
        provider: _Provider,
        sampling: Sampling,
        *,
        retry: RetryPolicy,
        cache: ResponseCache | None,
        prices: PriceTable,
        limiter: ModelLimiter | None,
    ) -> None:
        self.spec = provider.spec
        self.sampling = sampling
        self.retry = retry
        self.cache = cache
        self.prices = prices
        self.limiter = limiter
        self._provider = provider

    @property
    def base_url(self) -> str:
        """Where requests go."""
        return self._provider.base_url

    async def complete(
        self, messages: Messages, tools: ToolSpecs | None = None, *, attempt_key: str | None = None
    ) -> Completion:
        """See :meth:`Model.complete`. Raises ModelConfigError (fatal for the run),
        ModelUnavailableError (retries exhausted) or ModelRequestError (this request
        refused)."""
        started = time.monotonic()
        offered = list(tools or ())
        key = None
        if self.cache is not None:
            key = ResponseCache.key(
                provider=self.spec.provider,
                base_url=self.base_url,
                model=self.spec.model,
                messages=messages,
                tools=offered,
                sampling=self.sampling,
                attempt_key=attempt_key,
            )
            hit = self.cache.get(key)
            if hit is not None:
                usage = hit.usage.model_copy(update={"cost_usd": 0.0})
                return hit.model_copy(
                    update={
                        "cached": True,
                        "usage": usage,
                        "latency_s": time.monotonic() - started,
                    }
                )

        async def send_once() -> Completion:
            async with self.limiter or contextlib.nullcontext():
                return await self._provider.send(messages, offered, self.sampling)

        completion = await with_retries(send_once, self.retry, str(self.spec))
        cost, priced = self.prices.cost(
            self.spec, completion.usage.input_tokens, completion.usage.output_tokens
        )
        usage = completion.usage.model_copy(
            update={"cost_usd": cost, "original_cost_usd": cost, "priced": priced}
        )
        completion = completion.model_copy(
            update={"usage": usage, "latency_s": time.monotonic() - started}
        )
        if key is not None and self.cache is not None:
            self.cache.put(key, completion)
        return completion

    async def aclose(self) -> None:
        """Close the SDK client and its connections."""
        await self._provider.aclose()

    async def __aenter__(self) -> ProviderModel:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"ProviderModel({str(self.spec)!r}, base_url={self.base_url!r})"


if TYPE_CHECKING:

    def _is_a_model(model: ProviderModel) -> Model:
        return model  # mypy proves ProviderModel satisfies the Model protocol


def get_model(
    spec: str | ModelSpec,
    sampling: Sampling | None = None,
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    retry: RetryPolicy | None = None,
    cache: ResponseCache | None = None,
    no_cache: bool = False,
    prices: PriceTable | None = None,
    prices_file: Path | str | None = None,
    limiter: ModelLimiter | None = None,
) -> ProviderModel:
    """A model ready to complete conversations; checks the configuration, sends nothing.

    Args:
        spec: ``provider/model`` (see :class:`ModelSpec`) or a parsed spec.
        sampling: sampling settings (default: the provider's defaults).
        api_key: the key; default ``OPENAI_API_KEY`` or ``ANTHROPIC_API_KEY``.
        base_url: the endpoint; default ``OPENAI_BASE_URL`` or ``ANTHROPIC_BASE_URL``,
            else the provider's own.
        retry: when to retry (default :class:`RetryPolicy`: 6 attempts, up to 60 s apart).
        cache: where to cache responses (default: :func:`default_cache_dir`).
        no_cache: neither read nor write the cache.
        prices: the price table (default: built in, plus ``$REFUTE_PRICES``).
        prices_file: an extra price file over the default table (unused with ``prices``).
        limiter: the run's cap on concurrent requests (default: none).

    Raises:
        ModelConfigError: unknown provider, or no API key.

    Example::

        from refute.models import Message, Sampling, ToolSpec, get_model

        async with get_model("openai/gpt-4o-mini", Sampling(temperature=0)) as model:
            completion = await model.complete(
                [Message.system("Be brief."), Message.user("2+2?")],
                attempt_key="demo/1",
            )
        print(completion.text, completion.usage.cost_usd, completion.cached)
    """
    parsed = ModelSpec.parse(spec) if isinstance(spec, str) else spec
    timeout_s = (retry or RetryPolicy()).timeout_s
    provider: _Provider
    if parsed.provider == "openai":
        provider = OpenAIProvider(parsed, api_key=api_key, base_url=base_url, timeout_s=timeout_s)
    elif parsed.provider == "anthropic":
        provider = AnthropicProvider(
            parsed, api_key=api_key, base_url=base_url, timeout_s=timeout_s
        )
    else:
        raise ModelConfigError(
            f"model {str(parsed)!r}: unknown provider {parsed.provider!r}; "
            f"known: {', '.join(PROVIDERS)}"
        )
    return ProviderModel(
        provider,
        sampling or Sampling(),
        retry=retry or RetryPolicy(),
        cache=None if no_cache else (cache if cache is not None else ResponseCache()),
        prices=prices if prices is not None else PriceTable.load(prices_file),
        limiter=limiter,
    )
