"""``--minimize``: shrink a refuting input while it stays valid and refuting.

Delta debugging (Zeller's ddmin) over lines, then over the tokens of each line, then
smaller numbers for each integer token. Every candidate is judged for real (validator,
reference, incorrect submission), so the result is always a valid refuting input; the
number of judge calls is capped.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from ..judge import Judge, Verdict
from ..problems import Task

_INTEGER = re.compile(r"-?\d+")


class _Budget:
    def __init__(self, calls: int):
        self.calls = calls


async def _ddmin(
    items: list[str],
    join: Callable[[list[str]], str],
    test: Callable[[str], Awaitable[bool]],
    budget: _Budget,
) -> list[str]:
    chunks = 2
    while len(items) >= 2 and budget.calls > 0:
        size = max(1, len(items) // chunks)
        reduced = False
        for start in range(0, len(items), size):
            complement = items[:start] + items[start + size :]
            if complement and budget.calls > 0 and await test(join(complement)):
                items, chunks, reduced = complement, max(chunks - 1, 2), True
                break
        if not reduced:
            if size == 1:
                break
            chunks = min(len(items), chunks * 2)
    return items


async def minimize(judge: Judge, task: Task, text: str, max_calls: int = 150) -> str:
    """A smaller input that is still valid and still refutes ``task``'s submission.

    >>> await minimize(judge, task, "5\\n1 2 3 4 100000\\n")   # doctest: +SKIP
    '2\\n1 100000\\n'
    """
    budget = _Budget(max_calls)
    trailing = "\n" if text.endswith("\n") else ""

    async def refutes(candidate: str) -> bool:
        budget.calls -= 1
        result = await judge.judge(task, candidate)
        return result.verdict is Verdict.REFUTED

    lines = text.splitlines()
    lines = await _ddmin(lines, lambda ls: "\n".join(ls) + trailing, refutes, budget)
    for index in range(len(lines)):
        tokens = lines[index].split(" ")
        counter = _counter(lines, index, len(tokens))

        def rebuild(
            toks: list[str], at: int = index, count: tuple[int, int] | None = counter
        ) -> str:
            before = list(lines[:at])
            if count is not None:  # keep "n" in step with the n tokens that follow it
                row, column = count
                header = before[row].split(" ")
                header[column] = str(len(toks))
                before[row] = " ".join(header)
            return "\n".join([*before, " ".join(toks), *lines[at + 1 :]]) + trailing

        tokens = await _ddmin(tokens, rebuild, refutes, budget)
        for position, token in enumerate(tokens):
            if not _INTEGER.fullmatch(token) or budget.calls <= 0:
                continue
            for smaller in _smaller(int(token)):
                trial = [*tokens[:position], str(smaller), *tokens[position + 1 :]]
                if budget.calls > 0 and await refutes(rebuild(trial)):
                    tokens = trial
                    break
        if counter is not None:
            row, column = counter
            header = lines[row].split(" ")
            header[column] = str(len(tokens))
            lines[row] = " ".join(header)
        lines[index] = " ".join(tokens)
    return "\n".join(lines) + trailing


def _counter(lines: list[str], index: int, count: int) -> tuple[int, int] | None:
    """The nearest earlier token equal to this line's length: probably its count."""
    for row in range(index - 1, -1, -1):
        for column, token in enumerate(lines[row].split(" ")):
            if token == str(count) and count > 1:
                return row, column
    return None


def _smaller(value: int) -> list[int]:
    """Candidates closer to zero, most aggressive first."""
    magnitude = abs(value)
    if magnitude <= 1:
        return [0] if value else []
    options = [0, 1, magnitude // 2, magnitude - 1]
    sign = -1 if value < 0 else 1
    seen: list[int] = []
    for option in options:
        candidate = sign * option
        if abs(candidate) < magnitude and candidate not in seen:
            seen.append(candidate)
    return seen
