"""The numbers of a run: pass@k and the summary's groupings."""

from __future__ import annotations

import pytest

from refute.judge import Reason, Verdict
from refute.problems import Task, load_problems
from refute.runner import (
    AttemptRecord,
    Outcome,
    TaskOutcome,
    pass_at_k,
    pass_at_k_estimates,
    summarize,
)


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [(5, 0, 1, 0.0), (5, 5, 1, 1.0), (5, 1, 1, 0.2), (5, 2, 2, 0.7), (4, 3, 2, 1.0)],
)
def test_pass_at_k_is_the_unbiased_estimator(n: int, c: int, k: int, expected: float) -> None:
    assert pass_at_k(n, c, k) == pytest.approx(expected)


def record(
    task: Task, attempt: int, refuted: bool, outcome: Outcome = Outcome.JUDGED
) -> AttemptRecord:
    return AttemptRecord(
        task_id=task.id,
        attempt=attempt,
        outcome=outcome,
        verdict=Verdict.REFUTED if refuted else Verdict.NOT_REFUTED,
        reason=Reason.WRONG_ANSWER if refuted else None,
        refuted=refuted,
        cost_usd=0.5,
    )


def test_summary_counts_tasks_refuted_by_any_attempt() -> None:
    first, second = load_problems().tasks()[:2]
    records = [
        record(first, 0, False),
        record(first, 1, True),
        record(second, 0, False),
        record(second, 1, False),
    ]
    summary = summarize([first, second], records, attempts=2)
    assert (summary.tasks, summary.attempts, summary.refuted) == (2, 4, 1)
    assert summary.success_rate.value == 0.5
    assert summary.success_rate.method == "wilson"
    assert {k: e.value for k, e in summary.pass_at_k.items()} == {"1": 0.25}
    assert summary.pass_at_k["1"].method == "bootstrap-percentile"
    assert summary.by_reason == {"WRONG_ANSWER": 1}
    assert summary.cost_usd == 2.0


def test_infrastructure_errors_are_counted_apart_and_left_pending() -> None:
    task = load_problems().tasks()[0]
    records = [record(task, 0, False, Outcome.INFRA_ERROR)]
    summary = summarize([task], records, attempts=1)
    assert (summary.attempts, summary.infra_errors, summary.pending) == (0, 1, 1)
    assert summary.pass_at_k == {}


def test_a_later_record_of_the_same_attempt_replaces_an_infra_error() -> None:
    task = load_problems().tasks()[0]
    records = [record(task, 0, False, Outcome.INFRA_ERROR), record(task, 0, True)]
    summary = summarize([task], records, attempts=1)
    assert (summary.refuted, summary.infra_errors, summary.pending) == (1, 0, 0)


def test_judge_errors_are_counted_apart_and_are_not_pending() -> None:
    task = load_problems().tasks()[0]
    broken = AttemptRecord(
        task_id=task.id, attempt=0, outcome=Outcome.JUDGED, verdict=Verdict.JUDGE_ERROR
    )
    summary = summarize([task], [broken, record(task, 1, True)], attempts=2)
    assert (summary.attempts, summary.judge_errors, summary.pending) == (1, 1, 0)
    assert summary.pass_at_k["1"].value == 1.0
    assert summary.by_verdict == {"REFUTED": 1}


def test_groups_by_rating_bucket_and_tag() -> None:
    tasks = load_problems().tasks()
    summary = summarize(tasks, [record(tasks[0], 0, True)], attempts=1)
    rating = tasks[0].problem.rating or 0
    bucket = f"{rating // 400 * 400}-{rating // 400 * 400 + 399}"
    assert summary.by_rating[bucket].refuted == 1
    assert summary.by_rating[bucket].success_rate.high > 0
    assert summary.by_tag[tasks[0].problem.tags[0]].refuted >= 1


def test_pass_at_k_is_reported_only_at_chosen_k() -> None:
    task = load_problems().tasks()[0]
    records = [record(task, i, i % 3 == 0) for i in range(30)]
    summary = summarize([task], records, attempts=30)
    assert list(summary.pass_at_k) == ["1", "5", "10", "25"]
    assert summary.pass_at_k["5"].value == pytest.approx(
        1 - (20 * 19 * 18 * 17 * 16) / (30 * 29 * 28 * 27 * 26), abs=1e-4
    )


def test_spread_counts_tasks_whose_attempts_disagree() -> None:
    first, second, third = load_problems().tasks()[:3]
    records = [
        record(first, 0, True),
        record(first, 1, True),
        record(second, 0, True),
        record(second, 1, False),
        record(third, 0, False),
        record(third, 1, False),
    ]
    spread = summarize([first, second, third], records, attempts=2).spread
    assert (spread.always, spread.sometimes, spread.never) == (1, 1, 1)
    assert spread.within_task_sd == pytest.approx(0.5 / 3, abs=1e-4)


def test_the_same_seed_gives_the_same_summary() -> None:
    tasks = load_problems().tasks()[:6]
    records = [record(t, i, (n + i) % 3 == 0) for n, t in enumerate(tasks) for i in range(3)]
    first = summarize(tasks, records, attempts=3, seed=7)
    assert summarize(tasks, records, attempts=3, seed=7) == first
    assert summarize(tasks, records, attempts=3, seed=8).pass_at_k != first.pass_at_k


def test_a_pass_at_k_curve_can_be_had_at_every_k() -> None:
    outcomes = [TaskOutcome(attempts=4, refuting=1), TaskOutcome(attempts=4, refuting=0)]
    curve = pass_at_k_estimates(outcomes, 4, ks=range(1, 5))
    assert list(curve) == ["1", "2", "3", "4"]
    assert [curve[k].value for k in curve] == [0.125, 0.25, 0.375, 0.5]
