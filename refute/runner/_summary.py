"""``summary.json``: what a run found, in numbers comparable across runs.

Every rate is an ``Estimate`` with its 95% interval: the success rate (a share of tasks,
each refuted or not) by Wilson's interval; pass@k (a mean of per-task fractions) by a
percentile bootstrap over tasks, seeded with the run's seed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from math import sqrt

from pydantic import BaseModel

from ..problems import Task
from ..stats import RESAMPLES, Estimate, bootstrap_mean, pass_at_k, reported_ks, wilson
from ._records import AttemptRecord, FaultOf


class Bucket(BaseModel):
    """Tasks in one group (a rating range, a tag) and how many were refuted.

    Args:
        tasks: tasks in the group.
        refuted: tasks of the group refuted by at least one attempt.
        success_rate: ``refuted / tasks`` with its Wilson interval.
    """

    tasks: int = 0
    refuted: int = 0
    success_rate: Estimate


class TaskOutcome(BaseModel):
    """One task's attempts, counted (infrastructure errors left out).

    Args:
        attempts: counted attempts.
        refuting: attempts that refuted the submission.
        refuted: at least one attempt did.
    """

    attempts: int = 0
    refuting: int = 0

    @property
    def refuted(self) -> bool:
        return self.refuting > 0

    @property
    def rate(self) -> float:
        """The share of refuting attempts: the task's estimated success probability."""
        return self.refuting / self.attempts if self.attempts else 0.0


class AttemptSpread(BaseModel):
    """How much attempts on the same task disagree.

    Args:
        tasks_with_attempts: tasks with at least one counted attempt.
        always: tasks refuted by every attempt.
        sometimes: tasks refuted by some attempts and not others.
        never: tasks refuted by no attempt.
        within_task_sd: mean over tasks of ``sqrt(p (1 - p))``, ``p`` the task's share of
            refuting attempts: 0 when every attempt on a task agrees, 0.5 at most.
        between_task_sd: standard deviation over tasks of ``p``.
    """

    tasks_with_attempts: int
    always: int
    sometimes: int
    never: int
    within_task_sd: float
    between_task_sd: float


class Summary(BaseModel):
    """The numbers of a run.

    Args:
        tasks: tasks in the run.
        attempts: attempts counted in the agent's score: those that refuted and those
            that failed by the agent's fault (``AttemptRecord.fault``).
        refuted: tasks refuted by at least one attempt.
        success_rate: ``refuted / tasks``, with its Wilson 95% interval.
        pass_at_k: the unbiased pass@k at k in 1, 5, 10, 25, 100 up to the attempts per
            task, averaged over tasks that have at least k counted attempts, each with a
            seeded percentile bootstrap interval over tasks.
        spread: how much attempts on the same task disagree.
        by_outcome: attempts per outcome.
        by_verdict: attempts per judge verdict (a solve run's: per solution verdict).
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
        metrics: per agent metric (the fuzz valid-input rate), the mean over tasks of its
            mean over each task's attempts, with a bootstrap interval over tasks.
    """

    tasks: int
    attempts: int
    refuted: int
    success_rate: Estimate
    pass_at_k: dict[str, Estimate]
    spread: AttemptSpread
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
    metrics: dict[str, Estimate]


def rating_bucket(rating: int | None) -> str:
    """The bucket of 400 a rating falls in (``1200-1599``), or ``unrated``."""
    if rating is None:
        return "unrated"
    low = rating // 400 * 400
    return f"{low}-{low + 399}"


def _buckets(groups: dict[str, list[bool]]) -> dict[str, Bucket]:
    return {
        name: Bucket(
            tasks=len(groups[name]),
            refuted=sum(groups[name]),
            success_rate=wilson(sum(groups[name]), len(groups[name])),
        )
        for name in sorted(groups)
    }


def latest_records(records: Iterable[AttemptRecord]) -> list[AttemptRecord]:
    """The last record of every (task, attempt): a redone infrastructure error replaces the
    first record."""
    latest: dict[tuple[str, int], AttemptRecord] = {}
    for record in records:
        latest[(record.task_id, record.attempt)] = record
    return list(latest.values())


def task_outcomes(
    task_ids: Sequence[str], records: Iterable[AttemptRecord]
) -> dict[str, TaskOutcome]:
    """Per task of ``task_ids``, its counted attempts and how many refuted."""
    out = {task_id: TaskOutcome() for task_id in task_ids}
    for record in latest_records(records):
        if record.fault not in (None, FaultOf.AGENT) or record.task_id not in out:
            continue
        outcome = out[record.task_id]
        outcome.attempts += 1
        outcome.refuting += int(record.refuted)
    return out


