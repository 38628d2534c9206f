"""The REFUTE paper's methods as built-in agents, all driven by ``--model``.

=====================  ======  ===============================================
name                   oracle  what the model does
=====================  ======  ===============================================
``zero-shot``          no      writes a program printing the failing input
``few-shot``           no      the same, after three worked examples
``with-correct``       yes     the same, with the correct solution shown
``randsearch``         no      writes a random generator and a brute force
``randsearch-oracle``  yes     writes a random generator (vs the reference)
``agentic``            no      runs code and submits, with validity feedback
``solve``              no      solves the problem (no incorrect code shown)
=====================  ======  ===============================================

Every method asks through ``tools.model`` (metered, cached per attempt), records
:data:`PROMPT_VERSION` with each candidate, and turns an answer it cannot read into a
failed attempt (``unparseable answer: ...``), never an exception. See ``docs/methods.md``.

Example::

    from refute.agents.methods import METHODS, parse_program

    [method.name for method in METHODS]   # ['zero-shot', 'few-shot', ...]
    parse_program(answer_text, "print_fail_case")  # a ProgramSource, or Unparseable
"""

from .._protocol import Agent as _Agent
from ._agentic import Agentic
from ._examples import WorkedExample, worked_examples
from ._one_shot import FewShot, WithCorrect, ZeroShot
from ._parse import Unparseable, parse_program, parse_programs
from ._prompts import AGENTIC_TOOLS, PROMPT_VERSION, random_search
from ._random_search import RandSearch, RandSearchOracle
from ._solve import GENERATED_TESTS, SOLVE_ACTION, Solve, generated_tests, solve_messages

METHODS: list[type[_Agent]] = [
    ZeroShot,
    FewShot,
    WithCorrect,
    RandSearch,
    RandSearchOracle,
    Agentic,
    Solve,
]
"""Every method class, in the order of the paper's tables; ``solve`` (the other side of
the falsification gap) last."""

__all__ = [
    "AGENTIC_TOOLS",
    "GENERATED_TESTS",
    "METHODS",
    "PROMPT_VERSION",
    "SOLVE_ACTION",
    "Agentic",
    "FewShot",
    "RandSearch",
    "RandSearchOracle",
    "Solve",
    "Unparseable",
    "WithCorrect",
    "WorkedExample",
    "ZeroShot",
    "generated_tests",
    "parse_program",
    "parse_programs",
    "random_search",
    "solve_messages",
    "worked_examples",
]
