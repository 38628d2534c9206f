"""Costs from the built-in price table and from the user's additions."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.models import Message, ModelConfigError, ModelSpec, PriceTable
from refute.testing import ModelServer, Reply
from tests.support.fixtures import MakeModel

MILLION = 1_000_000


def spec(text: str) -> ModelSpec:
    return ModelSpec.parse(text)


async def test_a_known_model_is_priced_from_the_table(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    name = "claude-haiku-4-5" if model_provider == "anthropic" else "gpt-4o-mini"
    expected = 1.00 + 5.00 if model_provider == "anthropic" else 0.15 + 0.60
    model_server.script([Reply(text="x", input_tokens=MILLION, output_tokens=MILLION)])
    completion = await make_model(name).complete([Message.user("hi")])
    assert completion.usage.priced
    assert completion.usage.cost_usd == pytest.approx(expected)


async def test_an_unknown_model_costs_nothing_and_says_so(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="x", input_tokens=MILLION, output_tokens=MILLION)])
    completion = await make_model("my-local-llama").complete([Message.user("hi")])
    assert (completion.usage.cost_usd, completion.usage.priced) == (0, False)


async def test_a_user_price_file_prices_a_new_model(
    model_server: ModelServer, make_model: MakeModel, tmp_path: Path
) -> None:
    extra = tmp_path / "prices.toml"
    extra.write_text('[models."my-local-llama"]\ninput = 1.0\noutput = 2.0\n')
    model_server.script([Reply(text="x", input_tokens=MILLION, output_tokens=MILLION)])
    completion = await make_model("my-local-llama", prices_file=extra).complete(
        [Message.user("hi")]
    )
    assert completion.usage.cost_usd == pytest.approx(3.0)
    assert completion.usage.priced


def test_refute_prices_overrides_the_built_in_table(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    extra = tmp_path / "prices.toml"
    extra.write_text('[models."gpt-4o-mini"]\ninput = 10\noutput = 20\n')
    monkeypatch.setenv("REFUTE_PRICES", str(extra))
    assert PriceTable.load().cost(spec("openai/gpt-4o-mini"), MILLION, 0) == (10.0, True)


def test_a_provider_qualified_entry_wins_over_the_bare_name(tmp_path: Path) -> None:
    extra = tmp_path / "prices.toml"
    extra.write_text('[models."openai/deepseek-chat"]\ninput = 9\noutput = 9\n')
    table = PriceTable.load(extra)
    assert table.cost(spec("openai/deepseek-chat"), MILLION, 0) == (9.0, True)


def test_a_dated_model_finds_its_undated_price() -> None:
    table = PriceTable.load()
    dated = table.lookup(spec("anthropic/claude-3-5-haiku-20241022"))
    assert dated is not None and dated == table.lookup(spec("anthropic/claude-3-5-haiku"))
    assert table.lookup(spec("openai/gpt-4o-2024-08-06")) == table.lookup(spec("openai/gpt-4o"))


def test_a_price_file_with_a_bad_entry_is_a_config_error(tmp_path: Path) -> None:
    extra = tmp_path / "prices.toml"
    extra.write_text('[models."m"]\ninput = -1\noutput = 2\n')
    with pytest.raises(ModelConfigError, match=r"prices.toml: models.m.input: .*greater than"):
        PriceTable.load(extra)


def test_a_missing_price_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ModelConfigError, match=r"price file .*nope\.toml"):
        PriceTable.load(tmp_path / "nope.toml")


def test_the_price_table_ships_in_the_package() -> None:
    source = Path(__file__).parents[2] / "refute" / "data" / "prices.toml"
    assert source.is_file()
    assert "gpt-4o-mini" in PriceTable.load()
