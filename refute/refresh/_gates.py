"""The gates a refreshed task passes, in our own judge: the reference reproduces the jury,
the incorrect submission passes the examples, a hack test refutes it, and the fuzz
baseline does not find a counterexample within a fixed budget.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..agents import TaskView, Toolbox
from ..agents.fuzz import FuzzAgent
from ..judge import Judge
from ..problems import Problem, Task
from ..runner import attempt_seed
from ..sandbox import Program, Sandbox
from ._package import FuzzResult
from ._ranking import HackTest


async def reference_failures(
    judge: Judge, problem: Problem, program: Program, tests: Sequence[HackTest]
) -> list[str]:
    """Why ``program`` is not a faithful reference: examples and jury answers it misses.

    Every example's expected output and every hack test's jury answer must be
    reproduced (by the problem's checker settings; a truncated jury answer is compared on
    its complete tokens only).
    """
    failures: list[str] = []
    cases = [(f"example {e.name}", e.input, e.answer, False) for e in problem.examples]
    cases += [
        (f"hack {t.hack_id}", t.input, t.answer, t.answer_truncated)
        for t in tests
        if t.answer is not None
    ]
    for label, text, answer, truncated in cases:
        run = await judge.run(problem, program, text)
        if not run.ok:
            failures.append(f"{label}: {run.describe()}")
            continue
        if truncated:
            found, wanted = run.stdout.split(), answer.split()
            if found[: len(wanted)] != wanted:
                failures.append(f"{label}: the output does not start with the jury's answer")
            continue
        check, _ = await judge.check(problem, text, run.stdout, answer)
        if not check.accepted:
            failures.append(f"{label}: {check.message}")
    return failures


async def example_failure(judge: Judge, task: Task) -> str | None:
    """Why the incorrect submission fails an example (it would be trivially refutable)."""
    problem = task.problem
    for example in problem.examples:
        run = await judge.run(problem, task.submission.program, example.input)
        if not run.ok:
            return f"fails example {example.name}: {run.describe()}"
        check, _ = await judge.check(problem, example.input, run.stdout, example.answer)
        if not check.accepted:
            return f"fails example {example.name}: {check.message}"
    return None


async def refuting_test(
    judge: Judge, task: Task, tests: Sequence[HackTest]
) -> tuple[HackTest | None, list[str]]:
    """The first hack test (in the given order) on which the judge refutes the task's
    submission, and what the others gave."""
    seen: list[str] = []
    for test in tests:
        result = await judge.judge(task, test.input)
        if result.refuted:
            return test, seen
        seen.append(f"hack {test.hack_id}: {result.verdict}")
    return None, seen


async def fuzz_gate(
    sandbox: Sandbox, judge: Judge, task: Task, *, seconds: float, seed: int
) -> FuzzResult:
    """Run the ``fuzz`` baseline on ``task`` for ``seconds``, as one attempt of
    ``refute run --agent fuzz`` would (same toolbox, budget and seed derivation), and
    judge what it found.

    >>> result = await fuzz_gate(sandbox, judge, task, seconds=10, seed=0)  # doctest: +SKIP
    >>> result.found                                                         # doctest: +SKIP
    False
    """
    agent = FuzzAgent(seconds=seconds)
    attempt = attempt_seed(seed, task.id, 0)
    tools = Toolbox(sandbox, judge, task, FuzzAgent.budget, seed=attempt)
    candidate = await agent.attempt(TaskView.of(task), tools)
    found = False
    if candidate.input is not None:
        found = (await judge.judge(task, candidate.input)).refuted
    return FuzzResult(
        found=found,
        inputs=int(candidate.metrics.get("inputs", 0)),
        valid_rate=float(candidate.metrics.get("valid_rate", 0.0)),
        seconds=seconds,
        seed=attempt,
        input=candidate.input[:2000] if found and candidate.input is not None else None,
    )
