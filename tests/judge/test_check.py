"""``check_task``: is a task sound? Every bundled task must be."""

from __future__ import annotations

import pytest

from refute.judge import Judge, Verdict, check_task
from refute.problems import Task, load_problems

from .aplusb import SUM, MakeTask

WRONG_ON_EQUAL = "a, b = map(int, input().split())\nprint(a + b + (a == b))\n"


@pytest.mark.parametrize("task_id", [task.id for task in load_problems().tasks()])
async def test_bundled_task_is_sound(judge: Judge, bundled: dict[str, Task], task_id: str) -> None:
    report = await check_task(judge, bundled[task_id])
    assert report.reasons == []
    assert report.ok


async def test_sound_task_reports_every_check(make_task: MakeTask, judge: Judge) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL))
    assert report.ok
    assert [item.name for item in report.checks] == [
        "validator accepts example 1",
        "reference passes example 1",
        "incorrect submission passes example 1",
        "validator accepts the failing input",
        "the failing input refutes the incorrect submission",
    ]
    assert report.judged is not None and report.judged.verdict is Verdict.REFUTED


async def test_submission_failing_an_example_is_trivially_refutable(
    make_task: MakeTask, judge: Judge
) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, examples=(("2 2\n", "4\n"),)))
    assert not report.ok
    assert report.reasons == [
        "incorrect submission passes example 1: no: trivially refutable: "
        "token 1: expected '4', found '5'"
    ]


async def test_failing_input_that_does_not_refute_is_reported(
    make_task: MakeTask, judge: Judge
) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, fail_input="1 2\n"))
    assert report.reasons == [
        "the failing input refutes the incorrect submission: no: "
        "NOT_REFUTED: the output was accepted on all 5 runs"
    ]


async def test_invalid_failing_input_is_reported(make_task: MakeTask, judge: Judge) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, fail_input="1 1 1\n"))
    assert "validator accepts the failing input: no: expected two integers, found 3 tokens" in (
        report.reasons
    )


async def test_example_rejected_by_the_validator_is_reported(
    make_task: MakeTask, judge: Judge
) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, examples=(("1 x\n", "1\n"),)))
    assert report.reasons[0].startswith("validator accepts example 1: no: not an integer")


async def test_reference_failing_an_example_is_reported(make_task: MakeTask, judge: Judge) -> None:
    report = await check_task(judge, make_task(SUM, examples=(("1 2\n", "4\n"),)))
    assert "reference passes example 1: no: token 1: expected '4', found '3'" in report.reasons


async def test_invalid_inputs_the_validator_rejects_pass(make_task: MakeTask, judge: Judge) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, invalid=("1\n", "1 2 3\n")))
    assert report.ok, report.reasons
    assert sum(item.name.startswith("validator rejects invalid/") for item in report.checks) == 2


async def test_invalid_input_the_validator_accepts_is_reported(
    make_task: MakeTask, judge: Judge
) -> None:
    report = await check_task(judge, make_task(WRONG_ON_EQUAL, invalid=("5 6\n",)))
    assert report.reasons == ["validator rejects invalid/1.in: no: accepted it"]


async def test_crlf_in_an_invalid_input_reaches_the_validator(
    make_task: MakeTask, judge: Judge
) -> None:
    no_cr = (
        "import sys\nsys.exit('a carriage return' if b'\\r' in sys.stdin.buffer.read() else 0)\n"
    )
    task = make_task(WRONG_ON_EQUAL, validator=no_cr, invalid=("1 2\r\n",))
    assert task.problem.invalid_inputs[0].input == "1 2\r\n"
    report = await check_task(judge, task)
    assert report.ok, report.reasons
