"""The scripted model server itself: what other tests rely on."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import Any

import pytest

from refute.testing import DEFAULT_API_KEY, ModelServer, Reply


def post(server: ModelServer, path: str, body: dict[str, Any], key: str = DEFAULT_API_KEY) -> Any:
    request = urllib.request.Request(
        server.url + path,
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json", "authorization": f"Bearer {key}"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def test_listens_on_loopback_only(model_server: ModelServer) -> None:
    assert model_server.url.startswith("http://127.0.0.1:")


def test_points_both_sdks_at_itself(model_server: ModelServer) -> None:
    assert os.environ["OPENAI_BASE_URL"] == model_server.openai_base_url
    assert os.environ["ANTHROPIC_BASE_URL"] == model_server.anthropic_base_url
    assert os.environ["OPENAI_API_KEY"] == model_server.api_key


def test_answers_in_script_order_and_records_requests(model_server: ModelServer) -> None:
    model_server.script([Reply(text="one"), Reply(text="two")])
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    first = post(model_server, "/v1/chat/completions", body)
    second = post(model_server, "/v1/chat/completions", body)
    assert [
        first["choices"][0]["message"]["content"],
        second["choices"][0]["message"]["content"],
    ] == [
        "one",
        "two",
    ]
    assert [r.body for r in model_server.completions()] == [body, body]
    assert model_server.pending == 0


def test_asks_the_responder_once_the_script_is_used_up(model_server: ModelServer) -> None:
    model_server.respond_with(lambda request: Reply(text=request.body["model"]))
    reply = post(model_server, "/v1/messages", {"model": "echo", "max_tokens": 5, "messages": []})
    assert reply["content"] == [{"type": "text", "text": "echo"}]


def test_says_so_when_nothing_is_scripted(model_server: ModelServer) -> None:
    with pytest.raises(urllib.error.HTTPError) as raised:
        post(model_server, "/v1/chat/completions", {"model": "m", "messages": []})
    assert raised.value.code == 418
    assert b"no scripted reply left" in raised.value.read()


def test_refuses_a_wrong_key(model_server: ModelServer) -> None:
    model_server.script([Reply(text="never")])
    with pytest.raises(urllib.error.HTTPError) as raised:
        post(model_server, "/v1/chat/completions", {"model": "m", "messages": []}, key="bad")
    assert raised.value.code == 401
    assert model_server.pending == 1  # a refused request takes no scripted reply


def test_lists_models(model_server: ModelServer) -> None:
    model_server.known_models = {"a", "b"}
    request = urllib.request.Request(
        model_server.openai_base_url + "/models",
        headers={"authorization": f"Bearer {model_server.api_key}"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        listing = json.loads(response.read())
    assert [m["id"] for m in listing["data"]] == ["a", "b"]
