"""An "A + B" package written to disk, whose programs tests replace one at a time.

Input: two integers; output: their sum. ``write_task`` returns the loaded task.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Protocol

from refute.problems import Task, load_problem

SUM = "a, b = map(int, input().split())\nprint(a + b)\n"
VALIDATOR = """\
import sys
tokens = sys.stdin.read().split()
if len(tokens) != 2:
    sys.exit("expected two integers, found %d tokens" % len(tokens))
for token in tokens:
    if not token.lstrip("-").isdigit() or abs(int(token)) > 10**9:
        sys.exit("not an integer in [-1e9, 1e9]: %r" % token)
"""
_serial = itertools.count()


class MakeTask(Protocol):
    def __call__(
        self,
        incorrect: str,
        *,
        reference: str = SUM,
        validator: str = VALIDATOR,
        checker: str | None = None,
        incorrect_ext: str = "py",
        toml: str = "",
        time_limit_ms: int = 1000,
        memory_limit_mb: int = 256,
        examples: tuple[tuple[str, str], ...] = (("1 2\n", "3\n"),),
        fail_input: str = "1 1\n",
        invalid: tuple[str, ...] = (),
    ) -> Task: ...


def write_task(
    parent: Path,
    incorrect: str,
    *,
    reference: str = SUM,
    validator: str = VALIDATOR,
    checker: str | None = None,
    incorrect_ext: str = "py",
    toml: str = "",
    time_limit_ms: int = 1000,
    memory_limit_mb: int = 256,
    examples: tuple[tuple[str, str], ...] = (("1 2\n", "3\n"),),
    fail_input: str = "1 1\n",
    invalid: tuple[str, ...] = (),
) -> Task:
    """Write the package into a fresh directory under ``parent`` and load its one task."""
    root = parent / f"{next(_serial)}" / "aplusb"
    (root / "examples").mkdir(parents=True)
    (root / "incorrect").mkdir()
    (root / "problem.toml").write_text(
        f'id = "aplusb"\nname = "A + B"\nsource = "test"\n'
        f"time_limit_ms = {time_limit_ms}\nmemory_limit_mb = {memory_limit_mb}\n{toml}"
    )
    (root / "statement.md").write_text("Add.\n\n## Input\n\na b\n\n## Output\n\na + b\n")
    for index, (text, answer) in enumerate(examples, start=1):
        (root / "examples" / f"{index}.in").write_text(text)
        (root / "examples" / f"{index}.ans").write_text(answer)
    (root / "reference.py").write_text(reference)
    (root / "validator.py").write_text(validator)
    if checker is not None:
        (root / "checker.py").write_text(checker)
    if invalid:
        (root / "invalid").mkdir()
        for index, text in enumerate(invalid, start=1):
            (root / "invalid" / f"{index}.in").write_text(text)
    (root / "incorrect" / f"bug.{incorrect_ext}").write_text(incorrect)
    (root / "incorrect" / "bug.fail.in").write_text(fail_input)
    (task,) = load_problem(root).tasks()
    return task
