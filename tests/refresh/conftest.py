"""Fixtures of the refresh tests: the fake Codeforces, its world, fast clients and runs."""

from __future__ import annotations

import datetime
import json
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from refute.models import Model, get_model
from refute.refresh import CodeforcesClient, RefreshConfig, RefreshReport, refresh
from refute.sandbox import Sandbox
from refute.testing import ModelServer, Reply, Request
from tests.support.fixtures import FAST_RETRY

from . import world as fixtures
from .fake_codeforces import FakeCodeforces


@pytest.fixture
def site() -> Iterator[FakeCodeforces]:
    with FakeCodeforces() as served:
        yield served


@pytest.fixture
def world(site: FakeCodeforces) -> fixtures.World:
    return fixtures.World(site)


def fast_client(site: FakeCodeforces, **options: Any) -> CodeforcesClient:
    """A client of the fake site with no pacing and millisecond backoff."""
    options.setdefault("rate_limit_s", 0.0)
    options.setdefault("backoff_s", 0.001)
    return CodeforcesClient(site.url, **options)


def make_config(out: Path, site: FakeCodeforces, **options: Any) -> RefreshConfig:
    """The options of a test run: the June 2026 window, a short fuzz budget."""
    fields: dict[str, Any] = {
        "since": datetime.date.fromisoformat(fixtures.SINCE),
        "until": datetime.date.fromisoformat(fixtures.UNTIL),
        "out": out,
        "codeforces_url": site.url,
        "rate_limit_s": 0.0,
        "backoff_s": 0.001,
        "fuzz_seconds": 1.5,
    }
    fields.update(options)
    return RefreshConfig.model_validate(fields)


async def run_refresh(
    out: Path,
    site: FakeCodeforces,
    sandbox: Sandbox,
    model: Model | None = None,
    on_event: Callable[[str], None] = lambda line: None,
    **options: Any,
) -> RefreshReport:
    """One refresh of ``site`` into ``out`` on the session's sandbox."""
    if model is not None:
        options.setdefault("model", "openai/test-model")
    config = make_config(out, site, **options)
    async with fast_client(site) as client:
        return await refresh(config, client=client, sandbox=sandbox, model=model, on_event=on_event)


def validator_drafts(request: Request) -> Reply:
    """The scripted model: for "Long Sum" a validator without value bounds first (the
    mutation check turns it down), then a correct one; for "Overflow Sum" a correct one."""
    body = json.dumps(request.body)
    messages = request.body["messages"] if isinstance(request.body, dict) else []
    earlier = sum(1 for message in messages if message.get("role") == "assistant")
    if "Long Sum" in body:
        source = (
            fixtures.lax_long_sum_validator() if earlier == 0 else fixtures.long_sum_validator()
        )
    else:
        source = fixtures.overflow_sum_validator()
    return Reply(text=f"Here is the validator.\n\n```python\n{source}```\n")


@pytest.fixture
async def drafting_model(model_server: ModelServer, tmp_path: Path) -> AsyncIterator[Model]:
    """An OpenAI-protocol model on the scripted server that answers ``validator_drafts``."""
    model_server.respond_with(validator_drafts)
    model = get_model("openai/test-model", retry=FAST_RETRY, no_cache=True)
    yield model
    await model.aclose()
