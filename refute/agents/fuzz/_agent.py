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
        seconds: search time per attempt (default 5); with ``inputs`` set, only a
            safety cap on the wall time.
        batch: inputs generated per round (default 100).
        inputs: stop after generating this many inputs (default ``None``: search until
            ``seconds`` run out). A budget in inputs does not depend on the machine's
            load: with the same seed, the same inputs are tried.

    Example::

        refute run --agent fuzz --agent-option inputs=400 --agent-option seconds=60
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

    def __init__(
        self,
        model: Any = None,
        *,
        seconds: float = 5.0,
        batch: int = 100,
        inputs: int | None = None,
    ):
        if inputs is not None and inputs < 1:
            raise ValueError(f"inputs={inputs}: expected a positive number of inputs")
        self.seconds = seconds
        self.batch = batch
        self.inputs = inputs

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
        tried = invalid = generated = 0
        while (left := deadline - time.monotonic()) > 0:
            size = self.batch
            if self.inputs is not None:
                size = min(size, self.inputs - generated)
                if size <= 0:
                    break
            batch = [generate() for _ in range(size)]
            generated += size
            result = await tools.search(batch, seconds=left)
            tried += result.iterations
            invalid += result.invalid
            if result.input is not None:
                return Candidate(
                    input=result.input, metrics=self._metrics(tried, invalid, shape, False)
                )
        capped = self.inputs is not None and tried < self.inputs  # the wall cap came first
        return Candidate(
            failure=f"no counterexample in {tried} inputs",
            metrics=self._metrics(tried, invalid, shape, capped),
        )

    def _metrics(self, tried: int, invalid: int, shape: object, capped: bool) -> dict[str, float]:
        metrics = {
            "inputs": float(tried),
            "valid_rate": round((tried - invalid) / tried, 4) if tried else 0.0,
            "shape_learned": 1.0 if shape is not None else 0.0,
        }
        if self.inputs is not None:
            # the wall cap cut the input budget short: the result may not repeat elsewhere
            metrics["capped"] = 1.0 if capped else 0.0
        return metrics
