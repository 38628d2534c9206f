"""``refute hack``: find the input that breaks a solution, given a brute force.

The contestant's stress loop, done by the project's parts: solution, brute and generator
compiled once and run in the sandbox pool, one loop per worker; each difference judged
for real (validator, checker); the counterexample shrunk with the runner's minimizer.
Without a generator, a model writes generators (``model``), or the examples are mutated.

Example::

    from pathlib import Path
    from refute.hack import HackBudget, HackRequest, NamedProgram, hack

    request = HackRequest(
        solution=NamedProgram.from_file(Path("sol.cpp")),
        brute=NamedProgram.from_file(Path("brute.py")),
        generator=NamedProgram.from_file(Path("gen.py")),
        budget=HackBudget.parse("30s"),
    )
    result = await hack(request)
    result.outcome, result.input, result.seed      # FOUND, '2\\n100000 100000\\n', 17
"""

from ._diff import first_difference
from ._hack import FALLBACK_NOTE, HackProgress, hack
from ._models import (
    Difference,
    HackBudget,
    HackError,
    HackOutcome,
    HackRequest,
    HackResult,
    NamedProgram,
    SearchStats,
    Strategy,
)
from ._mutate import ExampleMutator
from ._task import problem_request, task_of

__all__ = [
    "FALLBACK_NOTE",
    "Difference",
    "ExampleMutator",
    "HackBudget",
    "HackError",
    "HackOutcome",
    "HackProgress",
    "HackRequest",
    "HackResult",
    "NamedProgram",
    "SearchStats",
    "Strategy",
    "first_difference",
    "hack",
    "problem_request",
    "task_of",
]
