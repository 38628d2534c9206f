"""Faults that no retry can fix: one clear line, and nothing sent that need not be."""

from __future__ import annotations

import pytest

from refute.models import (
    Message,
    ModelConfigError,
    ModelRequestError,
    ModelSpec,
    get_model,
)
from refute.testing import Fault, ModelServer
from tests.support.fixtures import MakeModel

KEY_VARIABLE = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}


async def test_a_rejected_key_is_a_config_error_of_one_line(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model = make_model("gpt-x", api_key="sk-wrong")
    with pytest.raises(ModelConfigError) as raised:
        await model.complete([Message.user("hi")])
    variable = KEY_VARIABLE[model_provider]
    assert str(raised.value) == (
        f"{model_provider}/gpt-x: the API key was rejected (401); check {variable}"
    )
    assert len(model_server.completions()) == 1  # not retried


async def test_an_unknown_model_is_a_config_error_naming_it(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.known_models = {"test-model"}
    with pytest.raises(ModelConfigError) as raised:
        await make_model("no-such-model").complete([Message.user("hi")])
    message = str(raised.value)
    assert message.startswith(f"{model_provider}/no-such-model: model or endpoint not found (404)")
    assert "\n" not in message
    assert len(model_server.completions()) == 1


async def test_a_missing_key_is_a_config_error_before_any_request(
    model_server: ModelServer, monkeypatch: pytest.MonkeyPatch, model_provider: str
) -> None:
    monkeypatch.delenv(KEY_VARIABLE[model_provider])
    with pytest.raises(ModelConfigError, match=f"no API key; set {KEY_VARIABLE[model_provider]}"):
        get_model(f"{model_provider}/test-model")
    assert model_server.requests == []


def test_an_unknown_provider_is_a_config_error_before_any_request(
    model_server: ModelServer,
) -> None:
    with pytest.raises(ModelConfigError, match="unknown provider 'gemini'"):
        get_model(ModelSpec(provider="gemini", model="pro"))
    assert model_server.requests == []


async def test_a_refused_request_is_a_request_error_and_not_retried(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script([Fault(status=400, message="prompt is too long")])
    with pytest.raises(ModelRequestError) as raised:
        await make_model().complete([Message.user("hi")])
    assert str(raised.value) == (
        f"{model_provider}/test-model: the request was refused (400): prompt is too long"
    )
    assert len(model_server.completions()) == 1


async def test_a_forbidden_model_is_a_config_error(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Fault(status=403, message="no access to this model")])
    with pytest.raises(ModelConfigError, match=r"permission denied \(403\): no access"):
        await make_model().complete([Message.user("hi")])
