"""The bundled validators, with the sandbox's reading helper inlined, run alone: with a
plain isolated ``python3`` outside refute they accept the examples and failing inputs and
reject the invalid inputs, as ``refute problems check`` requires of them in the sandbox."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refute.problems import Problem, load_problems
from refute.sandbox import standalone_validator

PROBLEMS = load_problems().problems


def _verdict(path: Path, data: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-I", str(path)],  # -I: nothing of refute or of the cwd on sys.path
        input=data.encode("utf-8", "surrogateescape"),
        capture_output=True,
        cwd=path.parent,
        timeout=60,
    )
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.parametrize("problem", PROBLEMS, ids=[p.id for p in PROBLEMS])
def test_an_inlined_bundled_validator_gives_the_packages_verdicts(
    problem: Problem, tmp_path: Path
) -> None:
    assert "from refute_validate import" in problem.validator.source
    path = tmp_path / "validator.py"
    path.write_text(standalone_validator(problem.validator.source), encoding="utf-8")
    valid = [e.input for e in problem.examples] + [s.fail_input for s in problem.incorrect]
    for data in valid:
        assert _verdict(path, data) == (0, "")
    for invalid in problem.invalid_inputs:
        code, message = _verdict(path, invalid.input)
        assert code == 1 and message.endswith("\n") and message.count("\n") == 1, invalid.name
