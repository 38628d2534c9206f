"""The ``solve`` method: the model solves the problem, as a contestant would.

The other side of the falsification gap. The model sees what a contestant sees (the
statement, formats, examples, note and limits) and never the incorrect submission, the
reference or any failing input; it answers with a solution, which the runner judges on the
problem's tests and the task's known failing input (``refute.judge.SolutionJudge``).
"""

from __future__ import annotations

from typing import ClassVar

from ...models import Message
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Budget, Candidate, TaskView
from ..fuzz import InputGenerator, bounds_from_statement, infer_shape, make_plan
from ._common import ModelMethod, ask_for_program, finish
from ._prompts import problem_parts

SOLVE_ACTION = "solve"
"""The name of the action holding the solution in the model's answer."""

SOLVE_SYSTEM = (
    "You are a strong competitive programmer. You read a contest problem, find an "
    "algorithm that is correct on every valid input and fast enough for the largest one, "
    "and write it as a complete program."
)

_SOLVE_TASK = (
    "Write a program that solves this problem. It reads one input from standard input, "
    "in the format of the Input section, and writes the answer to standard output, in "
    "the format of the Output section, and nothing else: no prompts, no debugging lines. "
    "It will be judged on hidden tests: the examples above, the largest inputs the "
    "constraints allow, and the corner cases they permit (smallest sizes, equal values, "
    "extreme values, overflow of 32-bit integers). On each test it must finish within "
    "the time limit and stay within the memory limit given above."
)

_SOLVE_FORMAT = (
    "Reason first: the idea, why it is correct, and its running time on the largest "
    "input. Then end your answer with your program in one action, in exactly this "
    "format:\n\n"
    f"<action><name>{SOLVE_ACTION}</name><code>\n(your complete program)\n</code>"
    "<lang>C++17</lang></action>\n\n"
    "Put the raw source inside <code>, without a Markdown fence or escaping. Use C++17 "
    "(<lang>C++17</lang>) or Python 3 (<lang>Python 3</lang>); for heavy computation "
    "C++ is much faster."
)


def solve_messages(task: TaskView) -> list[Message]:
    """The conversation of ``solve``: the system prompt, then the problem and the request.

    Built from the contestant's part of the view only: the incorrect code, which the view
    holds, is never put in.

    >>> from refute.agents import TaskView
    >>> from refute.problems import load_problems
    >>> view = TaskView.of(load_problems().task("charged-pair/two-largest"))
    >>> text = solve_messages(view)[-1].content
    >>> view.incorrect_code.strip() in text, "<name>solve</name>" in text
    (False, True)
    """
    request = "\n\n".join([*problem_parts(task), "# Your task", _SOLVE_TASK, _SOLVE_FORMAT])
    return [Message.system(SOLVE_SYSTEM), Message.user(request)]


GENERATED_TESTS = 20
"""Random inputs a solution is judged on besides the stored tests (those valid)."""


def generated_tests(task: TaskView, seed: int, count: int = GENERATED_TESTS) -> list[str]:
    """``count`` random inputs for ``task``'s problem, from the fuzz baseline's generator
    (the shape of the examples, the bounds of the Input section), deterministic for
    ``seed``; none when no shape is learned from the examples. Not all need be valid:
    the judge keeps those the validator accepts.

    >>> from refute.agents import TaskView
    >>> from refute.problems import load_problems
    >>> view = TaskView.of(load_problems().task("charged-pair/two-largest"))
    >>> inputs = generated_tests(view, seed=1, count=3)
    >>> len(inputs), inputs == generated_tests(view, seed=1, count=3)
    (3, True)
    """
    examples = [example.input for example in task.examples]
    statement = f"{task.statement}\n{task.input_format}"
    shape = infer_shape(examples, "test case" in statement.lower())
    if shape is None:
        return []
    plan = make_plan(shape, bounds_from_statement(task.input_format))
    generate = InputGenerator(shape, plan, seed)
    return [generate() for _ in range(count)]


SOLVE_BUDGET = Budget(program_runs=0, incorrect_runs=0, validity_checks=0, stress_seconds=0)
"""No tools: one request, one program, as in the one-shot refuting methods."""


class Solve(ModelMethod):
    """Solve: the model writes a solution to the problem; the judge runs it on the tests.

    The measure of the other side of the falsification gap: can the model that fails to
    refute a wrong submission solve the problem itself? It sees the statement, formats,
    examples, note and limits (never the incorrect code) and answers with a complete
    program in a ``<action><name>solve</name>...`` block (or a fenced block). The program
    runs in the untrusted pool on the problem's tests and the task's known failing input,
    checked against the reference: ``ACCEPTED``, ``WRONG_ANSWER``, ``TIME_LIMIT``,
    ``MEMORY_LIMIT``, ``RUNTIME_ERROR``, ``OUTPUT_LIMIT`` or ``COMPILE_ERROR``, with the
    first failing test. An accepted solution is the attempt's success, so the run's
    summary and pass@k count solved tasks; ``refute compare --gap`` sets them against a
    refuting run of the same model.

    Example::

        refute run --agent solve --model openai/gpt-4o --attempts 5 --out runs/solve
        refute compare --gap runs/solve runs/zero-shot
    """

    name: ClassVar[str] = "solve"
    budget: ClassVar[Budget] = SOLVE_BUDGET

    async def attempt_with(self, model: MeteredModel, task: TaskView, tools: Toolbox) -> Candidate:
        program = await ask_for_program(model, solve_messages(task), SOLVE_ACTION)
        return finish(failure=program) if isinstance(program, str) else finish(solution=program)
