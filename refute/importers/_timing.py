"""Refutations that depend on timing: a program that watches the clock and runs past the
time limit.

Such a program (a randomised search that stops after a fixed number of seconds, say)
gives a better answer the more CPU it gets in that time. Its run on a test is inside
refute's limit (twice the problem's in strict mode) but past the problem's own, so its
answer is right on a quiet machine and wrong on a loaded or slower one: a task made of
it would be refuted or not by the machine, not by the input. The importers do not take
such a refutation (``docs/importing.md``, "verdict depends on timing").
"""

from __future__ import annotations

import re

from ..sandbox import Program, RunResult

TIMING = "verdict depends on timing"
"""The cause of a submission refuted only by runs whose answer depends on timing."""

_CLOCKS = {
    "c": re.compile(
        r"\b(?:steady_clock|system_clock|high_resolution_clock|clock_gettime|gettimeofday"
        r"|getrusage|__rdtsc)\b|\bclock\s*\(\s*\)"
    ),
    "python": re.compile(
        r"\btime\.(?:time|perf_counter|monotonic|process_time)(?:_ns)?\b"
        r"|\bfrom\s+time\s+import\b"
    ),
}


def reads_clock(program: Program) -> bool:
    """Whether the source reads a sub-second clock (not ``time(0)``, a seed's usual clock).

    >>> from refute.sandbox import Language
    >>> def cpp(source: str) -> Program:
    ...     return Program(source=source, language=Language.parse("cpp"))
    >>> reads_clock(cpp("auto t = chrono::steady_clock::now();"))
    True
    >>> reads_clock(cpp("srand(time(0)); while (clock() < budget) step();"))
    True
    >>> reads_clock(cpp("srand(time(0));"))
    False
    >>> reads_clock(Program(source="import time\\nstart = time.perf_counter()",
    ...                     language=Language.parse("py")))
    True
    """
    family = "c" if program.language.compiled else "python"
    return _CLOCKS[family].search(program.source) is not None


def timing_dependent(program: Program, run: RunResult, time_limit_ms: int) -> str | None:
    """Why a wrong answer of ``program`` in ``run`` depends on timing, or ``None``.

    >>> from refute.sandbox import Language, RunStatus
    >>> search = Program(source="while (clock() < end) try_one();", language=Language.parse("cpp"))
    >>> run = RunResult(status=RunStatus.OK, cpu_ms=1875.0, wall_ms=1906.0)
    >>> timing_dependent(search, run, 1000)
    'it reads the clock and ran 1906 ms, past the 1000 ms time limit'
    >>> timing_dependent(search, run, 2000) is None
    True
    """
    took = max(run.cpu_ms, run.wall_ms)
    if took <= time_limit_ms or not reads_clock(program):
        return None
    return f"it reads the clock and ran {took:.0f} ms, past the {time_limit_ms} ms time limit"
