"""The provider-neutral types: what a conversation may hold."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from refute.models import Completion, Message, Sampling, StopReason, ToolCall, Usage

CALL = ToolCall(id="c1", name="run_program", arguments={"code": "print(1)"})


def test_a_completion_becomes_the_assistant_turn() -> None:
    completion = Completion(
        text="running it", tool_calls=(CALL,), stop_reason=StopReason.TOOL_CALLS
    )
    assert completion.message() == Message.assistant("running it", [CALL])


def test_only_assistant_messages_carry_tool_calls() -> None:
    with pytest.raises(ValidationError, match="only assistant messages carry tool calls"):
        Message(role="user", content="hi", tool_calls=(CALL,))


def test_a_tool_result_needs_the_id_of_its_call() -> None:
    with pytest.raises(ValidationError, match="tool_call_id"):
        Message(role="tool", content="1")
    assert Message.tool("c1", "1").tool_call_id == "c1"


def test_a_completion_survives_a_json_round_trip() -> None:
    completion = Completion(
        text="x",
        tool_calls=(CALL,),
        stop_reason=StopReason.TOOL_CALLS,
        reasoning_blocks=({"type": "thinking", "thinking": "t", "signature": "s"},),
        usage=Usage(input_tokens=3, output_tokens=4, cost_usd=0.5, priced=True),
    )
    assert Completion.model_validate_json(completion.model_dump_json()) == completion


def test_sampling_is_recorded_as_given() -> None:
    sampling = Sampling(temperature=0.2, reasoning_effort="high")
    assert sampling.model_dump(exclude_none=True) == {
        "temperature": 0.2,
        "reasoning_effort": "high",
    }


def test_sampling_refuses_unknown_settings() -> None:
    with pytest.raises(ValidationError):
        Sampling.model_validate({"temprature": 0.2})
