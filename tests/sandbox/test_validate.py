"""The validators' reading helper: provided beside every Python program in a container,
restored when a program spoils it, and inlined into validators that must run alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from refute.sandbox import (
    Language,
    Program,
    RunStatus,
    Sandbox,
    SandboxConfig,
    StressOutcome,
    standalone_validator,
)

from ..conftest import TEST_IMAGE

PY = Language.parse("Python 3")
PAIR = Program(
    source="from refute_validate import Reader\n"
    "reader = Reader.stdin()\nreader.ints(2, 1, 9, 'a and b')\nreader.end()\n",
    language=PY,
)


async def test_a_python_validator_imports_the_helper_in_either_pool(sandbox: Sandbox) -> None:
    for pool in (sandbox.judge, sandbox.untrusted):
        accepted = await pool.run(PAIR, "1 2\n")
        rejected = await pool.run(PAIR, "1 20\n")
        assert accepted.status is RunStatus.OK, accepted.stderr
        assert rejected.status is RunStatus.RUNTIME_ERROR and rejected.exit_code == 1
        assert rejected.stderr == "line 1: a and b: 20 is out of range [1, 9]\n"


async def test_a_program_that_spoils_the_helper_does_not_spoil_the_next_run() -> None:
    spoiler = Program(
        source="open('/work/store/refute_validate.py', 'w').write('Reader = None\\n')\n",
        language=PY,
    )
    config = SandboxConfig(image=TEST_IMAGE, judge_workers=1, untrusted_workers=1)
    async with Sandbox(config) as alone:  # one container: the spoiled one runs next
        for _ in range(2):
            assert (await alone.judge.run(spoiler)).status is RunStatus.OK
            rejected = await alone.judge.run(PAIR, "1 2 3\n")
            assert rejected.stderr == "line 1: expected 2 integer(s) (a and b), found 3\n"


async def test_a_stress_loop_validates_with_the_helper(sandbox: Sandbox) -> None:
    generator = Program(source="import sys\nprint(int(sys.argv[1]) * 3, 1)\n", language=PY)
    echo = Program(source="print(input())\n", language=PY)
    result = await sandbox.judge.stress(generator, echo, echo, validator=PAIR, max_iterations=6)
    assert (result.outcome, result.invalid) == (StressOutcome.NOT_FOUND, 3)  # 12, 15, 18


def test_an_inlined_validator_runs_with_plain_python(tmp_path: Path) -> None:
    path = tmp_path / "validator.py"
    path.write_text(standalone_validator(PAIR.source))
    verdicts = [
        subprocess.run(
            [sys.executable, "-I", str(path)], input=data, capture_output=True, cwd=tmp_path
        )
        for data in (b"1 2\n", b"1 20\n")
    ]
    assert [(v.returncode, v.stderr) for v in verdicts] == [
        (0, b""),
        (1, b"line 1: a and b: 20 is out of range [1, 9]\n"),
    ]
