"""How the methods behave at the edges: bad answers, refused requests, the cache, the cost cap."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.judge import Verdict
from refute.runner import AttemptLog, Outcome, run_benchmark
from refute.testing import Call, Fault, ModelServer, Reply, Request

from .runs import ANSWER, FAILING_INPUT, action, config, run, sent

openai_only = pytest.mark.parametrize("model_provider", ["openai"])


@openai_only
async def test_an_unparseable_answer_is_a_failed_attempt_and_the_run_goes_on(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    def answer(request: Request) -> Reply:
        if "charges[-1] * charges[-2]" in sent(request):  # the two-largest task
            return Reply("I believe the code is correct.")
        return Reply(action("print(3)\nprint('-1 100000 100000')"))

    model_server.respond_with(answer)
    run_config = config(problems_dir, model_provider, "zero-shot", problems="charged-pair")
    records = {r.task_id: r for r in await run(run_config, tmp_path)}
    failed, judged = records["charged-pair/two-largest"], records["charged-pair/int-overflow"]
    assert failed.outcome is Outcome.NO_CANDIDATE and failed.model_calls == 1
    assert failed.message == (
        "unparseable answer: no <action> named 'print_fail_case' and no fenced Python or "
        "C++ code block"
    )
    assert judged.refuted


@openai_only
async def test_a_refused_request_is_a_failed_attempt(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Fault(status=400, message="context too long")])
    (record,) = await run(config(problems_dir, model_provider, "zero-shot"), tmp_path)
    assert record.outcome is Outcome.NO_CANDIDATE
    assert record.message.startswith("the model refused the request")


@pytest.mark.parametrize("model_provider", ["anthropic"])
async def test_a_second_run_of_the_same_attempts_is_answered_from_the_cache(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(ANSWER)])
    run_config = config(problems_dir, model_provider, "few-shot")
    (first,) = await run(run_config, tmp_path / "first")
    (second,) = await run(run_config, tmp_path / "second")
    assert len(model_server.requests) == 1
    assert first.refuted and second.refuted and second.input == FAILING_INPUT
    assert second.input_tokens == first.input_tokens  # tokens replay; no money is spent


@openai_only
async def test_the_cost_cap_stops_starting_attempts_once_reached(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    # gpt-4o costs $2.50 per million input tokens (refute/data/prices.toml): the first
    # finished attempt reaches the cap; only attempts already in flight still finish.
    model_server.respond_with(lambda request: Reply(ANSWER, input_tokens=1_000_000))
    run_config = config(
        problems_dir,
        model_provider,
        "zero-shot",
        model="openai/gpt-4o",
        max_cost=1.0,
        attempts=12,
        model_concurrency=1,
    )
    summary = await run_benchmark(run_config, tmp_path)
    records = AttemptLog(tmp_path / "attempts.jsonl").read()
    assert records[0].cost_usd == pytest.approx(2.5 + 5 * 10 / 1e6)
    assert 1 <= len(records) < 12 and summary.pending == 12 - len(records)
    assert len(model_server.requests) == len(records)


@openai_only
async def test_agentic_reports_tool_errors_and_stops_at_the_turn_limit(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script(
        [
            Reply(tool_calls=[Call("look_around", {})]),
            Reply(tool_calls=[Call("run_program", {"code": "print(1)", "lang": "Rust"})]),
        ]
    )
    run_config = config(problems_dir, model_provider, "agentic", agent_options={"max_turns": 2})
    (record,) = await run(run_config, tmp_path)
    assert record.outcome is Outcome.NO_CANDIDATE and record.model_calls == 2
    assert record.message == "no valid submission in 2 turns"
    assert "there is no tool 'look_around'" in sent(model_server.requests[1])
    assert record.tool_calls == 0  # neither call reached the toolbox


@pytest.mark.parametrize("model_provider", ["anthropic"])
async def test_agentic_reads_an_answer_without_tool_calls_like_a_zero_shot_one(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(ANSWER)])
    (record,) = await run(config(problems_dir, model_provider, "agentic"), tmp_path)
    assert record.refuted and record.input == FAILING_INPUT and record.model_calls == 1


@openai_only
async def test_agentic_judges_the_last_input_after_five_invalid_resubmissions(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.respond_with(
        lambda request: Reply(tool_calls=[Call("submit_input", {"input": "1\n5\n"})])
    )
    (record,) = await run(config(problems_dir, model_provider, "agentic"), tmp_path)
    assert record.outcome is Outcome.JUDGED and record.verdict is Verdict.INVALID_INPUT
    assert record.model_calls == 6 and record.metrics["submissions"] == 6
    assert "submissions left: 1" in sent(model_server.requests[-1])


@openai_only
async def test_randsearch_reports_a_generator_that_fails(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    answer = action("raise SystemExit(3)", "generate_tc") + action("print(0)", "solve_brute")
    model_server.script([Reply(answer)])
    (record,) = await run(config(problems_dir, model_provider, "randsearch"), tmp_path)
    assert record.outcome is Outcome.NO_CANDIDATE
    assert record.message.startswith("the generator failed: RUNTIME_ERROR (exit code 3)")
