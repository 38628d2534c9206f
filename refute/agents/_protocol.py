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

    How the runner builds an agent: once per run, by calling the class with the
    ``--agent-option NAME=VALUE`` pairs as keyword arguments (values parsed as JSON when
    they parse, else strings); nothing else is passed. The run's model, when there is one
    (``--model``), reaches each attempt as ``tools.model``.

    Example: a complete custom agent that submits the largest example input:

    >>> from refute import Agent, Budget, Candidate, TaskView, Toolbox
    >>> class LargestExample:
    ...     name = "largest-example"
    ...     oracle = False
    ...     needs_model = False
    ...     budget = Budget(validity_checks=1)
    ...
    ...     def __init__(self, shortest: bool = False):  # --agent-option shortest=true
    ...         self.shortest = shortest
    ...
    ...     async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
    ...         pick = min if self.shortest else max
    ...         chosen = pick(task.examples, key=lambda example: len(example.input))
    ...         feedback = await tools.validate(chosen.input)
    ...         if not feedback.valid:
    ...             return Candidate(failure=feedback.message)
    ...         return Candidate(input=chosen.input)
    >>> agent = LargestExample(**{"shortest": True})  # as the runner does
    >>> isinstance(agent, Agent)
    True

    Its attempt on a bundled task, with a stand-in for the toolbox's validator (the
    runner passes a real ``Toolbox``, judged in the sandbox):

    >>> import asyncio
    >>> from refute import Validity, load_problems
    >>> class AcceptAll:
    ...     async def validate(self, text: str) -> Validity:
    ...         return Validity(valid=True)
    >>> view = TaskView.of(load_problems().task("charged-pair/int-overflow"))
    >>> candidate = asyncio.run(agent.attempt(view, AcceptAll()))
    >>> candidate.input == min((e.input for e in view.examples), key=len)
    True

    Run it with ``refute run --agent mypackage.agents:LargestExample`` (or
    ``--agent path/to/file.py:LargestExample``).
    """

    name: ClassVar[str]
    oracle: ClassVar[bool]
    needs_model: ClassVar[bool]
    budget: ClassVar[Budget]

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        """Try once to refute ``task``'s incorrect submission."""
        ...
