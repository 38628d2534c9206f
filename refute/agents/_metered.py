"""The model as one attempt sees it: every call recorded, counted and keyed to the attempt."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..models import Completion, Messages, Model, ModelUnavailableError, ToolSpecs


class ModelUsage(BaseModel):
    """Model calls of one attempt: tokens, money, and how many came from the cache."""

    calls: int = 0
    cached_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0


class MeteredModel:
    """Wraps the run's model for one attempt.

    Each call gets the cache key ``<attempt key>/<call number>``, so a re-run of the same
    attempt replays from the response cache while other attempts sample afresh; usage
    is added up and every exchange goes into ``transcript``.
    """

    def __init__(self, model: Model, attempt_key: str):
        self._model = model
        self._attempt_key = attempt_key
        self.usage = ModelUsage()
        self.transcript: list[dict[str, Any]] = []
        self._seen = 0  # messages of the conversation already in the transcript
        self.infrastructure_faults: list[str] = []
        """Calls the model service failed after its retries (the agent may catch them)."""

    async def complete(
        self, messages: Messages, tools: ToolSpecs | None = None, *, attempt_key: str | None = None
    ) -> Completion:
        key = f"{self._attempt_key}/{self.usage.calls}" + (f"/{attempt_key}" if attempt_key else "")
        try:
            completion = await self._model.complete(messages, tools, attempt_key=key)
        except ModelUnavailableError as error:
            self.infrastructure_faults.append(f"{type(error).__name__}: {error}")
            raise
        usage = self.usage
        usage.calls += 1
        usage.cached_calls += int(completion.cached)
        usage.input_tokens += completion.usage.input_tokens
        usage.output_tokens += completion.usage.output_tokens
        usage.cost_usd += completion.usage.cost_usd
        if len(messages) < self._seen:  # the agent started a new conversation
            self._seen = 0
        self.transcript.extend(m.model_dump(mode="json") for m in messages[self._seen :])
        self._seen = len(messages) + 1  # the agent appends this completion next
        self.transcript.append(
            {
                "role": "assistant",
                **completion.model_dump(mode="json", exclude={"reasoning_blocks"}),
            }
        )
        return completion
