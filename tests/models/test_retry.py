"""Passing failures are retried with backoff, the same way for both providers."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from refute.models import Message, ModelUnavailableError, RetryPolicy
from refute.models._retry import retry_after_seconds
from refute.testing import Fault, Hangup, ModelServer, Reply, Slow
from tests.support.fixtures import MakeModel


async def test_a_rate_limit_waits_as_long_as_retry_after_says(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Fault(status=429, retry_after=1), Reply(text="ok")])
    started = time.monotonic()
    completion = await make_model().complete([Message.user("hi")])
    elapsed = time.monotonic() - started
    assert completion.text == "ok"
    assert len(model_server.completions()) == 2
    assert elapsed >= 1.0


async def test_a_server_error_is_retried_until_an_answer(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Fault(status=500), Fault(status=529), Reply(text="ok")])
    completion = await make_model().complete([Message.user("hi")])
    assert completion.text == "ok"
    assert len(model_server.completions()) == 3


async def test_exhausted_retries_are_a_model_unavailable_error(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script([Fault(status=503, message="overloaded")] * 3)
    with pytest.raises(ModelUnavailableError) as raised:
        await make_model().complete([Message.user("hi")])
    assert str(raised.value) == (
        f"{model_provider}/test-model: no answer after 3 attempts; last: HTTP 503: overloaded"
    )
    assert len(model_server.completions()) == 3


async def test_max_attempts_bounds_the_requests(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Fault(status=500)] * 5)
    policy = RetryPolicy(max_attempts=5, initial_delay_s=0.001, jitter=0)
    with pytest.raises(ModelUnavailableError, match="after 5 attempts"):
        await make_model(retry=policy).complete([Message.user("hi")])
    assert len(model_server.completions()) == 5


async def test_a_timeout_is_retried(model_server: ModelServer, make_model: MakeModel) -> None:
    model_server.script([Slow(seconds=1, then=Reply(text="late")), Reply(text="ok")])
    policy = RetryPolicy(max_attempts=2, initial_delay_s=0.01, timeout_s=0.3)
    completion = await make_model(retry=policy).complete([Message.user("hi")])
    assert completion.text == "ok"


async def test_a_dropped_connection_is_retried(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Hangup(), Reply(text="ok")])
    completion = await make_model().complete([Message.user("hi")])
    assert completion.text == "ok"
    assert len(model_server.completions()) == 2


async def test_a_server_that_is_not_there_is_a_model_unavailable_error(
    make_model: MakeModel, unused_port: int
) -> None:
    model = make_model(base_url=f"http://127.0.0.1:{unused_port}")
    with pytest.raises(ModelUnavailableError, match="connection error"):
        await model.complete([Message.user("hi")])


def test_retry_after_may_be_seconds() -> None:
    assert retry_after_seconds({"retry-after": "2.5"}) == 2.5


def test_retry_after_may_be_an_http_date() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds({"retry-after": later}, now=now.timestamp()) == 30


def test_retry_after_ms_is_preferred() -> None:
    assert retry_after_seconds({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5


def test_an_unreadable_retry_after_is_ignored() -> None:
    assert retry_after_seconds({"retry-after": "soon"}) is None


def test_backoff_doubles_up_to_the_cap() -> None:
    policy = RetryPolicy(initial_delay_s=1, max_delay_s=5, jitter=0)
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]


def test_jitter_only_lengthens_the_wait() -> None:
    policy = RetryPolicy(initial_delay_s=1, jitter=0.5)
    assert all(1 <= policy.delay(1) <= 1.5 for _ in range(100))


def test_retry_after_replaces_the_backoff_but_not_the_cap() -> None:
    policy = RetryPolicy(initial_delay_s=1, max_delay_s=10, jitter=0)
    assert (policy.delay(1, retry_after_s=7), policy.delay(1, retry_after_s=600)) == (7, 10)
