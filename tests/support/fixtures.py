"""Pytest fixtures over the scripted model server, for any test folder.

Use from a folder's ``conftest.py``::

    from tests.support.fixtures import model_server  # noqa: F401  (registers it)

or for the whole suite, in ``tests/conftest.py``::

    pytest_plugins = ["tests.support.fixtures"]

then in a test (``make_model`` runs it once per provider, ``model_provider``)::

    from refute.testing import Call, Reply

    async def test_agent_runs_the_tool(model_server, make_model):
        model_server.script([Reply(tool_calls=[Call("run", {"code": "1"})]), Reply("done")])
        model = make_model()              # e.g. openai/test-model, then anthropic/test-model
        ...

or build one model by hand: ``get_model("openai/test-model", retry=FAST_RETRY)``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from refute.models import ProviderModel, ResponseCache, RetryPolicy, Sampling, get_model
from refute.testing import ModelServer

FAST_RETRY = RetryPolicy(
    max_attempts=3, initial_delay_s=0.01, max_delay_s=2.0, jitter=0.1, timeout_s=5.0
)
"""A retry policy for tests: three attempts, 10 ms apart, 5 s per request."""

MakeModel = Callable[..., ProviderModel]
"""``make(model="test-model", sampling=None, **get_model_options) -> ProviderModel``."""

_CLEARED = (
    "ANTHROPIC_AUTH_TOKEN",
    "ANTHROPIC_CUSTOM_HEADERS",
    "OPENAI_CUSTOM_HEADERS",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "REFUTE_PRICES",
)


@pytest.fixture
def model_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[ModelServer]:
    """A started :class:`ModelServer` that both SDKs point at for this test.

    Sets ``OPENAI_BASE_URL``, ``ANTHROPIC_BASE_URL``, ``OPENAI_API_KEY`` and
    ``ANTHROPIC_API_KEY`` to the server and its key, and ``REFUTE_CACHE_DIR`` to a
    temporary folder (so no test writes the user's response cache); clears variables
    that would change what the SDKs send (``REFUTE_PRICES`` too). All restored after.
    """
    with ModelServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.openai_base_url)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", server.anthropic_base_url)
        monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("ANTHROPIC_API_KEY", server.api_key)
        monkeypatch.setenv("REFUTE_CACHE_DIR", str(tmp_path / "cache"))
        for name in _CLEARED:
            monkeypatch.delenv(name, raising=False)
        yield server


@pytest.fixture(params=["openai", "anthropic"])
def model_provider(request: pytest.FixtureRequest) -> str:
    """The provider under test: a test that uses it (or make_model) runs once per provider.

    Parametrize ``model_provider`` directly to pin one: ``@pytest.mark.parametrize(
    "model_provider", ["openai"])``.
    """
    return str(request.param)


@pytest.fixture
async def make_model(
    model_server: ModelServer, model_provider: str, tmp_path: Path
) -> AsyncIterator[MakeModel]:
    """Build models of ``model_provider`` against the server, with :data:`FAST_RETRY` and a
    cache in ``tmp_path``; each is closed after the test."""
    built: list[ProviderModel] = []

    def make(
        model: str = "test-model", sampling: Sampling | None = None, **options: Any
    ) -> ProviderModel:
        options.setdefault("retry", FAST_RETRY)
        options.setdefault("cache", ResponseCache(tmp_path / "responses"))
        built.append(get_model(f"{model_provider}/{model}", sampling, **options))
        return built[-1]

    yield make
    for model in built:
        await model.aclose()
