"""``provider/model``: which provider to call and which model to ask for."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ._errors import ModelConfigError

PROVIDERS: tuple[str, ...] = ("openai", "anthropic")
"""The providers :func:`~refute.models.get_model` knows."""


class ModelSpec(BaseModel):
    """A provider and a model, written ``provider/model`` on the command line.

    The text splits at the first slash, so the model may itself hold slashes: with
    ``OPENAI_BASE_URL`` pointing at OpenRouter, ``openai/deepseek/deepseek-chat`` asks
    the OpenAI-compatible endpoint for ``deepseek/deepseek-chat``.

    Example::

        spec = ModelSpec.parse("openai/deepseek/deepseek-chat")
        spec.provider, spec.model    # ("openai", "deepseek/deepseek-chat")
        str(spec)                    # "openai/deepseek/deepseek-chat"
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: str
    model: str

    @classmethod
    def parse(cls, text: str) -> ModelSpec:
        """Read ``provider/model``; a malformed text or unknown provider is a ModelConfigError."""
        provider, slash, model = text.strip().partition("/")
        if not slash or not provider or not model:
            raise ModelConfigError(
                f"model {text!r}: expected provider/model, e.g. openai/gpt-4o-mini "
                f"(providers: {', '.join(PROVIDERS)})"
            )
        if provider not in PROVIDERS:
            raise ModelConfigError(
                f"model {text!r}: unknown provider {provider!r}; "
                f"known: {', '.join(PROVIDERS)} (any OpenAI-compatible server is openai/...)"
            )
        return cls(provider=provider, model=model)

    def __str__(self) -> str:
        return f"{self.provider}/{self.model}"
