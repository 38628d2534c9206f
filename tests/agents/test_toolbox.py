"""The toolbox: each tool runs where it must, and every call is counted and budgeted."""

from __future__ import annotations

import pytest

from refute.agents import Budget, BudgetExceeded, ProgramSource, Toolbox
from refute.judge import Judge
from refute.problems import Task, load_problems
from refute.sandbox import RunStatus, Sandbox, StressOutcome


@pytest.fixture(scope="module")
def task() -> Task:
    return load_problems().task("charged-pair/two-largest")


def toolbox(sandbox: Sandbox, task: Task, oracle: bool = False, **budget: float) -> Toolbox:
    return Toolbox(
        sandbox, Judge(sandbox.judge), task, Budget.model_validate(budget), oracle=oracle, seed=1
    )


async def test_run_program_runs_in_the_untrusted_pool(sandbox: Sandbox, task: Task) -> None:
    tools = toolbox(sandbox, task)
    probe = ProgramSource(code="import os\nprint(sorted(os.listdir('/work/store')))")
    result = await tools.run_program(probe)
    assert result.status is RunStatus.OK
    assert task.problem.reference_path.stem not in result.stdout
    assert tools.usage.program_runs == 1 and tools.calls[0].tool == "run_program"


async def test_run_incorrect_shows_the_submissions_output(sandbox: Sandbox, task: Task) -> None:
    result = await toolbox(sandbox, task).run_incorrect("3\n-5 -4 1\n")
    assert result.status is RunStatus.OK and result.stdout == "-4\n"  # 20 is right


async def test_validate_returns_the_validators_message(sandbox: Sandbox, task: Task) -> None:
    tools = toolbox(sandbox, task)
    assert (await tools.validate("3\n-5 -4 1\n")).valid
    feedback = await tools.validate("1\n5\n")
    assert not feedback.valid and feedback.message


async def test_calls_beyond_the_budget_are_refused(sandbox: Sandbox, task: Task) -> None:
    tools = toolbox(sandbox, task, validity_checks=1)
    await tools.validate("3\n1 2 3\n")
    with pytest.raises(BudgetExceeded, match="validity checks"):
        await tools.validate("3\n1 2 3\n")


async def test_stress_against_the_reference_is_for_oracles_only(
    sandbox: Sandbox, task: Task
) -> None:
    generator = ProgramSource(code="print(3)\nprint(-5, -4, 1)\n")
    with pytest.raises(BudgetExceeded, match="oracle"):
        await toolbox(sandbox, task, stress_seconds=5).stress(generator)
    result = await toolbox(sandbox, task, oracle=True, stress_seconds=10).stress(generator)
    assert result.outcome is StressOutcome.FOUND and result.input == "3\n-5 -4 1\n"


async def test_stress_with_a_brute_force_finds_the_difference(sandbox: Sandbox, task: Task) -> None:
    generator = ProgramSource(code="import sys\nprint(3)\nprint(-5, -4, int(sys.argv[1]) % 3)\n")
    brute = ProgramSource(
        code="n = int(input())\na = list(map(int, input().split()))\n"
        "print(max(a[i] * a[j] for i in range(n) for j in range(i + 1, n)))\n"
    )
    result = await toolbox(sandbox, task, stress_seconds=20).stress(generator, brute)
    assert result.outcome is StressOutcome.FOUND


async def test_search_is_an_oracle_budget(sandbox: Sandbox, task: Task) -> None:
    with pytest.raises(BudgetExceeded, match="oracle inputs"):
        await toolbox(sandbox, task).search(["3\n-5 -4 1\n"])
    tools = toolbox(sandbox, task, oracle_inputs=10)
    result = await tools.search(["3\n1 2 3\n", "2\n1\n", "3\n-5 -4 1\n"])
    assert (result.outcome, result.input, result.invalid) == (
        StressOutcome.FOUND,
        "3\n-5 -4 1\n",
        1,
    )
