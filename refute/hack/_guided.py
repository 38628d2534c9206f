"""A model writes the generators: REFUTE's random-search request, then rounds of feedback.

The model sees the task as an oracle method does (statement, the solution under test as
the incorrect code, the brute as the correct solution) and answers with a
``generate_tc`` action. Its generator runs in the untrusted pool and only its outputs
reach the judge pool. When a round finds nothing, the model is told what its generator
did (tests run, rejected, a sample) and asked for a better one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from ..agents import TaskView
from ..agents.methods import Unparseable, parse_program, random_search
from ..judge import JudgeResult
from ..models import Message, Model
from ..problems import Task
from ..sandbox import Language, Limits, Program, Sandbox, StressOutcome, UnknownLanguageError
from ._models import HackBudget, SearchStats
from ._search import Comparison, Search, SplitSource, describe_run

SAMPLE_CHARS = 600
"""How much of a generated test the feedback shows."""


def _round_budget(budget: HackBudget, rounds_left: int, spent: SearchStats) -> HackBudget | None:
    tests = seconds = None
    if budget.tests is not None:
        tests = (budget.tests - spent.tests) // rounds_left
        if tests <= 0:
            return None
    if budget.seconds is not None:
        seconds = (budget.seconds - spent.seconds) / rounds_left
        if seconds <= 0.05:
            return None
    return HackBudget(tests=tests, seconds=seconds)


async def guided_search(
    model: Model,
    task: Task,
    sandbox: Sandbox,
    *,
    budget: HackBudget,
    rounds: int,
    seed: int,
    workers: int,
    limits: Limits,
    validator: Program | None,
    stats: SearchStats,
    confirm: Callable[[str], Awaitable[JudgeResult | None]],
    on_progress: Callable[[SearchStats], None],
    on_round: Callable[[int], None] = lambda round: None,
) -> tuple[Search | None, int]:
    """Rounds of (the model writes a generator, a parallel search runs it).

    Returns the round that found a counterexample (or the last one) and how many
    generators the model wrote.
    """
    view = TaskView.of(task, oracle=True)
    first_budget = _round_budget(budget, rounds, stats)
    seconds = first_budget.seconds if first_budget and first_budget.seconds else 60.0
    messages = random_search(view, stress_seconds=seconds)
    comparison = Comparison(task.submission.program, task.problem.reference, validator, limits)
    last: Search | None = None
    written = 0
    for round in range(rounds):
        round_budget = _round_budget(budget, rounds - round, stats)
        if round_budget is None:
            break
        on_round(round + 1)
        completion = await model.complete(messages, attempt_key=f"hack/{round}")
        parsed = parse_program(completion.text, "generate_tc")
        if isinstance(parsed, Unparseable):
            feedback = (
                f"I could not find a generator in your answer ({parsed.reason}). Answer "
                "with one <action> named generate_tc, as asked."
            )
        else:
            written += 1
            try:
                language = Language.parse(parsed.language)
            except UnknownLanguageError as error:
                feedback = f"Your generator cannot run: {error}. Write it in Python 3 or C++."
            else:
                generator = Program(source=parsed.code, language=language)
                source = SplitSource(sandbox.untrusted, sandbox.judge, generator, comparison)
                last = Search(
                    [source] * workers,
                    round_budget,
                    seed,
                    confirm,
                    on_progress,
                    stats=stats,
                )
                await last.run()
                if last.found is not None:
                    return last, written
                feedback = await _feedback(last, sandbox, generator, seed)
        messages = [*messages, completion.message(), Message.user(feedback)]
    return last, written


async def _feedback(search: Search, sandbox: Sandbox, generator: Program, seed: int) -> str:
    """What the generator did, for the model's next try."""
    failure = search.failure
    if failure is not None and failure.outcome is StressOutcome.COMPILE_ERROR:
        said = (failure.compile_error or "").strip()[-800:]
        return f"Your generator does not compile:\n{said}\nFix it and answer again."
    if failure is not None and failure.generator is not None:
        return (
            f"Your generator failed on seed {failure.seed}: {describe_run(failure.generator)}. "
            "Fix it and answer again."
        )
    stats = search.stats
    lines = [
        f"Your generator ran; so far {stats.tests} tests were tried and on every test that "
        "counted, the submission and the correct solution gave the same answer."
    ]
    if stats.invalid:
        lines.append(f"{stats.invalid} tests were rejected by the input validator.")
    if stats.skipped:
        lines.append(f"On {stats.skipped} tests the correct solution did not finish in time.")
    if search.stop is not None:
        lines.append(f"The search stopped: {search.stop}.")
    sample = await sandbox.untrusted.generate(generator, 1, seed=seed)
    if sample.inputs:
        text = sample.inputs[0]
        cut = text[:SAMPLE_CHARS] + (" [...]" if len(text) > SAMPLE_CHARS else "")
        lines.append(f"The test it printed for seed {seed + 1}:\n{cut}")
    lines.append(
        "Think again about which inputs make the submission fail, and write a new "
        "generate_tc that produces them (answer with one <action> named generate_tc)."
    )
    return "\n\n".join(lines)
