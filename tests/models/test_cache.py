"""The response cache: a re-run of an attempt replays its answers and costs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.models import (
    Completion,
    Message,
    ResponseCache,
    Sampling,
    default_cache_dir,
)
from refute.testing import Malformed, ModelServer, Reply
from tests.support.fixtures import MakeModel

ASK = [Message.user("an input that breaks it, please")]


async def test_an_identical_call_is_answered_from_the_cache(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="5\n1 2 3 4 5")])
    model = make_model()
    first = await model.complete(ASK, attempt_key="task/1")
    again = await model.complete(ASK, attempt_key="task/1")
    assert len(model_server.completions()) == 1
    assert again.text == first.text
    assert (first.cached, again.cached) == (False, True)


async def test_the_cache_outlives_the_model(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="answer")])
    await make_model().complete(ASK, attempt_key="task/1")
    replay = await make_model().complete(ASK, attempt_key="task/1")
    assert (replay.text, replay.cached) == ("answer", True)
    assert len(model_server.completions()) == 1


async def test_another_attempt_key_gets_its_own_sample(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="one"), Reply(text="two")])
    model = make_model()
    first = await model.complete(ASK, attempt_key="task/1")
    second = await model.complete(ASK, attempt_key="task/2")
    assert (first.text, second.text) == ("one", "two")
    assert not second.cached


async def test_other_sampling_settings_miss_the_cache(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="one"), Reply(text="two")])
    await make_model(sampling=Sampling(temperature=0)).complete(ASK)
    other = await make_model(sampling=Sampling(temperature=1)).complete(ASK)
    assert (other.text, other.cached) == ("two", False)


async def test_no_cache_neither_reads_nor_writes(
    model_server: ModelServer, make_model: MakeModel, tmp_path: Path
) -> None:
    model_server.script([Reply(text="one"), Reply(text="two"), Reply(text="three")])
    cache = ResponseCache(tmp_path / "responses")
    await make_model(cache=cache).complete(ASK)
    bypass = make_model(cache=cache, no_cache=True)
    assert (await bypass.complete(ASK)).text == "two"
    assert (await bypass.complete(ASK)).text == "three"
    assert len(model_server.completions()) == 3


async def test_a_hit_spends_nothing_but_keeps_the_original_cost(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="x", input_tokens=1_000_000, output_tokens=0)])
    model = make_model("gpt-4o-mini")
    paid = await model.complete(ASK)
    replay = await model.complete(ASK)
    assert paid.usage.cost_usd == pytest.approx(0.15)
    assert replay.usage.cost_usd == 0
    assert replay.usage.original_cost_usd == pytest.approx(0.15)
    assert replay.usage.input_tokens == 1_000_000  # token budgets replay identically


async def test_a_body_that_is_no_answer_is_not_cached(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Malformed(), Reply(text="ok")])
    model = make_model()
    assert (await model.complete(ASK)).text == "ok"  # the second request's answer
    assert (await model.complete(ASK)).cached
    assert len(model_server.completions()) == 2


async def test_writes_leave_only_finished_entries(
    model_server: ModelServer, make_model: MakeModel, tmp_path: Path
) -> None:
    model_server.script([Reply(text="ok")])
    await make_model(cache=ResponseCache(tmp_path / "responses")).complete(ASK)
    files = [p for p in (tmp_path / "responses").rglob("*") if p.is_file()]
    assert [p.suffix for p in files] == [".json"]


def test_a_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    cache.put("ab" * 32, Completion(text="ok"))
    cache.path("ab" * 32).write_text("{half")
    assert cache.get("ab" * 32) is None


def test_the_key_depends_on_the_attempt_key() -> None:
    def key(attempt_key: str | None) -> str:
        return ResponseCache.key(
            provider="openai",
            base_url="http://127.0.0.1/v1",
            model="m",
            messages=ASK,
            tools=None,
            sampling=Sampling(),
            attempt_key=attempt_key,
        )

    assert key("a") == key("a")
    assert len({key("a"), key("b"), key(None)}) == 3


def test_the_default_directory_follows_refute_cache_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REFUTE_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path / "refute" / "responses"


def test_the_default_directory_is_under_the_home_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFUTE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert default_cache_dir() == Path.home() / ".cache" / "refute" / "responses"
