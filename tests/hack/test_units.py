"""The parts of ``refute hack`` that need no sandbox: budgets, diffs, mutation."""

from __future__ import annotations

import inspect

import pytest

import refute.hack as package
from refute.errors import RefuteError
from refute.hack import ExampleMutator, HackBudget, first_difference


def test_a_bare_number_is_a_count_of_tests() -> None:
    assert HackBudget.parse("2500") == HackBudget(tests=2500)


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("500ms", 0.5), ("2m", 120), ("1h", 3600)]
)
def test_a_duration_is_read_with_its_unit(text: str, seconds: float) -> None:
    assert HackBudget.parse(text).seconds == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "0", "ten", "5 parsecs", "-3s"])
def test_a_bad_budget_says_what_it_expects(text: str) -> None:
    with pytest.raises(RefuteError, match="--budget"):
        HackBudget.parse(text)


def test_the_first_differing_token_is_located_on_both_sides() -> None:
    difference = first_difference("1 2\n3 9\n", "1 2\n3 4\n")
    assert difference is not None
    assert (difference.token, difference.solution_line, difference.solution_column) == (4, 2, 2)
    assert (difference.solution_token, difference.brute_token) == ("9", "4")


def test_a_shorter_output_differs_where_it_ends() -> None:
    difference = first_difference("1\n", "1 2\n")
    assert difference is not None
    assert difference.solution_token is None and difference.brute_token == "2"


def test_whitespace_and_yes_no_case_do_not_differ() -> None:
    assert first_difference("yes  1\n\n", "YES\n1") is None


def test_mutations_are_a_function_of_the_seed() -> None:
    mutator = ExampleMutator(["4\n3 -1 5 2\n"])
    assert [mutator(seed) for seed in range(20)] == [mutator(seed) for seed in range(20)]
    assert len({mutator(seed) for seed in range(20)}) > 10


def test_a_mutated_length_keeps_its_count_in_step() -> None:
    mutator = ExampleMutator(["5\n1 2 3 4 5\n", "3\n7 8 9\n"])
    texts = [mutator(seed).splitlines() for seed in range(200)]
    resized = [lines for lines in texts if len(lines[1].split()) not in (3, 5)]
    consistent = [lines for lines in resized if lines[0] == str(len(lines[1].split()))]
    assert len(consistent) > len(resized) // 2 > 0


def test_the_package_exports_exactly_its_public_names() -> None:
    public = {
        name
        for name, value in vars(package).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert sorted(package.__all__) == sorted(public)
