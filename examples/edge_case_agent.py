"""A small custom agent for refute: push every number of an example to its bound.

Run it end to end on the bundled problems:

    refute run --agent examples/edge_case_agent.py:EdgeCaseAgent

It reads the bounds written in the Input section ("$1 \\le a_i \\le 10^9$"), rewrites each
example with every number of the same kind set to its maximum (or minimum), asks the
validator whether the result is valid (at most five times, like REFUTE's resubmissions)
and submits the first valid one. Many contest bugs hide at the bounds.
"""

from __future__ import annotations

import re
from typing import ClassVar

from refute.agents import Budget, Candidate, TaskView, Toolbox
from refute.agents.fuzz import bounds_from_statement


class EdgeCaseAgent:
    """Examples with every value pushed to its stated bound."""

    name: ClassVar[str] = "edge-case"
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = False
    budget: ClassVar[Budget] = Budget(program_runs=0, validity_checks=5, stress_seconds=0)

    def __init__(self, use_minimum: bool = False):
        self.use_minimum = use_minimum

    def variants(self, task: TaskView) -> list[str]:
        """Each example with its largest numbers replaced by the largest stated bound."""
        bounds = [b for b in bounds_from_statement(task.input_format) if b.high is not None]
        if not bounds:
            return []
        extreme = (
            min(b.low for b in bounds) if self.use_minimum else max(b.high or 0 for b in bounds)
        )
        out = []
        for example in task.examples:
            lines = example.input.splitlines()
            # keep the first line (sizes, test counts); push the values after it
            body = [re.sub(r"-?\d+", str(extreme), line) for line in lines[1:]]
            out.append("\n".join([*lines[:1], *body]) + "\n")
        return out

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        for text in self.variants(task)[: tools.budget.validity_checks]:
            feedback = await tools.validate(text)
            if feedback.valid:
                return Candidate(input=text, note="every value at its bound")
        return Candidate(failure="no valid variant of the examples")
