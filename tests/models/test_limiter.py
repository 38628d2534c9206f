"""The run's cap on concurrent model requests."""

from __future__ import annotations

import asyncio
import time

import pytest

from refute.models import Message, ModelLimiter
from refute.testing import ModelServer, Reply, Slow
from tests.support.fixtures import MakeModel


def answer_after(seconds: float) -> Slow:
    return Slow(seconds=seconds, then=Reply(text="ok"))


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_no_more_requests_than_the_limit_are_in_flight(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.respond_with(lambda request: answer_after(0.3))
    limiter = ModelLimiter(2)
    model = make_model(limiter=limiter, no_cache=True)
    started = time.monotonic()
    await asyncio.gather(*(model.complete([Message.user(f"q{i}")]) for i in range(4)))
    elapsed = time.monotonic() - started
    assert model_server.peak_concurrency == 2
    assert limiter.peak == 2
    assert elapsed >= 0.6  # two rounds of two


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_without_a_limiter_requests_run_together(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.respond_with(lambda request: answer_after(0.3))
    model = make_model(no_cache=True)
    await asyncio.gather(*(model.complete([Message.user(f"q{i}")]) for i in range(4)))
    assert model_server.peak_concurrency == 4


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_one_limiter_caps_several_models(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.respond_with(lambda request: answer_after(0.2))
    limiter = ModelLimiter(1)
    models = [make_model(limiter=limiter, no_cache=True) for _ in range(3)]
    await asyncio.gather(*(m.complete([Message.user("q")]) for m in models))
    assert model_server.peak_concurrency == 1


async def test_a_slot_is_released_when_the_request_fails() -> None:
    limiter = ModelLimiter(1)
    with pytest.raises(RuntimeError):
        async with limiter:
            raise RuntimeError("boom")
    assert limiter.in_flight == 0
    async with asyncio.timeout(1):
        async with limiter:
            pass


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ModelLimiter(0)
