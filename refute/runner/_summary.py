"""``summary.json``: what a run found, in numbers comparable across runs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from math import comb

from pydantic import BaseModel

from ..problems import Task
from ._records import AttemptRecord, FaultOf


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased pass@k estimator: 1 - C(n-c, k) / C(n, k) (Chen et al., 2021).

    >>> pass_at_k(5, 1, 1)
    0.2
    >>> pass_at_k(5, 0, 3), pass_at_k(5, 3, 3)
    (0.0, 1.0)
    """
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


class Bucket(BaseModel):
    """Tasks in one group (a rating range, a tag) and how many were refuted."""

    tasks: int = 0
    refuted: int = 0
    success_rate: float = 0.0


class Summary(BaseModel):
    """The numbers of a run.

    Args:
        tasks: tasks in the run.
        attempts: attempts counted in the agent's score: those that refuted and those
            that failed by the agent's fault (``AttemptRecord.fault``).
        refuted: tasks refuted by at least one attempt.
        success_rate: ``refuted / tasks``.
        pass_at_k: the unbiased pass@k for k = 1 .. attempts per task, averaged over
            tasks that have at least k counted attempts.
        by_outcome: attempts per outcome.
        by_verdict: attempts per judge verdict.
        by_reason: refuting attempts per reason (``WRONG_ANSWER``, ``TIME_LIMIT`` ...).
        by_rating: tasks and successes per rating bucket of 400 (``1200-1599``).
        by_tag: tasks and successes per tag.
        input_tokens: model tokens read, over all attempts.
        output_tokens: model tokens written.
        cost_usd: money spent.
        infra_errors: attempts that failed for infrastructure reasons (not counted;
            ``--resume`` redoes them).
        judge_errors: attempts that failed by the judge material's fault (not counted).
        pending: attempts not yet finished (an interrupted run).
        metrics: per agent metric, its mean over attempts (the fuzz valid-input rate).
    """

    tasks: int
    attempts: int
    refuted: int
    success_rate: float
    pass_at_k: dict[str, float]
    by_outcome: dict[str, int]
    by_verdict: dict[str, int]
    by_reason: dict[str, int]
    by_rating: dict[str, Bucket]
    by_tag: dict[str, Bucket]
    input_tokens: int
    output_tokens: int
    cost_usd: float
    infra_errors: int
    judge_errors: int = 0
    pending: int
    metrics: dict[str, float]


def _rating_bucket(rating: int | None) -> str:
    if rating is None:
        return "unrated"
    low = rating // 400 * 400
    return f"{low}-{low + 399}"


def _buckets(groups: dict[str, list[bool]]) -> dict[str, Bucket]:
    out = {}
    for name in sorted(groups):
        results = groups[name]
        out[name] = Bucket(
            tasks=len(results),
            refuted=sum(results),
            success_rate=round(sum(results) / len(results), 4) if results else 0.0,
        )
    return out


def summarize(tasks: Sequence[Task], records: Iterable[AttemptRecord], attempts: int) -> Summary:
    """Summarise the latest record of every (task, attempt) of a run."""
    latest: dict[tuple[str, int], AttemptRecord] = {}
    for record in records:
        latest[(record.task_id, record.attempt)] = record
    counted = [r for r in latest.values() if r.fault in (None, FaultOf.AGENT)]
    judge_errors = sum(r.fault is FaultOf.JUDGE for r in latest.values())
    per_task: dict[str, list[AttemptRecord]] = defaultdict(list)
    for record in counted:
        per_task[record.task_id].append(record)
    refuted = {task.id for task in tasks if any(r.refuted for r in per_task[task.id])}

    ks: dict[str, float] = {}
    for k in range(1, attempts + 1):
        values = [
            pass_at_k(len(per_task[t.id]), sum(r.refuted for r in per_task[t.id]), k)
            for t in tasks
            if len(per_task[t.id]) >= k
        ]
        if values:
            ks[str(k)] = round(sum(values) / len(values), 4)

    by_rating: dict[str, list[bool]] = defaultdict(list)
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for task in tasks:
        by_rating[_rating_bucket(task.problem.rating)].append(task.id in refuted)
        for tag in task.problem.tags:
            by_tag[tag].append(task.id in refuted)

    metric_values: dict[str, list[float]] = defaultdict(list)
    for record in counted:
        for name, value in record.metrics.items():
            metric_values[name].append(value)

    everything = list(latest.values())
    return Summary(
        tasks=len(tasks),
        attempts=len(counted),
        refuted=len(refuted),
        success_rate=round(len(refuted) / len(tasks), 4) if tasks else 0.0,
        pass_at_k=ks,
        by_outcome=dict(Counter(r.outcome.value for r in everything)),
        by_verdict=dict(Counter(r.verdict.value for r in counted if r.verdict)),
        by_reason=dict(Counter(r.reason.value for r in counted if r.reason and r.refuted)),
        by_rating=_buckets(by_rating),
        by_tag=_buckets(by_tag),
        input_tokens=sum(r.input_tokens for r in everything),
        output_tokens=sum(r.output_tokens for r in everything),
        cost_usd=round(sum(r.cost_usd for r in everything), 6),
        infra_errors=sum(r.fault is FaultOf.INFRASTRUCTURE for r in everything),
        judge_errors=judge_errors,
        pending=len(tasks) * attempts - len(counted) - judge_errors,
        metrics={k: round(sum(v) / len(v), 4) for k, v in sorted(metric_values.items())},
    )
