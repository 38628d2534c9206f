"""--problems selectors: ids, globs and filters."""

from __future__ import annotations

import pytest

from refute.problems import Task, load_problems
from refute.runner import SelectorError, select_tasks


@pytest.fixture(scope="module")
def tasks() -> list[Task]:
    return load_problems().tasks()


def ids(tasks: list[Task]) -> list[str]:
    return sorted(t.id for t in tasks)


def test_no_selector_selects_everything(tasks: list[Task]) -> None:
    assert ids(select_tasks(tasks, None)) == ids(tasks)


def test_a_problem_id_selects_its_tasks(tasks: list[Task]) -> None:
    assert ids(select_tasks(tasks, "charged-pair")) == [
        "charged-pair/int-overflow",
        "charged-pair/two-largest",
    ]


def test_globs_and_task_ids_combine(tasks: list[Task]) -> None:
    chosen = select_tasks(tasks, "ribbon-*,matching-socks/shared-counter")
    assert ids(chosen) == ["matching-socks/shared-counter", "ribbon-cut/last-cut"]


def test_filters_must_all_hold(tasks: list[Task]) -> None:
    chosen = select_tasks(tasks, "lang=python,tag=greedy")
    assert chosen and all(t.submission.program.language.family.value == "python" for t in chosen)
    assert all("greedy" in t.problem.tags for t in chosen)


def test_rating_and_date_filters(tasks: list[Task]) -> None:
    high = max(t.problem.rating or 0 for t in tasks)
    assert all((t.problem.rating or 0) >= high for t in select_tasks(tasks, f"rating>={high}"))
    with pytest.raises(SelectorError, match="selects no task"):
        select_tasks(tasks, "date>=2999-01-01")


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("no-such-problem", "no task matches no-such-problem"),
        ("rating>=hard", "not a whole number"),
        ("date>=yesterday", "expected YYYY-MM-DD"),
        ("lang=cobol", "lang=cobol"),
        ("tag>=dp", "only = and != apply"),
        ("", "an empty selector"),
        (",", "an empty selector"),
        (" , ", "an empty selector"),
    ],
)
def test_bad_selectors_are_clear_errors(tasks: list[Task], selector: str, message: str) -> None:
    with pytest.raises(SelectorError, match=message):
        select_tasks(tasks, selector)
