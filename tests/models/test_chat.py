"""Conversations with both providers through their real SDKs, over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from refute.models import Message, ModelUnavailableError, Sampling, StopReason, ToolCall, ToolSpec
from refute.testing import Call, Empty, Malformed, ModelServer, Reply
from tests.support.fixtures import MakeModel

RUN = ToolSpec(
    name="run_program",
    description="Run a Python program and return its output.",
    parameters={
        "type": "object",
        "properties": {"code": {"type": "string"}},
        "required": ["code"],
    },
)


def sent_tool_names(body: dict[str, Any]) -> list[str]:
    return [t["function"]["name"] if "function" in t else t["name"] for t in body["tools"]]


async def test_returns_the_text_answer(model_server: ModelServer, make_model: MakeModel) -> None:
    model_server.script([Reply(text="hello", input_tokens=12, output_tokens=3)])
    completion = await make_model().complete([Message.user("hi")])
    assert completion.text == "hello"
    assert completion.tool_calls == ()
    assert completion.stop_reason is StopReason.END
    assert (completion.usage.input_tokens, completion.usage.output_tokens) == (12, 3)
    assert completion.model == "test-model"
    assert not completion.cached


async def test_sends_the_conversation(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script([Reply(text="ok")])
    await make_model().complete([Message.system("be brief"), Message.user("hi")])
    body = model_server.completions()[0].body
    if model_provider == "anthropic":
        assert body["system"] == "be brief"
        assert body["messages"] == [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]
    else:
        assert body["messages"] == [
            {"role": "system", "content": "be brief"},
            {"role": "user", "content": "hi"},
        ]


async def test_returns_tool_calls_with_decoded_arguments(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(tool_calls=[Call("run_program", {"code": "print(1)"}, id="c1")])])
    completion = await make_model().complete([Message.user("run it")], [RUN])
    assert completion.tool_calls == (
        ToolCall(id="c1", name="run_program", arguments={"code": "print(1)"}),
    )
    assert completion.stop_reason is StopReason.TOOL_CALLS


async def test_offers_the_tools_in_the_request(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script([Reply(text="ok")])
    await make_model().complete([Message.user("hi")], [RUN])
    body = model_server.completions()[0].body
    assert sent_tool_names(body) == ["run_program"]
    schema_key = "input_schema" if model_provider == "anthropic" else "parameters"
    sent = body["tools"][0] if model_provider == "anthropic" else body["tools"][0]["function"]
    assert sent[schema_key] == RUN.parameters
    assert sent["description"] == RUN.description


async def test_tool_round_trip_sends_the_call_and_its_result_back(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script(
        [
            Reply(tool_calls=[Call("run_program", {"code": "print(1)"}, id="c1")]),
            Reply(text="the output was 1"),
        ]
    )
    model = make_model()
    conversation = [Message.user("run it")]
    first = await model.complete(conversation, [RUN])
    conversation += [first.message(), Message.tool("c1", "1\n")]
    final = await model.complete(conversation, [RUN])

    assert final.text == "the output was 1"
    sent = model_server.completions()[1].body["messages"]
    if model_provider == "anthropic":
        assert sent[1] == {
            "role": "assistant",
            "content": [
                {
                    "type": "tool_use",
                    "id": "c1",
                    "name": "run_program",
                    "input": {"code": "print(1)"},
                }
            ],
        }
        assert sent[2] == {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "c1", "content": "1\n"}],
        }
    else:
        assert sent[1]["tool_calls"] == [
            {
                "id": "c1",
                "type": "function",
                "function": {"name": "run_program", "arguments": '{"code": "print(1)"}'},
            }
        ]
        assert sent[2] == {"role": "tool", "tool_call_id": "c1", "content": "1\n"}


async def test_parallel_tool_results_go_back_together(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script(
        [
            Reply(tool_calls=[Call("run_program", {}, id="a"), Call("run_program", {}, id="b")]),
            Reply(text="done"),
        ]
    )
    model = make_model()
    first = await model.complete([Message.user("go")], [RUN])
    await model.complete(
        [Message.user("go"), first.message(), Message.tool("a", "A"), Message.tool("b", "B")],
        [RUN],
    )
    sent = model_server.completions()[1].body["messages"]
    if model_provider == "anthropic":  # one user turn holding both results
        assert [b["tool_use_id"] for b in sent[2]["content"]] == ["a", "b"]
        assert len(sent) == 3
    else:
        assert [m["tool_call_id"] for m in sent[2:]] == ["a", "b"]


async def test_sends_the_sampling_settings(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    model_server.script([Reply(text="ok")])
    sampling = Sampling(temperature=0.5, max_tokens=100, top_p=0.9, seed=7, reasoning_effort="high")
    await make_model(sampling=sampling).complete([Message.user("hi")])
    body = model_server.completions()[0].body
    assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.5, 0.9, 100)
    if model_provider == "anthropic":
        assert body["thinking"] == {"type": "adaptive"}
        assert body["output_config"] == {"effort": "high"}
    else:
        assert (body["seed"], body["reasoning_effort"]) == (7, "high")


async def test_leaves_unset_sampling_to_the_provider(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="ok")])
    await make_model().complete([Message.user("hi")])
    body = model_server.completions()[0].body
    assert not {"temperature", "top_p", "seed", "reasoning_effort", "thinking"} & body.keys()


async def test_reports_a_length_stop(
    model_server: ModelServer, make_model: MakeModel, model_provider: str
) -> None:
    word = "max_tokens" if model_provider == "anthropic" else "length"
    model_server.script([Reply(text="cut sh", stop_reason=word)])
    completion = await make_model().complete([Message.user("hi")])
    assert completion.stop_reason is StopReason.MAX_TOKENS
    assert completion.raw_stop_reason == word


async def test_keeps_reasoning_text(model_server: ModelServer, make_model: MakeModel) -> None:
    model_server.script([Reply(text="4", reasoning="two and two")])
    completion = await make_model().complete([Message.user("2+2?")])
    assert (completion.text, completion.reasoning) == ("4", "two and two")


@pytest.mark.parametrize("model_provider", ["anthropic"])
async def test_anthropic_thinking_blocks_are_sent_back_verbatim(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script(
        [Reply(reasoning="plan", tool_calls=[Call("run_program", {}, id="t")]), Reply(text="ok")]
    )
    model = make_model()
    first = await model.complete([Message.user("go")], [RUN])
    await model.complete([Message.user("go"), first.message(), Message.tool("t", "out")], [RUN])
    assistant = model_server.completions()[1].body["messages"][1]
    assert assistant["content"][0] == {"type": "thinking", "thinking": "plan", "signature": "sig"}


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_reasoning_content_is_not_sent_back(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="4", reasoning="two and two"), Reply(text="ok")])
    model = make_model()
    first = await model.complete([Message.user("2+2?")])
    await model.complete([Message.user("2+2?"), first.message(), Message.user("sure?")])
    assistant = model_server.completions()[1].body["messages"][1]
    assert assistant == {"role": "assistant", "content": "4"}  # DeepSeek refuses it


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_invalid_tool_arguments_are_kept_for_the_agent(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(tool_calls=[Call("run_program", '{"code": ', id="c")])])
    completion = await make_model().complete([Message.user("go")], [RUN])
    (call,) = completion.tool_calls
    assert (call.arguments, call.invalid_arguments) == ({}, '{"code": ')


async def test_an_empty_answer_is_an_empty_completion(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Empty()])
    completion = await make_model().complete([Message.user("hi")])
    assert (completion.text, completion.tool_calls) == ("", ())
    assert completion.stop_reason is StopReason.END


NOT_ANSWERS = {
    "json-cut-short": Malformed(),
    "html-page": Malformed(b"<html><body>502 Bad Gateway</body></html>", "text/html"),
    "html-as-json": Malformed(b"<html><body>502 Bad Gateway</body></html>"),
    "other-json": Malformed(b'{"foo": 1}'),
    "wrong-types": Malformed(b'{"choices": 7, "content": "x"}'),
    "json-list": Malformed(b"[1, 2]"),
    "empty-body": Malformed(b""),
}


@pytest.mark.parametrize("body", NOT_ANSWERS.values(), ids=NOT_ANSWERS.keys())
async def test_a_200_that_is_no_answer_is_retried_like_a_server_error(
    model_server: ModelServer, make_model: MakeModel, body: Malformed
) -> None:
    model_server.script([body, Reply(text="ok")])
    completion = await make_model().complete([Message.user("hi")])
    assert completion.text == "ok"
    assert len(model_server.completions()) == 2


@pytest.mark.parametrize("body", NOT_ANSWERS.values(), ids=NOT_ANSWERS.keys())
async def test_a_200_that_is_never_an_answer_makes_the_model_unavailable(
    model_server: ModelServer, make_model: MakeModel, body: Malformed
) -> None:
    model_server.script([body] * 3)
    with pytest.raises(ModelUnavailableError, match="after 3 attempts; last: the server an"):
        await make_model().complete([Message.user("hi")])
    assert len(model_server.completions()) == 3


@pytest.mark.parametrize("model_provider", ["anthropic"])
async def test_an_empty_assistant_turn_is_not_sent_to_anthropic(
    model_server: ModelServer, make_model: MakeModel
) -> None:
    model_server.script([Reply(text="ok")])
    await make_model().complete([Message.user("hi"), Message.assistant(""), Message.user("again")])
    sent = model_server.completions()[0].body["messages"]
    # The API refuses empty content, and wants roles to alternate: the user turns merge.
    assert sent == [
        {
            "role": "user",
            "content": [{"type": "text", "text": "hi"}, {"type": "text", "text": "again"}],
        }
    ]
