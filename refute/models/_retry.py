"""Retries with exponential backoff, the same for every provider.

The SDKs' own retries are switched off (``max_retries=0``) so that what is retried,
how long we wait and when we give up is decided here once, and is testable.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import os
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from ..errors import ModelError
from ._errors import ModelConfigError, ModelRequestError, ModelUnavailableError
from ._wire import as_dict

T = TypeVar("T")

RETRYABLE_STATUSES = frozenset({408, 409, 429})
"""Besides every 5xx (Anthropic's 529 "overloaded" among them)."""

MODEL_TIMEOUT_ENV = "REFUTE_MODEL_TIMEOUT"
"""The environment variable that sets the default per-request time-out, in seconds."""
DEFAULT_TIMEOUT_S = 600.0
"""Reasoning models can think for minutes."""


def default_timeout_s() -> float:
    """The per-request time-out: ``$REFUTE_MODEL_TIMEOUT`` when set, else 600 s.

    Raises ModelConfigError, naming the variable, for a value that is not a positive
    number of seconds.
    """
    raw = os.environ.get(MODEL_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (value > 0 and math.isfinite(value)):
        raise ModelConfigError(f"{MODEL_TIMEOUT_ENV}={raw!r}: expected a number of seconds above 0")
    return value


class RetryPolicy(BaseModel):
    """When and how long to retry a call that failed for a passing reason.

    Passing reasons: 408, 409, 429, any 5xx, a time-out, a connection error. The wait
    before retry ``n`` (from 1) is ``initial_delay_s * 2 ** (n - 1)``, capped at
    ``max_delay_s``, with up to ``jitter`` of it added at random so that many attempts
    hit by one rate limit do not come back in step. A ``Retry-After`` header (seconds
    or an HTTP date; OpenAI's ``retry-after-ms`` too) replaces the computed wait, still
    capped at ``max_delay_s``.

    Args:
        max_attempts: calls in all, the first included (default 6).
        initial_delay_s: the first wait (default 1 s).
        max_delay_s: the longest single wait (default 60 s).
        jitter: the random fraction added to a wait (default 0.25).
        timeout_s: the time-out of one HTTP request (default ``$REFUTE_MODEL_TIMEOUT``,
            else 600 s: reasoning models can think for minutes). ``refute run
            --model-timeout`` sets it.

    Example::

        RetryPolicy(max_attempts=3, initial_delay_s=0.01)   # fast, for tests
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_attempts: int = Field(default=6, ge=1)
    initial_delay_s: float = Field(default=1.0, ge=0)
    max_delay_s: float = Field(default=60.0, ge=0)
    jitter: float = Field(default=0.25, ge=0)
    timeout_s: float = Field(default_factory=default_timeout_s, gt=0)

    def delay(self, retry: int, retry_after_s: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        base = self.initial_delay_s * 2 ** (retry - 1) if retry_after_s is None else retry_after_s
        base = min(base, self.max_delay_s)
        return base * (1 + random.uniform(0, self.jitter))


class TransientError(ModelError):
    """A failure worth retrying; providers raise it, :func:`with_retries` consumes it."""

    def __init__(self, what: str, retry_after_s: float | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.retry_after_s = retry_after_s


async def with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy, name: str) -> T:
    """Await ``call()`` until it stops raising TransientError or attempts run out."""
    for attempt in range(1, policy.max_attempts + 1):
        try:
            return await call()
        except TransientError as error:
            if attempt == policy.max_attempts:
                raise ModelUnavailableError(
                    f"{name}: no answer after {attempt} attempts; last: {error.what}"
                ) from error
            await asyncio.sleep(policy.delay(attempt, error.retry_after_s))
    raise AssertionError("unreachable")  # pragma: no cover


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait a response asks for: ``retry-after-ms``, or ``retry-after`` in seconds or
    as an HTTP date; None when absent or unreadable."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def status_error(
    name: str,
    status: int,
    headers: Mapping[str, str],
    detail: str,
    *,
    key_variable: str,
    base_url: str,
) -> Exception:
    """The exception for an HTTP error ``status``: retry it, or stop the run or the attempt."""
    detail = one_line(detail)
    if status in RETRYABLE_STATUSES or status >= 500:
        return TransientError(f"HTTP {status}: {detail}", retry_after_seconds(headers))
    if status == 401:
        return ModelConfigError(f"{name}: the API key was rejected (401); check {key_variable}")
    if status == 403:
        return ModelConfigError(
            f"{name}: permission denied (403): {detail}; check {key_variable} and its access"
        )
    if status == 404:
        return ModelConfigError(
            f"{name}: model or endpoint not found (404) at {base_url}: {detail}; "
            "check the model name and the base URL"
        )
    return ModelRequestError(f"{name}: the request was refused ({status}): {detail}")


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def error_detail(body: object, fallback: str) -> str:
    """The human message inside a provider's error body (both providers nest it under
    ``error.message``), else ``fallback``."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
    if isinstance(body, str) and body:
        return body
    return fallback


async def call_sdk(
    sdk: Any,
    request: Callable[[], Awaitable[Any]],
    *,
    model: str,
    base_url: str,
    key_variable: str,
    timeout_s: float,
) -> dict[str, Any]:
    """Make one SDK request; its response as a dict.

    ``sdk`` is the ``openai`` or ``anthropic`` module: both name their exceptions alike,
    so both providers share this translation of HTTP statuses (``status_error``),
    time-outs, connection failures and bodies that are not JSON (a proxy's HTML error
    page, a truncated answer): all ``TransientError``, retried by the caller.
    """
    try:
        response = await request()
    except sdk.APIStatusError as error:
        raise status_error(
            model,
            error.status_code,
            error.response.headers,
            error_detail(error.body, error.message),
            key_variable=key_variable,
            base_url=base_url,
        ) from error
    except sdk.APITimeoutError as error:
        raise TransientError(f"no answer within {timeout_s:g} s") from error
    except sdk.APIConnectionError as error:
        raise TransientError(f"connection error: {error.__cause__ or error}") from error
    except (sdk.APIResponseValidationError, pydantic.ValidationError) as error:
        raise not_an_answer(f"a body the SDK cannot read ({one_line(str(error), 120)})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise not_an_answer(f"a body that is not JSON ({one_line(str(error), 120)})") from error
    if isinstance(response, str | bytes):  # the SDK hands over a body it could not decode
        raise not_an_answer(f"a body that is not JSON: {one_line(str(response), 120)}")
    return as_dict(response)


def not_an_answer(what: str) -> TransientError:
    """The server answered 200 with something that is not the API's answer (garbage, a
    proxy's HTML page, JSON of another shape): a fault of the service, retried like a
    5xx, and never the model's answer."""
    return TransientError(f"the server answered with {what}, not a model answer")
