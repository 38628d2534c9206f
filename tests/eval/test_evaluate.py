"""Evaluating predictions on the real sandbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from refute.eval import (
    Attempt,
    AttemptStage,
    AttemptVerdict,
    EvalConfig,
    Evaluator,
    Method,
    Prediction,
    PredictionResult,
)
from refute.judge import JudgeConfig, Mode, Reason, Verdict
from refute.problems import ProblemSet, Task
from refute.sandbox import Sandbox, StressOutcome

from .programs import (
    BRUTE_CHARGED_PAIR,
    RANDOM_PAIR_OF_CHARGES,
    RANDOM_RIBBON,
    attempt,
    printing,
)


def prediction(problem_id: str, method: str, *attempts: dict[str, Any]) -> Prediction:
    return Prediction.model_validate(
        {"problem_id": problem_id, "method": method, "attempts": list(attempts)}
    )


async def one(
    evaluator: Evaluator, task: Task, method: str, item: dict[str, Any]
) -> AttemptVerdict:
    return await evaluator.attempt(task, Method(method), Attempt.model_validate(item))


# -- standard ----------------------------------------------------------------------


async def test_generator_printing_the_known_failing_input_succeeds_on_every_task(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    tasks = problems.tasks()
    predictions = [
        prediction(t.id, "standard", attempt(printing(t.submission.fail_input))) for t in tasks
    ]
    results = await evaluator.evaluate(predictions, tasks)
    assert [(r.task_id, [v.success for v in r.verdicts]) for r in results] == [
        (task.id, [True]) for task in tasks
    ]
    assert all(r.verdicts[0].verdict is Verdict.REFUTED for r in results)


async def test_generator_printing_the_first_example_fails_on_every_task(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    tasks = problems.tasks()
    predictions = [
        prediction(t.id, "standard", attempt(printing(t.problem.examples[0].input))) for t in tasks
    ]
    results = await evaluator.evaluate(predictions, tasks)
    assert [[v.success for v in r.verdicts] for r in results] == [[False]] * len(tasks)
    assert all(r.verdicts[0].verdict is Verdict.NOT_REFUTED for r in results)


async def test_verdict_carries_refute_fields_and_the_judged_input(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    task = problems.task("ribbon-cut")
    verdict = await one(evaluator, task, "standard", attempt(printing("3\n1 1 5\n")))
    assert verdict.success
    assert verdict.info == (
        "REFUTED (WRONG_ANSWER): run 1: wrong answer: cut 1 leaves a "
        "difference of 5, but 3 is possible"
    )
    assert (verdict.stage, verdict.reason, verdict.task_id) == (
        AttemptStage.JUDGE,
        Reason.WRONG_ANSWER,
        "ribbon-cut/last-cut",
    )
    assert verdict.input == "3\n1 1 5\n"
    assert verdict.timings.generate_ms > 0 and verdict.timings.judge_ms > 0


async def test_cpp_generator_is_compiled_and_run(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    code = '#include <cstdio>\nint main() { std::printf("2\\n1\\n5\\n1\\n5\\n"); }\n'
    verdict = await one(
        evaluator,
        problems.task("matching-socks"),
        "standard",
        attempt({"code": code, "lang": "GNU C++17"}),
    )
    assert verdict.success


async def test_invalid_generated_input_is_not_a_success(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator, problems.task("ribbon-cut"), "standard", attempt(printing("3\n0 1 5\n"))
    )
    assert not verdict.success
    assert verdict.verdict is Verdict.INVALID_INPUT
    assert verdict.info == "INVALID_INPUT: line 2: a: 0 is out of range [1, 1000000000]"


async def test_crashing_generator_ends_the_attempt_before_the_judge(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator,
        problems.task("ribbon-cut"),
        "standard",
        attempt({"code": "raise RuntimeError('no idea')", "lang": "py"}),
    )
    assert (verdict.success, verdict.stage, verdict.verdict) == (False, AttemptStage.GENERATE, None)
    assert verdict.info.startswith("generate_inp failed: RUNTIME_ERROR (exit code 1): Traceback")
    assert "RuntimeError: no idea" in verdict.info


async def test_generator_that_does_not_compile_is_reported(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator,
        problems.task("ribbon-cut"),
        "standard",
        attempt({"code": "int main( {", "lang": "cpp"}),
    )
    assert verdict.stage is AttemptStage.GENERATE
    assert verdict.info.startswith("generate_inp does not compile: ")


async def test_generator_runs_in_the_untrusted_pool(
    evaluator: Evaluator, problems: ProblemSet, sandbox: Sandbox
) -> None:
    hostname = {"code": "import socket\nprint(socket.gethostname())", "lang": "py"}
    verdict = await one(evaluator, problems.task("ribbon-cut"), "standard", attempt(hostname))
    assert verdict.input is not None
    host = verdict.input.strip()
    assert any(cid.startswith(host) for cid in sandbox.untrusted.container_ids())
    assert not any(cid.startswith(host) for cid in sandbox.judge.container_ids())


# -- randsearch --------------------------------------------------------------------


async def test_randsearch_finds_a_counterexample_with_the_models_brute_force(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator,
        problems.task("charged-pair/two-largest"),
        "randsearch",
        attempt(RANDOM_PAIR_OF_CHARGES, BRUTE_CHARGED_PAIR),
    )
    assert verdict.success
    assert verdict.search is not None and verdict.search.outcome is StressOutcome.FOUND
    assert verdict.input is not None and verdict.search.seed is not None


async def test_randsearch_oracle_searches_against_the_reference(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator, problems.task("ribbon-cut"), "randsearch_oracle", attempt(RANDOM_RIBBON)
    )
    assert verdict.success
    assert verdict.verdict is Verdict.REFUTED


async def test_search_that_finds_nothing_is_not_a_success(
    sandbox: Sandbox, problems: ProblemSet
) -> None:
    evaluator = Evaluator(sandbox, EvalConfig(search_seconds=0.5))
    examples_only = printing(problems.task("ribbon-cut").problem.examples[0].input)
    verdict = await one(
        evaluator, problems.task("ribbon-cut"), "randsearch_oracle", attempt(examples_only)
    )
    assert (verdict.success, verdict.stage) == (False, AttemptStage.SEARCH)
    assert verdict.search is not None and verdict.search.outcome is StressOutcome.NOT_FOUND
    assert verdict.info.startswith("the search found no differing input in ")


async def test_difference_from_a_wrong_brute_force_is_judged_not_refuted(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    # The incorrect submission is right on this input; the brute force is not.
    wrong_brute = {"code": "print(0)", "lang": "py"}
    verdict = await one(
        evaluator,
        problems.task("charged-pair/two-largest"),
        "randsearch",
        attempt(printing("2\n3 4\n"), wrong_brute),
    )
    assert verdict.search is not None and verdict.search.outcome is StressOutcome.FOUND
    assert (verdict.success, verdict.verdict) == (False, Verdict.NOT_REFUTED)


async def test_failing_search_generator_is_reported(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    verdict = await one(
        evaluator,
        problems.task("ribbon-cut"),
        "randsearch_oracle",
        attempt({"code": "import sys\nsys.exit(4)", "lang": "py"}),
    )
    assert verdict.stage is AttemptStage.SEARCH
    assert verdict.info == "generate_inp failed on seed 1: RUNTIME_ERROR (exit code 4)"


# -- many attempts -------------------------------------------------------------------


class CrashingEvaluator(Evaluator):
    """Crashes on attempts whose generator says "crash": a stand-in for an evaluator bug."""

    async def _standard(self, task: Task, attempt: Attempt, timings: Any) -> AttemptVerdict:
        if attempt.generate_inp.code == "crash":
            raise RuntimeError("evaluator bug")
        return await super()._standard(task, attempt, timings)


async def test_a_crashing_attempt_is_a_judge_error_and_the_others_are_judged(
    sandbox: Sandbox, problems: ProblemSet
) -> None:
    evaluator = CrashingEvaluator(sandbox, EvalConfig(judge=JudgeConfig(runs=1)))
    task = problems.task("ribbon-cut")
    predictions = [
        prediction(
            "ribbon-cut",
            "standard",
            attempt(printing("3\n1 1 5\n")),
            attempt({"code": "crash", "lang": "py"}),
            attempt(printing("3\n1 1 5\n")),
        )
    ]
    (result,) = await evaluator.evaluate(predictions, [task])
    assert [v.success for v in result.verdicts] == [True, False, True]
    crashed = result.verdicts[1]
    assert crashed.verdict is Verdict.JUDGE_ERROR
    assert crashed.info == "JUDGE_ERROR: evaluation crashed: RuntimeError: evaluator bug"


async def test_results_file_is_written_in_refute_format_in_input_order(
    evaluator: Evaluator, problems: ProblemSet, tmp_path: Path
) -> None:
    socks, ribbon = problems.task("matching-socks"), problems.task("ribbon-cut")
    predictions = [
        prediction("ribbon-cut", "standard", attempt(printing("2\n1 1\n"))),
        prediction(
            "matching-socks",
            "standard",
            attempt(printing("2\n1\n5\n1\n5\n")),
            attempt(printing("1\n1\n5\n")),
        ),
    ]
    out = tmp_path / "results.json"
    results = await evaluator.evaluate(predictions, [ribbon, socks], out=out)
    written = json.loads(out.read_text())
    assert [(r["problem_id"], [v["success"] for v in r["verdicts"]]) for r in written] == [
        ("ribbon-cut", [False]),
        ("matching-socks", [True, False]),
    ]
    assert {"success", "info", "verdict", "reason", "input", "timings", "mode"} <= set(
        written[1]["verdicts"][0]
    )
    assert [PredictionResult.model_validate(r) for r in written] == results


async def test_each_finished_prediction_is_reported_as_it_finishes(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    seen: list[tuple[int, int]] = []
    predictions = [
        prediction(
            "ribbon-cut", "standard", attempt(printing("2\n1 1\n")), attempt(printing("2\n1 2\n"))
        )
    ]
    await evaluator.evaluate(
        predictions,
        [problems.task("ribbon-cut")],
        on_attempt=lambda i, j, verdict: seen.append((i, j)),
    )
    assert sorted(seen) == [(0, 0), (0, 1)]


async def test_prediction_without_attempts_gets_no_verdicts(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    (result,) = await evaluator.evaluate(
        [prediction("ribbon-cut", "standard")], [problems.task("ribbon-cut")]
    )
    assert result.verdicts == []


async def test_refute_mode_is_recorded_with_each_verdict(
    sandbox: Sandbox, problems: ProblemSet
) -> None:
    evaluator = Evaluator(sandbox, EvalConfig(judge=JudgeConfig(mode=Mode.REFUTE, runs=1)))
    verdict = await one(
        evaluator, problems.task("ribbon-cut"), "standard", attempt(printing("3\n1 1 5\n"))
    )
    assert verdict.mode is Mode.REFUTE


async def test_evaluate_needs_one_task_per_prediction(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="one task per prediction"):
        await Evaluator(sandbox).evaluate([prediction("ribbon-cut", "standard")], [])


async def test_a_generators_error_bytes_that_are_not_utf8_are_reported_escaped(
    evaluator: Evaluator, problems: ProblemSet
) -> None:
    code = "import sys\nsys.stderr.buffer.write(b'bad \\xff')\nsys.exit(2)\n"
    verdict = await one(
        evaluator, problems.task("ribbon-cut"), "standard", attempt({"code": code, "lang": "py"})
    )
    assert verdict.info == "generate_inp failed: RUNTIME_ERROR (exit code 2): bad \\xff"
    json.dumps(verdict.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
