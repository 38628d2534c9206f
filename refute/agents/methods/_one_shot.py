"""REFUTE's one-shot methods: one request, one program that prints the failing input."""

from __future__ import annotations

from typing import ClassVar

from ...models import Message
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Budget, Candidate, TaskView
from ._common import ModelMethod, ask_for_program, finish
from ._examples import worked_examples
from ._prompts import one_shot_messages

ONE_SHOT_BUDGET = Budget(program_runs=0, incorrect_runs=0, validity_checks=0, stress_seconds=0)
"""No tools at all: the model answers from the problem and the code alone."""


class _OneShot(ModelMethod):
    budget: ClassVar[Budget] = ONE_SHOT_BUDGET

    def messages(self, task: TaskView) -> list[Message]:
        return one_shot_messages(task)

    async def attempt_with(self, model: MeteredModel, task: TaskView, tools: Toolbox) -> Candidate:
        program = await ask_for_program(model, self.messages(task), "print_fail_case")
        return finish(failure=program) if isinstance(program, str) else finish(generator=program)


class ZeroShot(_OneShot):
    """Zero-shot: one request, answered with a program that prints the failing input.

    REFUTE's zero-shot prompting. The model sees the statement, formats, examples, limits,
    note and the incorrect submission, and answers with a program that prints the failing
    input in an ``<action><name>print_fail_case</name>...`` block (or a fenced block). No
    tools; the program is run in the untrusted pool and its output judged. An answer
    without a usable program ends the attempt as ``no_candidate``.

    Example::

        refute run --agent zero-shot --model openai/gpt-4o --problems charged-pair
    """

    name: ClassVar[str] = "zero-shot"


class FewShot(_OneShot):
    """Few-shot: zero-shot after three worked examples (problem, bug, reasoning, answer).

    REFUTE's few-shot prompting, with worked examples written for refute (in
    ``refute/agents/methods/examples/``): a wrong answer at the end of an array, a 32-bit
    overflow and a quadratic time-out. They come as earlier turns of the conversation,
    each a user request in the zero-shot format and the assistant's reasoned answer.

    Example::

        refute run --agent few-shot --model anthropic/claude-sonnet-4-5
    """

    name: ClassVar[str] = "few-shot"

    def messages(self, task: TaskView) -> list[Message]:
        worked = [(example.view(), example.answer_text()) for example in worked_examples()]
        return one_shot_messages(task, worked)


class WithCorrect(_OneShot):
    """Zero-shot with the correct solution shown (an oracle method).

    REFUTE's "with correct code" setting: the request also holds the problem's reference
    solution, so the model can look for where the two programs part ways. Results are
    marked ``oracle``.

    Example::

        refute run --agent with-correct --model openai/o3-mini
    """

    name: ClassVar[str] = "with-correct"
    oracle: ClassVar[bool] = True
