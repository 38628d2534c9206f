"""``provider/model`` specs."""

from __future__ import annotations

import pytest

from refute.errors import RefuteError
from refute.models import ModelConfigError, ModelSpec


def test_splits_provider_and_model() -> None:
    spec = ModelSpec.parse("openai/gpt-4o-mini")
    assert (spec.provider, spec.model) == ("openai", "gpt-4o-mini")


def test_splits_at_the_first_slash_so_models_keep_theirs() -> None:
    spec = ModelSpec.parse("openai/deepseek/deepseek-chat")
    assert (spec.provider, spec.model) == ("openai", "deepseek/deepseek-chat")


def test_prints_back_as_written() -> None:
    assert str(ModelSpec.parse("openai/deepseek/deepseek-chat")) == "openai/deepseek/deepseek-chat"


def test_unknown_provider_is_a_config_error_naming_the_flag_value() -> None:
    with pytest.raises(ModelConfigError, match=r"'gemini/pro'.*unknown provider 'gemini'"):
        ModelSpec.parse("gemini/pro")


@pytest.mark.parametrize("text", ["gpt-4o", "openai/", "/gpt-4o", ""])
def test_text_without_provider_and_model_is_a_config_error(text: str) -> None:
    with pytest.raises(ModelConfigError, match="expected provider/model"):
        ModelSpec.parse(text)


def test_config_errors_are_refute_errors() -> None:
    assert issubclass(ModelConfigError, RefuteError)
