"""A cap on concurrent model calls, shared by every attempt of a run."""

from __future__ import annotations

import asyncio


class ModelLimiter:
    """At most ``max_concurrent`` model requests in flight at once.

    The runner makes one, sized from ``--model-concurrency``, and hands it to every
    model it builds. A slot is held only while a request is on the wire: not during
    backoff waits, not for cache hits.

    Example::

        limiter = ModelLimiter(8)
        model = get_model("openai/gpt-4o-mini", limiter=limiter)
        async with limiter:          # what the model does around each request
            ...
    """

    def __init__(self, max_concurrent: int) -> None:
        if max_concurrent < 1:
            raise ValueError(f"max_concurrent must be at least 1, not {max_concurrent}")
        self.max_concurrent = max_concurrent
        self._semaphore = asyncio.Semaphore(max_concurrent)
        self._in_flight = 0
        self._peak = 0

    @property
    def in_flight(self) -> int:
        """Requests holding a slot now."""
        return self._in_flight

    @property
    def peak(self) -> int:
        """The most requests that held a slot at once so far."""
        return self._peak

    async def __aenter__(self) -> ModelLimiter:
        await self._semaphore.acquire()
        self._in_flight += 1
        self._peak = max(self._peak, self._in_flight)
        return self

    async def __aexit__(self, *_: object) -> None:
        self._in_flight -= 1
        self._semaphore.release()