def attempt_spread(outcomes: Iterable[TaskOutcome]) -> AttemptSpread:
    """How much the attempts on each task disagree (see ``AttemptSpread``)."""
    tried = [o for o in outcomes if o.attempts]
    rates = [o.rate for o in tried]
    mean = sum(rates) / len(rates) if rates else 0.0
    return AttemptSpread(
        tasks_with_attempts=len(tried),
        always=sum(o.refuting == o.attempts for o in tried),
        sometimes=sum(0 < o.refuting < o.attempts for o in tried),
        never=sum(o.refuting == 0 for o in tried),
        within_task_sd=round(sum(sqrt(p * (1 - p)) for p in rates) / len(rates), 4)
        if rates
        else 0.0,
        between_task_sd=round(sqrt(sum((p - mean) ** 2 for p in rates) / len(rates)), 4)
        if rates
        else 0.0,
    )


def pass_at_k_estimates(
    outcomes: Iterable[TaskOutcome],
    attempts: int,
    *,
    ks: Sequence[int] | None = None,
    seed: int = 0,
    resamples: int = RESAMPLES,
) -> dict[str, Estimate]:
    """pass@k at ``ks`` (default: the reported k up to ``attempts``), each over the tasks
    with at least k counted attempts, with a seeded bootstrap interval over tasks.

    A curve for a plot: ``pass_at_k_estimates(run.outcomes.values(), n, ks=range(1, n + 1))``.
    """
    tried = [o for o in outcomes if o.attempts]
    out: dict[str, Estimate] = {}
    for k in reported_ks(attempts) if ks is None else ks:
        values = [pass_at_k(o.attempts, o.refuting, k) for o in tried if o.attempts >= k]
        if values:
            out[str(k)] = bootstrap_mean(values, seed=seed, resamples=resamples)
    return out


def summarize(
    tasks: Sequence[Task],
    records: Iterable[AttemptRecord],
    attempts: int,
    *,
    seed: int = 0,
    resamples: int = RESAMPLES,
) -> Summary:
    """Summarise the latest record of every (task, attempt) of a run.

    ``seed`` and ``resamples`` drive the bootstrap intervals: the same records and seed give
    the same ``summary.json``.
    """
    latest = latest_records(records)
    counted = [r for r in latest if r.fault in (None, FaultOf.AGENT)]
    judge_errors = sum(r.fault is FaultOf.JUDGE for r in latest)
    outcomes = task_outcomes([task.id for task in tasks], counted)
    refuted = {task_id for task_id, outcome in outcomes.items() if outcome.refuted}

    by_rating: dict[str, list[bool]] = defaultdict(list)
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for task in tasks:
        by_rating[rating_bucket(task.problem.rating)].append(task.id in refuted)
        for tag in task.problem.tags:
            by_tag[tag].append(task.id in refuted)

    metric_values: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for record in counted:
        for name, value in record.metrics.items():
            metric_values[name][record.task_id].append(value)

    return Summary(
        tasks=len(tasks),
        attempts=len(counted),
        refuted=len(refuted),
        success_rate=wilson(len(refuted), len(tasks)),
        pass_at_k=pass_at_k_estimates(outcomes.values(), attempts, seed=seed, resamples=resamples),
        spread=attempt_spread(outcomes.values()),
        by_outcome=dict(Counter(r.outcome.value for r in latest)),
        by_verdict=dict(
            Counter(v.value for r in counted if (v := r.solution_verdict or r.verdict))
        ),
        by_reason=dict(Counter(r.reason.value for r in counted if r.reason and r.refuted)),
        by_rating=_buckets(by_rating),
        by_tag=_buckets(by_tag),
        input_tokens=sum(r.input_tokens for r in latest),
        output_tokens=sum(r.output_tokens for r in latest),
        cost_usd=round(sum(r.cost_usd for r in latest), 6),
        infra_errors=sum(r.fault is FaultOf.INFRASTRUCTURE for r in latest),
        judge_errors=judge_errors,
        pending=len(tasks) * attempts - len(counted) - judge_errors,
        metrics={
            name: bootstrap_mean(
                [sum(v) / len(v) for v in per_task.values()], seed=seed, resamples=resamples
            )
            for name, per_task in sorted(metric_values.items())
        },
    )
