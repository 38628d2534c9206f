"""The judge's verdicts, on the real sandbox."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from refute.judge import Judge, JudgeConfig, Mode, Reason, RunRecord, Stage, Verdict
from refute.problems import Task
from refute.sandbox import Limits, Sandbox

from .aplusb import SUM, MakeTask

JudgeWith = Callable[..., Judge]
WRONG = "a, b = map(int, input().split())\nprint(a + b + (a == b))\n"
"""Wrong exactly when a == b."""


def incorrect_runs(runs: list[RunRecord]) -> int:
    return sum(run.stage is Stage.INCORRECT for run in runs)


# -- the verdicts on bundled tasks ---------------------------------------------------


async def test_known_failing_input_refutes_with_wrong_answer(
    judge: Judge, bundled: dict[str, Task]
) -> None:
    task = bundled["charged-pair/int-overflow"]
    result = await judge.judge(task, task.submission.fail_input)
    assert result.verdict is Verdict.REFUTED
    assert result.reason is Reason.WRONG_ANSWER
    assert result.message == (
        "run 1: wrong answer: token 1: expected '10000000000', found '1410065408'"
    )


async def test_example_input_is_not_refuted(judge: Judge, bundled: dict[str, Task]) -> None:
    task = bundled["matching-socks/shared-counter"]
    result = await judge.judge(task, task.problem.examples[0].input)
    assert result.verdict is Verdict.NOT_REFUTED
    assert result.reason is None


async def test_invalid_input_carries_the_validators_message(
    judge: Judge, bundled: dict[str, Task]
) -> None:
    result = await judge.judge(bundled["charged-pair/two-largest"], "3\n1 2\n")
    assert result.verdict is Verdict.INVALID_INPUT
    assert result.message == "line 2: expected 3 integer(s) (a), found 2"


async def test_invalid_input_runs_nothing_but_the_validator(
    judge: Judge, bundled: dict[str, Task]
) -> None:
    result = await judge.judge(bundled["charged-pair/two-largest"], "1\n5\n")
    assert [run.stage for run in result.runs] == [Stage.VALIDATOR]


async def test_custom_checker_decides_wrong_answers(judge: Judge, bundled: dict[str, Task]) -> None:
    task = bundled["ribbon-cut/last-cut"]
    result = await judge.judge(task, task.submission.fail_input)
    assert result.reason is Reason.WRONG_ANSWER
    assert (
        result.message == "run 1: wrong answer: cut 1 leaves a difference of 5, but 3 is possible"
    )
    assert Stage.CHECKER in [run.stage for run in result.runs]


async def test_custom_checker_accepts_any_optimal_answer(
    judge: Judge, bundled: dict[str, Task]
) -> None:
    problem = bundled["ribbon-cut/last-cut"].problem
    check, _ = await judge.check(problem, "3\n1 2 1\n", output="2\n", answer="1\n")
    assert check.accepted


# -- the gate, the reference, the runs ------------------------------------------------


async def test_validator_crash_makes_the_input_invalid(make_task: MakeTask, judge: Judge) -> None:
    task = make_task(WRONG, validator="raise ValueError('validator bug')\n")
    result = await judge.judge(task, "1 1\n")
    assert result.verdict is Verdict.INVALID_INPUT
    assert "ValueError: validator bug" in result.message


async def test_validator_time_out_makes_the_input_invalid(
    make_task: MakeTask, sandbox: Sandbox
) -> None:
    task = make_task(WRONG, validator="while True:\n    pass\n")
    judge = Judge(sandbox.judge, JudgeConfig(validator_limits=Limits(cpu_ms=300)))
    result = await judge.judge(task, "1 1\n")
    assert result.verdict is Verdict.INVALID_INPUT
    assert result.message.startswith("validator TIME_LIMIT")


async def test_reference_failure_is_a_judge_error(make_task: MakeTask, judge: Judge) -> None:
    task = make_task(WRONG, reference="import sys\nsys.exit(7)\n")
    result = await judge.judge(task, "1 1\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert result.message == "the reference solution failed: RUNTIME_ERROR (exit code 7)"
    assert incorrect_runs(result.runs) == 0


async def test_reference_over_the_time_limit_is_a_judge_error(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    task = make_task(SUM, reference="while True:\n    pass\n", time_limit_ms=100)
    result = await judge_with(runs=1).judge(task, "1 1\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert "reference solution failed: TIME_LIMIT" in result.message


async def test_crash_of_the_incorrect_submission_refutes_it(
    make_task: MakeTask, judge: Judge
) -> None:
    task = make_task("raise SystemExit(3)\n")
    result = await judge.judge(task, "1 1\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.RUNTIME_ERROR)
    assert result.message == "run 1: RUNTIME_ERROR (exit code 3)"


async def test_time_out_of_the_incorrect_submission_refutes_it(
    make_task: MakeTask, judge: Judge
) -> None:
    task = make_task("while True:\n    pass\n", time_limit_ms=100)
    result = await judge.judge(task, "1 1\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.TIME_LIMIT)


async def test_memory_out_of_the_incorrect_submission_refutes_it(
    make_task: MakeTask, judge: Judge
) -> None:
    task = make_task("blob = bytearray(200 << 20)\nprint(len(blob))\n", memory_limit_mb=64)
    result = await judge.judge(task, "1 1\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.MEMORY_LIMIT)


async def test_cpp_crash_is_a_runtime_error(make_task: MakeTask, judge: Judge) -> None:
    crash = '#include <cstdio>\nint main() { int *p = nullptr; std::printf("%d", *p); }\n'
    task = make_task(crash, incorrect_ext="cpp")
    result = await judge.judge(task, "1 1\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.RUNTIME_ERROR)
    assert "signal 11" in result.message


async def test_accepted_submission_is_run_the_configured_number_of_times(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    result = await judge_with(runs=3).judge(make_task(WRONG), "1 2\n")
    assert result.verdict is Verdict.NOT_REFUTED
    assert result.message == "the output was accepted on all 3 runs"
    assert incorrect_runs(result.runs) == 3


async def test_judging_stops_at_the_first_refuting_run(make_task: MakeTask, judge: Judge) -> None:
    result = await judge.judge(make_task(WRONG), "1 1\n")
    assert incorrect_runs(result.runs) == 1


async def test_repeated_runs_catch_a_nondeterministic_submission(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    # Wrong in half of its runs: 40 runs miss it with probability 2**-40.
    flaky = "import os\na, b = map(int, input().split())\nprint(a + b + os.urandom(1)[0] % 2)\n"
    result = await judge_with(runs=40).judge(make_task(flaky), "1 2\n")
    assert result.verdict is Verdict.REFUTED
    assert result.message.startswith("run ")


async def test_float_tolerance_from_problem_toml_is_applied(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    third = "a, b = map(int, input().split())\nprint('%.{}f' % ((a + b) / 3))\n"
    tolerant = "[checker]\nabs_tolerance = 1e-3\n"
    judge = judge_with(runs=1)
    close = make_task(third.format(4), reference=third.format(9), toml=tolerant)
    assert (await judge.judge(close, "1 0\n")).verdict is Verdict.NOT_REFUTED
    far = make_task(third.format(2), reference=third.format(9), toml=tolerant)
    assert (await judge.judge(far, "1 0\n")).verdict is Verdict.REFUTED


async def test_checker_crash_is_a_judge_error(make_task: MakeTask, judge: Judge) -> None:
    task = make_task(WRONG, checker="import sys\nopen(sys.argv[2]).read()\nraise KeyError('x')\n")
    result = await judge.judge(task, "1 1\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert result.message.startswith("checker failed: RUNTIME_ERROR (exit code 1)")


async def test_checker_sees_input_output_and_answer_files(
    make_task: MakeTask, judge: Judge
) -> None:
    checker = (
        "import sys\n"
        "i, o, a = (open(p).read().split() for p in sys.argv[1:4])\n"
        "sys.stderr.write('saw %s %s %s' % (i, o, a))\n"
        "sys.exit(0 if o == a else 1)\n"
    )
    result = await judge.judge(make_task(WRONG, checker=checker), "2 2\n")
    assert result.message == "run 1: wrong answer: saw ['2', '2'] ['5'] ['4']"


async def test_sandbox_failure_is_a_judge_error(make_task: MakeTask, judge: Judge) -> None:
    # The submission kills the executor that runs it; the pool replaces the container.
    killer = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    result = await judge.judge(make_task(killer), "1 1\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert result.message.startswith("sandbox failure: ")


# -- modes ------------------------------------------------------------------------


SLOW_BUT_RIGHT = (
    "import time\nend = time.process_time() + 0.6\n"
    "while time.process_time() < end:\n    pass\n" + SUM
)


async def test_strict_mode_uses_the_problem_limits_times_the_factor(
    make_task: MakeTask, judge: Judge
) -> None:
    result = await judge.judge(make_task(WRONG, time_limit_ms=1500, memory_limit_mb=128), "1 2\n")
    assert (result.mode, result.time_limit_ms, result.memory_limit_mb) == (Mode.STRICT, 3000, 128)


async def test_slow_submission_is_refuted_in_strict_mode(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    task = make_task(SLOW_BUT_RIGHT, time_limit_ms=100)
    result = await judge_with(runs=1).judge(task, "1 2\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.TIME_LIMIT)


async def test_slow_submission_is_not_refuted_in_refute_mode(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    task = make_task(SLOW_BUT_RIGHT, time_limit_ms=100)
    result = await judge_with(runs=1, mode="refute").judge(task, "1 2\n")
    assert (result.verdict, result.mode, result.time_limit_ms) == (
        Verdict.NOT_REFUTED,
        Mode.REFUTE,
        20_000,
    )


async def test_crash_counts_in_refute_mode(make_task: MakeTask, judge_with: JudgeWith) -> None:
    result = await judge_with(mode="refute").judge(make_task("raise SystemExit(1)\n"), "1 1\n")
    assert (result.verdict, result.reason) == (Verdict.REFUTED, Reason.RUNTIME_ERROR)


# -- the result record ---------------------------------------------------------------


async def test_result_keeps_a_capped_input_with_its_size_and_hash(
    make_task: MakeTask, judge_with: JudgeWith
) -> None:
    text = "1" + " " * 100 + "2\n"
    result = await judge_with(input_cap=10).judge(make_task(WRONG), text)
    assert result.input == text[:10]
    assert result.input_truncated
    assert result.input_bytes == len(text)
    assert result.input_sha256 == hashlib.sha256(text.encode()).hexdigest()


async def test_result_records_every_run_and_its_timings(make_task: MakeTask, judge: Judge) -> None:
    result = await judge.judge(make_task(WRONG), "1 1\n")
    assert [run.stage for run in result.runs] == [Stage.VALIDATOR, Stage.REFERENCE, Stage.INCORRECT]
    assert result.timings.validator_ms > 0
    assert result.timings.total_ms >= result.timings.incorrect_ms > 0


async def test_result_serialises_to_json(judge: Judge, bundled: dict[str, Task]) -> None:
    task = bundled["ribbon-cut/last-cut"]
    result = await judge.judge(task, task.submission.fail_input)
    data = result.model_dump(mode="json")
    assert (data["verdict"], data["reason"], data["mode"]) == ("REFUTED", "WRONG_ANSWER", "strict")
    assert result.model_validate_json(result.model_dump_json()) == result


def test_judge_refuses_a_pool_that_is_not_the_judge_pool(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="only in a judge pool"):
        Judge(sandbox.untrusted)


async def test_a_lost_sandbox_is_a_judge_error_marked_as_such(
    make_task: MakeTask, judge: Judge
) -> None:
    assassin = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    result = await judge.judge(make_task(SUM, validator=assassin), "1 2\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert result.sandbox_failure and result.message.startswith("sandbox failure")
    again = await judge.judge(make_task(SUM), "1 2\n")  # the pool replaced its container
    assert again.verdict is Verdict.NOT_REFUTED and not again.sandbox_failure
