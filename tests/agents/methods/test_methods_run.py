"""Every method end to end: scripted model (OpenAI and Anthropic SDKs), real sandbox, judge."""

from __future__ import annotations

from pathlib import Path

from refute.agents.methods import PROMPT_VERSION
from refute.runner import AttemptRecord, Outcome
from refute.testing import Call, ModelServer, Reply

from .runs import ANSWER, FAILING_INPUT, PRINT_FAILING, action, config, run, sent, transcript

INCORRECT_CODE = "charges[-1] * charges[-2]"
REFERENCE_CODE = "The best product uses either the two smallest"

GENERATOR = """import random, sys
rng = random.Random(int(sys.argv[1]))
n = rng.randint(2, 4)
print(n)
print(*(rng.randint(-5, 5) for _ in range(n)))
"""
BRUTE = """n = int(input())
a = list(map(int, input().split()))
print(max(a[i] * a[j] for i in range(n) for j in range(n) if i != j))
"""


def assert_refuted_and_recorded(out: Path, record: AttemptRecord, model_calls: int) -> None:
    assert record.outcome is Outcome.JUDGED and record.refuted, record.message
    assert record.model_calls == model_calls
    assert (record.input_tokens, record.output_tokens) == (10 * model_calls, 5 * model_calls)
    assert record.metrics["prompt_version"] == PROMPT_VERSION
    log = transcript(out, record)
    assert sum("usage" in entry for entry in log["model"]) == model_calls  # completions
    assert log["candidate"]["note"].startswith(f"prompts v{PROMPT_VERSION}")


async def test_zero_shot_judges_the_output_of_the_answered_program(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(ANSWER)])
    (record,) = await run(config(problems_dir, model_provider, "zero-shot"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=1)
    assert record.input == FAILING_INPUT and not record.oracle
    (request,) = model_server.requests
    assert INCORRECT_CODE in sent(request) and REFERENCE_CODE not in sent(request)
    assert "Time limit: 1 second per test. Memory limit: 256 MB." in sent(request)


async def test_few_shot_sends_three_worked_examples_as_earlier_turns(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(ANSWER)])
    (record,) = await run(config(problems_dir, model_provider, "few-shot"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=1)
    (request,) = model_server.requests
    turns = [m["role"] for m in request.body["messages"] if m["role"] != "system"]
    assert turns == ["user", "assistant"] * 3 + ["user"]
    for title in ("Longest Calm Stretch", "Tiling the Plaza", "The First Repeated Ticket"):
        assert title in sent(request)


async def test_with_correct_shows_the_reference_and_is_marked_oracle(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(ANSWER)])
    (record,) = await run(config(problems_dir, model_provider, "with-correct"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=1)
    assert record.oracle
    assert REFERENCE_CODE in sent(model_server.requests[0])


async def test_randsearch_stress_tests_the_generator_against_the_brute_force(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    answer = action(GENERATOR, "generate_tc") + "\n" + action(BRUTE, "solve_brute")
    model_server.script([Reply(answer)])
    (record,) = await run(config(problems_dir, model_provider, "randsearch"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=1)
    assert record.metrics["stress_inputs"] >= 1 and not record.oracle
    assert REFERENCE_CODE not in sent(model_server.requests[0])


async def test_randsearch_oracle_needs_only_a_generator_and_is_marked_oracle(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(action(GENERATOR, "generate_tc"))])
    (record,) = await run(config(problems_dir, model_provider, "randsearch-oracle"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=1)
    assert record.oracle and record.metrics["stress_inputs"] >= 1
    assert REFERENCE_CODE in sent(model_server.requests[0])


async def test_agentic_runs_code_gets_validator_feedback_and_submits(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script(
        [
            Reply(tool_calls=[Call("run_program", {"code": "print(-5 * -4)", "lang": "py"})]),
            Reply(tool_calls=[Call("submit_input", {"input": "1\n5\n"})]),
            Reply(tool_calls=[Call("submit", {"code": PRINT_FAILING, "lang": "Python 3"})]),
        ]
    )
    (record,) = await run(config(problems_dir, model_provider, "agentic"), tmp_path)
    assert_refuted_and_recorded(tmp_path, record, model_calls=3)
    assert record.input == FAILING_INPUT
    first, second, third = model_server.requests
    assert {t.get("name") or t["function"]["name"] for t in first.body["tools"]} == {
        "run_program",
        "run_incorrect",
        "submit",
        "submit_input",
    }
    assert "status: OK" in sent(second) and "20" in sent(second)
    assert "n: 1 is out of range [2, 200000]" in sent(third)
    assert "submissions left: 5" in sent(third)
    assert record.metrics | {"prompt_version": 0} == {
        "prompt_version": 0,
        "turns": 3,
        "program_runs": 1,
        "incorrect_runs": 0,
        "submissions": 2,
    }


async def test_agentic_shows_program_bytes_that_are_not_utf8_escaped(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    """The model is told of a 0xFF its program printed as ``\\xff``; the request, the
    response cache and the transcript do not fail on it."""
    prints_ff = (
        "import sys\nsys.stdout.buffer.write(b'ok \\xff')\nsys.stderr.buffer.write(b'\\xfe')"
    )
    model_server.script(
        [
            Reply(tool_calls=[Call("run_program", {"code": prints_ff, "lang": "py"})]),
            Reply(tool_calls=[Call("submit", {"code": PRINT_FAILING, "lang": "Python 3"})]),
        ]
    )
    (record,) = await run(config(problems_dir, model_provider, "agentic"), tmp_path)
    assert record.outcome is Outcome.JUDGED and record.refuted, record.message
    told = sent(model_server.requests[1])
    assert "ok \\\\xff" in told and "stderr:\\n\\\\xfe" in told
