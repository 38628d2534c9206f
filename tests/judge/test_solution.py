"""Judging solutions on the real sandbox: the verdicts a contest judge gives, and where."""

from __future__ import annotations

import pytest

from refute.judge import Judge, SolutionJudge, SolutionVerdict, solution_tests
from refute.problems import Task
from refute.sandbox import Language, Program, Sandbox

TASK = "charged-pair/two-largest"

CORRECT = """n = int(input())
a = sorted(map(int, input().split()))
print(max(a[0] * a[1], a[-1] * a[-2]))
"""

PYTHON = Language.parse("Python 3")
CPP = Language.parse("C++17")


@pytest.fixture
def solutions(sandbox: Sandbox, judge: Judge) -> SolutionJudge:
    return SolutionJudge(sandbox.untrusted, judge)


@pytest.fixture
def task(bundled: dict[str, Task]) -> Task:
    return bundled[TASK]


async def test_a_correct_solution_is_accepted_on_every_test(
    solutions: SolutionJudge, task: Task
) -> None:
    result = await solutions.judge(task, Program(source=CORRECT, language=PYTHON))
    assert result.verdict is SolutionVerdict.ACCEPTED, result.message
    assert result.accepted and result.failed_test is None
    assert result.passed == result.tests == len(solution_tests(task)) == 5


async def test_the_tasks_incorrect_code_fails_on_its_known_failing_input(
    solutions: SolutionJudge, task: Task
) -> None:
    result = await solutions.judge(task, task.submission.program)
    assert result.verdict is SolutionVerdict.WRONG_ANSWER
    assert result.failed_test == "failing input of two-largest"
    assert result.failed_input == task.submission.fail_input
    assert result.passed == 3  # the three examples
    assert "wrong answer" in result.message and not result.sandbox_failure


async def test_a_program_that_does_not_compile_is_a_compile_error_not_a_fault(
    solutions: SolutionJudge, task: Task
) -> None:
    broken = Program(source="int main() { return undeclared; }\n", language=CPP)
    result = await solutions.judge(task, broken)
    assert result.verdict is SolutionVerdict.COMPILE_ERROR
    assert "undeclared" in result.message
    assert not result.sandbox_failure and result.passed == 0


async def test_a_slow_solution_is_a_time_limit_on_the_first_test(
    solutions: SolutionJudge, task: Task
) -> None:
    result = await solutions.judge(task, Program(source="while True:\n    pass\n", language=PYTHON))
    assert result.verdict is SolutionVerdict.TIME_LIMIT
    assert result.failed_test == "example 1" and result.time_limit_ms == 2000


async def test_a_crash_is_a_runtime_error(solutions: SolutionJudge, task: Task) -> None:
    result = await solutions.judge(task, Program(source="raise SystemExit(3)\n", language=PYTHON))
    assert result.verdict is SolutionVerdict.RUNTIME_ERROR
    assert "exit code 3" in result.message


async def test_the_reference_runs_once_per_input(solutions: SolutionJudge, task: Task) -> None:
    program = Program(source=CORRECT, language=PYTHON)
    first = await solutions.judge(task, program)
    again = await solutions.judge(task, program)
    assert first.accepted and again.accepted
    assert len(solutions._answers) == 5  # one reference run per distinct test


def test_solutions_never_run_in_the_judge_pool(sandbox: Sandbox, judge: Judge) -> None:
    with pytest.raises(ValueError, match="untrusted"):
        SolutionJudge(sandbox.judge, judge)


def test_a_language_the_sandbox_cannot_run_is_a_compile_error(
    solutions: SolutionJudge, task: Task
) -> None:
    result = solutions.unknown_language(task, "solution: unknown language 'Cobol'")
    assert result.verdict is SolutionVerdict.COMPILE_ERROR and not result.sandbox_failure


async def test_generated_inputs_the_validator_accepts_are_judged_after_the_stored_tests(
    solutions: SolutionJudge, task: Task
) -> None:
    # Right everywhere except on one input that none of the stored tests holds.
    blind_spot = CORRECT.replace("print(", "print(0 if a == [3, 4] else ", 1)
    example = task.problem.examples[0].input
    generated = ["2\n3 4\n", "not an input\n", example, "2\n3 4\n"]
    result = await solutions.judge(task, Program(source=blind_spot, language=PYTHON), generated)
    assert result.verdict is SolutionVerdict.WRONG_ANSWER
    assert result.failed_test == "generated test 1" and result.failed_input == "2\n3 4\n"
    assert result.generated_tests == 1 and result.tests == 6 and result.passed == 5
    stored_only = await solutions.judge(task, Program(source=blind_spot, language=PYTHON))
    assert stored_only.accepted  # the stored tests alone miss it
