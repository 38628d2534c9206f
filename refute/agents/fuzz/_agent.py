"""The fuzz baseline: structure-aware random search, no model."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from .._toolbox import Toolbox
from .._types import Budget, Candidate, TaskView
from ._generate import InputGenerator, Mutator, make_plan
from ._shape import bounds_from_statement, infer_shape


class FuzzAgent:
    """Structure-aware random search from the examples; the model-free baseline.

    It learns the input's shape from the examples (test-case count, header values that
    size arrays, strings and blocks of rows, trees) and value bounds from the Input
    section, generates inputs biased toward small sizes, extremes and duplicates, keeps
    those the validator accepts, and checks them against the incorrect submission and
    the reference. How often it succeeds tells how randomly findable a task is; its
    valid-input rate is recorded with every attempt.

    Args:
        seconds: search time per attempt (default 5).
        batch: inputs generated per round (default 100).
    """

    name: ClassVar[str] = "fuzz"
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = False
    budget: ClassVar[Budget] = Budget(
        program_runs=0,
        incorrect_runs=0,
        validity_checks=0,
        stress_seconds=0,
        oracle_inputs=10_000_000,
    )

    def __init__(self, model: Any = None, *, seconds: float = 5.0, batch: int = 100):
        self.seconds = seconds
        self.batch = batch

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        examples = [example.input for example in task.examples]
        statement = f"{task.statement}\n{task.input_format}"
        shape = infer_shape(examples, "test case" in statement.lower())
        generate = (
            InputGenerator(
                shape, make_plan(shape, bounds_from_statement(task.input_format)), tools.seed
            )
            if shape is not None
            else Mutator(examples, tools.seed)
        )
        deadline = time.monotonic() + self.seconds
        tried = invalid = 0
        while (left := deadline - time.monotonic()) > 0:
            batch = [generate() for _ in range(self.batch)]
            result = await tools.search(batch, seconds=left)
            tried += result.iterations
            invalid += result.invalid
            if result.input is not None:
                return Candidate(input=result.input, metrics=_metrics(tried, invalid, shape))
        return Candidate(
            failure=f"no counterexample in {tried} inputs", metrics=_metrics(tried, invalid, shape)
        )


def _metrics(tried: int, invalid: int, shape: object) -> dict[str, float]:
    return {
        "inputs": float(tried),
        "valid_rate": round((tried - invalid) / tried, 4) if tried else 0.0,
        "shape_learned": 1.0 if shape is not None else 0.0,
    }
