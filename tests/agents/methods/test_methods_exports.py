"""The methods package: its public names, and each method registered as a built-in agent."""

from __future__ import annotations

import pytest

import refute.agents.methods as methods
from refute.agents import Agent, Budget, resolve_agent
from refute.agents.methods import METHODS
from refute.errors import RefuteError

BY_NAME = {method.name: method for method in METHODS}
NAMES = [
    "zero-shot",
    "few-shot",
    "with-correct",
    "randsearch",
    "randsearch-oracle",
    "agentic",
    "solve",
]


def test_the_exported_names_are_exactly_the_public_ones() -> None:
    public = {name for name in vars(methods) if not name.startswith("_")}
    assert set(methods.__all__) == public


def test_every_method_of_the_paper_is_there_in_table_order_then_solve() -> None:
    assert [method.name for method in METHODS] == NAMES


@pytest.mark.parametrize("method", METHODS, ids=NAMES)
def test_each_method_is_a_built_in_agent_that_needs_a_model(method: type[Agent]) -> None:
    entry = resolve_agent(method.name)
    assert entry.origin == "built-in" and entry.factory is method and entry.needs_model
    assert isinstance(method(), Agent)
    assert isinstance(method.budget, Budget) and method.budget.oracle_inputs == 0
    assert entry.description and entry.description == (method.__doc__ or "").splitlines()[0]


def test_only_the_methods_shown_the_reference_are_oracles() -> None:
    oracles = {method.name for method in METHODS if method.oracle}
    assert oracles == {"with-correct", "randsearch-oracle"}


def test_one_shot_methods_get_no_tools() -> None:
    for name in ("zero-shot", "few-shot", "with-correct"):
        budget = BY_NAME[name].budget
        assert (budget.program_runs, budget.incorrect_runs, budget.validity_checks) == (0, 0, 0)
        assert budget.stress_seconds == 0


def test_random_search_gets_sixty_seconds_of_stress_search_and_nothing_else() -> None:
    for name in ("randsearch", "randsearch-oracle"):
        budget = BY_NAME[name].budget
        assert budget.stress_seconds == 60 and budget.program_runs == 0
        assert budget.validity_checks == 0


def test_agentic_gets_refutes_code_runs_and_validity_checks() -> None:
    budget = methods.Agentic.budget
    assert budget.program_runs == 10 + 6  # the model's runs, and one per submitted program
    assert budget.program_cpu_ms == 30_000
    # a first submission, then up to five resubmissions after invalid ones
    assert (budget.incorrect_runs, budget.validity_checks) == (10, 6)


@pytest.mark.parametrize(
    ("method", "options"),
    [(methods.Agentic, {"max_turns": 0}), (methods.RandSearch, {"seconds": 61})],
)
def test_options_out_of_range_are_clear_errors(method: type, options: dict[str, float]) -> None:
    with pytest.raises(RefuteError, match="--agent-option"):
        method(**options)
