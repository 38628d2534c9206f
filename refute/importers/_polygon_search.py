"""The failing input of one Polygon wrong solution: which tests are tried, in what order,
for how long, and when a refutation by time counts."""

from __future__ import annotations

import time
from pathlib import Path

from ..judge import Verdict
from ..sandbox import Program, RunStatus
from ._kattis_oracle import KattisOracle
from ._kattis_programs import KattisSubmission
from ._kattis_tests import KattisTest, by_size

SEARCH_SECONDS = 300.0
"""How long the search for one solution's failing input may take: real packages have
hundreds of tests and time limits of many seconds, and a ``rejected`` solution that no
test refutes would otherwise run on every one of them."""

SMALLEST_FIRST = "smallest"
LARGEST_FIRST = "largest"
ORDERS = (SMALLEST_FIRST, LARGEST_FIRST)


def previous_inputs(package: Path) -> dict[str, tuple[str, str]]:
    """``name -> (source, failing input)`` of each incorrect submission of a package
    written by an earlier import (empty when there is none): a re-import tries that input
    first, so that the task does not change when it still refutes the solution."""
    folder = package / "incorrect"
    found: dict[str, tuple[str, str]] = {}
    if not folder.is_dir():
        return found
    for fail in sorted(folder.glob("*.fail.in")):
        name = fail.name.removesuffix(".fail.in")
        sources = [p for p in folder.glob(f"{name}.*") if p.is_file() and p != fail]
        if len(sources) != 1:
            continue
        try:
            found[name] = (
                sources[0].read_bytes().decode("utf-8", "surrogateescape"),
                fail.read_bytes().decode("utf-8", "surrogateescape"),
            )
        except OSError:
            continue
    return found


def ordered(tests: list[KattisTest], order: str, first: str | None = None) -> list[KattisTest]:
    """The tests in search order: the one whose input is ``first`` (the failing input an
    earlier import found), then by size, smallest or largest first.

    >>> tests = [KattisTest("1", "tests/01", "1 2"), KattisTest("2", "tests/02", "3")]
    >>> [t.name for t in ordered(tests, "smallest")], [t.name for t in ordered(tests, "largest")]
    (['2', '1'], ['1', '2'])
    >>> [t.name for t in ordered(tests, "smallest", first="1 2")]
    ['1', '2']
    """
    by = sorted(tests, key=by_size, reverse=order == LARGEST_FIRST)
    known = [t for t in by if first is not None and t.input == first][:1]
    return known + [t for t in by if t not in known]


async def refuting_input(
    oracle: KattisOracle,
    submission: KattisSubmission,
    tests: list[KattisTest],
    *,
    order: str = SMALLEST_FIRST,
    first: str | None = None,
    seconds: float = SEARCH_SECONDS,
) -> tuple[KattisTest | None, str, str]:
    """The test that refutes the submission, or ``None``; with the reason and cause
    of a failure to find one.

    The samples first (a solution failing one is trivially refutable), then ``tests``
    in ``ordered`` order, stopped after ``seconds``.
    """
    assert submission.program is not None
    started = time.monotonic()
    search = await oracle.on_samples(submission)
    if isinstance(search, tuple):
        return None, *search
    queue = ordered(tests, order, first)
    for test in queue:
        if time.monotonic() - started > seconds:
            return (
                None,
                (
                    f"no test refutes it within {seconds:.0f} s: {search.tried} of "
                    f"{len(queue)} tests tried, {order} first"
                ),
                "search time limit",
            )
        verdict, message = await oracle.verdict(search.program, test.input)
        if verdict is Verdict.REFUTED and not await _clearly(oracle, search.program, test, message):
            search.tried += 1
            search.marginal += 1
            continue
        search.record(test, verdict, message)
        if search.done:
            break
    found, reason, cause = search.outcome()
    return found, reason, cause or ("" if found else "other")


async def _clearly(oracle: KattisOracle, program: Program, test: KattisTest, message: str) -> bool:
    """Whether a refutation holds with a margin: one by time must still time out with
    twice the limit, so that the task does not depend on this machine's speed or load
    (the smallest test over the limit would otherwise change from one import to the
    next)."""
    if not message.startswith(str(RunStatus.TIME_LIMIT)):
        return True
    limits = oracle.judge.config.limits(oracle.problem)
    doubled = limits.model_copy(
        update={
            "cpu_ms": 2 * limits.cpu_ms,
            "wall_ms": 2 * limits.wall_ms if limits.wall_ms is not None else None,
        }
    )
    run = await oracle.judge.pool.run(program, test.input, doubled)
    return run.status is RunStatus.TIME_LIMIT
