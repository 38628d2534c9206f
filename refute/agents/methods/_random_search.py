"""REFUTE's random-search methods: the model writes a generator, a stress search runs it."""

from __future__ import annotations

from typing import ClassVar

from ...errors import RefuteError
from ...sandbox import StressOutcome, StressResult, printable_text
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Budget, Candidate, TaskView
from ._common import ModelMethod, ask, cut_short, finish
from ._parse import Unparseable, parse_programs
from ._prompts import random_search

SEARCH_BUDGET = Budget(program_runs=0, incorrect_runs=0, validity_checks=0, stress_seconds=60)
"""One stress search of up to 60 s (REFUTE's), and no other tool."""


class RandSearch(ModelMethod):
    """The model writes a random generator and a brute force; a 60 s stress search runs them.

    REFUTE's random search. One request; the answer holds two actions, ``generate_tc``
    (prints one random test for the seed in ``argv[1]``) and ``solve_brute`` (a slow but
    surely correct solution). The toolbox's stress search then runs generator, incorrect
    submission and brute force in one untrusted container, seed after seed, for up to
    ``Budget.stress_seconds``; the first test on which the two outputs differ is the
    candidate, and the judge decides (a wrong brute force, or an invalid test, is not
    a refutation). Records ``stress_inputs``, ``stress_skipped`` and ``stress_invalid``.

    Args:
        seconds: search time, more than 0 and at most the budget's 60 s (default: all
            of it). Shorter searches are not comparable with REFUTE's numbers.

    Example::

        refute run --agent randsearch --model openai/gpt-4o --problems ribbon-cut
    """

    name: ClassVar[str] = "randsearch"
    budget: ClassVar[Budget] = SEARCH_BUDGET

    def __init__(self, seconds: float | None = None) -> None:
        if seconds is not None and not 0 < seconds <= self.budget.stress_seconds:
            limit = self.budget.stress_seconds
            raise RefuteError(f"--agent-option seconds={seconds}: must be in (0, {limit:g}]")
        self.seconds = seconds

    async def attempt_with(self, model: MeteredModel, task: TaskView, tools: Toolbox) -> Candidate:
        seconds = self.seconds or self.budget.stress_seconds
        completion = await ask(model, random_search(task, stress_seconds=seconds))
        if isinstance(completion, str):
            return finish(failure=completion)
        names = ["generate_tc"] if task.oracle else ["generate_tc", "solve_brute"]
        programs = parse_programs(completion.text, names)
        if isinstance(programs, Unparseable):
            return finish(failure=f"unparseable answer: {programs.reason}{cut_short(completion)}")
        result = await tools.stress(
            programs["generate_tc"], programs.get("solve_brute"), seconds=seconds
        )
        return _candidate(result, seconds)


class RandSearchOracle(RandSearch):
    """The model writes a random generator; a 60 s search compares with the reference (oracle).

    REFUTE's random search with an oracle (its best method: DeepSeek-V3 15.1%). The
    request shows the reference solution and asks only for ``generate_tc``; the stress
    search keeps the generator in the untrusted pool and compares the incorrect
    submission with the reference in the judge pool, on tests the validator accepts.
    Results are marked ``oracle``.

    Example::

        refute run --agent randsearch-oracle --model deepseek/deepseek-chat
    """

    name: ClassVar[str] = "randsearch-oracle"
    oracle: ClassVar[bool] = True


def _candidate(result: StressResult, seconds: float) -> Candidate:
    metrics = {
        "stress_inputs": float(result.iterations),
        "stress_skipped": float(result.skipped),
        "stress_invalid": float(result.invalid),
    }
    if result.outcome is StressOutcome.FOUND and result.input is not None:
        return finish(input=result.input, metrics=metrics)
    if result.outcome is StressOutcome.COMPILE_ERROR:
        said = (result.compile_error or "").strip()[-300:]
        return finish(failure=f"a program of the answer does not compile: {said}", metrics=metrics)
    if result.outcome is StressOutcome.GENERATOR_FAILED and result.generator is not None:
        said = printable_text(result.generator.stderr).strip()[-300:]
        failure = f"the generator failed: {result.generator.describe()}" + (
            f": {said}" if said else ""
        )
        return finish(failure=failure, metrics=metrics)
    return finish(
        failure=f"no difference in {result.iterations} tests ({seconds:g} s of search)",
        metrics=metrics,
    )
