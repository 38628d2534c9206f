"""The solve method end to end: scripted model (OpenAI and Anthropic SDKs), real sandbox,
the solution judge, and the run's records and summary."""

from __future__ import annotations

import json
from pathlib import Path

from refute.agents.methods import PROMPT_VERSION
from refute.judge import SolutionVerdict
from refute.problems import load_problems
from refute.runner import FaultOf, Outcome, run_benchmark
from refute.testing import ModelServer, Reply

from .runs import TASK, action, config, run, sent, transcript

CORRECT = """n = int(input())
a = sorted(map(int, input().split()))
print(max(a[0] * a[1], a[-1] * a[-2]))
"""


def solve_answer(code: str, lang: str = "Python 3") -> str:
    return "Sort, then the best of the two ends.\n\n" + action(code, "solve", lang)


async def test_a_reply_holding_a_correct_solution_is_accepted(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(solve_answer(CORRECT))])
    (record,) = await run(config(problems_dir, model_provider, "solve"), tmp_path)
    assert record.outcome is Outcome.JUDGED and record.refuted, record.message
    assert record.solution_verdict is SolutionVerdict.ACCEPTED and record.fault is None
    assert record.metrics["prompt_version"] == PROMPT_VERSION and record.model_calls == 1
    log = transcript(tmp_path, record)
    assert log["candidate"]["solution"]["code"] == CORRECT
    judged = log["judge"]
    assert judged["verdict"] == "ACCEPTED" and 0 < judged["generated_tests"] <= 20
    assert judged["passed"] == judged["tests"] == 5 + judged["generated_tests"]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["refuted"] == 1 and summary["by_verdict"] == {"ACCEPTED": 1}


async def test_the_model_sees_the_problem_but_never_the_incorrect_code(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(solve_answer(CORRECT))])
    await run(config(problems_dir, model_provider, "solve"), tmp_path)
    (request,) = model_server.requests
    task = load_problems(problems_dir).task(TASK)
    text = sent(request)
    assert task.problem.name in text and "Time limit: 1 second per test." in text
    assert "charges[-1] * charges[-2]" not in text  # the incorrect submission's code
    assert "-5 -4 1" not in text  # its known failing input
    assert "The best product uses either" not in text  # the reference


async def test_a_reply_holding_the_tasks_incorrect_code_fails_on_its_failing_input(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    incorrect = load_problems(problems_dir).task(TASK).submission.program.source
    model_server.script([Reply(solve_answer(incorrect))])
    (record,) = await run(config(problems_dir, model_provider, "solve"), tmp_path)
    assert record.outcome is Outcome.JUDGED and not record.refuted
    assert record.solution_verdict is SolutionVerdict.WRONG_ANSWER
    assert record.failed_test == "failing input of two-largest"
    assert record.fault is FaultOf.AGENT


async def test_a_reply_that_does_not_compile_is_a_compile_error_never_infrastructure(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    broken = '#include <cstdio>\nint main() { printf("%d\\n", missing); }\n'
    model_server.script([Reply(solve_answer(broken, "C++17"))])
    (record,) = await run(config(problems_dir, model_provider, "solve"), tmp_path)
    assert record.outcome is Outcome.JUDGED and not record.refuted
    assert record.solution_verdict is SolutionVerdict.COMPILE_ERROR
    assert record.fault is FaultOf.AGENT and "missing" in record.message
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["infra_errors"] == 0 and summary["attempts"] == 1


async def test_an_answer_without_a_program_is_no_candidate(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply("I would sort the array.")])
    (record,) = await run(config(problems_dir, model_provider, "solve"), tmp_path)
    assert record.outcome is Outcome.NO_CANDIDATE
    assert record.message.startswith("unparseable answer: no <action> named 'solve'")


async def test_attempts_give_solve_pass_at_k_and_resume_redoes_nothing(
    model_server: ModelServer, model_provider: str, problems_dir: Path, tmp_path: Path
) -> None:
    model_server.script([Reply(solve_answer(CORRECT)), Reply("no idea")])
    run_config = config(problems_dir, model_provider, "solve", attempts=2, model_concurrency=1)
    summary = await run_benchmark(run_config, tmp_path)
    assert summary.refuted == 1 and summary.pass_at_k["1"].value == 0.5
    calls = len(model_server.requests)
    again = await run_benchmark(run_config, tmp_path, resume=True)
    assert len(model_server.requests) == calls and again.pass_at_k == summary.pass_at_k
