"""The agent interface: one async method from a task view and a toolbox to a candidate."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from ._toolbox import Toolbox
from ._types import Budget, Candidate, TaskView


@runtime_checkable
class Agent(Protocol):
    """Something that tries to refute an incorrect submission.

    ``attempt`` is called once per attempt with a fresh toolbox; it returns a
    ``Candidate`` (an input, or a program printing it) that the runner then judges.
    Agents keep no state between attempts: the runner may run attempts concurrently,
    in any order, or on other machines.

    Class attributes:
        name: the name users select it by (``--agent NAME``).
        oracle: the agent is shown the reference solution; results are marked so.
        needs_model: the agent needs ``--model``.
        budget: the toolbox budget its attempts get.

    Example: a complete custom agent that submits the largest example input::

        from refute.agents import Budget, Candidate, TaskView, Toolbox

        class LargestExample:
            name = "largest-example"
            oracle = False
            needs_model = False
            budget = Budget()

            def __init__(self, model=None, **options):
                self.model = model

            async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
                largest = max(task.examples, key=lambda example: len(example.input))
                feedback = await tools.validate(largest.input)
                if not feedback.valid:
                    return Candidate(failure=feedback.message)
                return Candidate(input=largest.input)

    Run it with ``refute run --agent mypackage.agents:LargestExample``.
    """

    name: ClassVar[str]
    oracle: ClassVar[bool]
    needs_model: ClassVar[bool]
    budget: ClassVar[Budget]

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        """Try once to refute ``task``'s incorrect submission."""
        ...
