"""Bytes that are not UTF-8 are program output like any other, through the whole judge."""

from __future__ import annotations

import hashlib
import json

import pytest

from refute.judge import Judge, Reason, Stage, Verdict
from refute.sandbox import Language, Program, Sandbox, as_text, text_bytes

from .aplusb import SUM, MakeTask

FF_WHEN_EQUAL = {
    "py": (
        "import sys\n"
        "a, b = map(int, input().split())\n"
        "sys.stdout.buffer.write(b'\\xff\\n' if a == b else b'%d\\n' % (a + b))\n"
    ),
    "cpp": (
        "#include <cstdio>\n"
        'int main() { long long a, b; std::scanf("%lld %lld", &a, &b);\n'
        '  if (a == b) std::fputs("\\xff\\n", stdout);\n'
        '  else std::printf("%lld\\n", a + b); }\n'
    ),
}
"""Prints a 0xFF byte, and no sum, exactly when a == b (as buggy C++ prints garbage)."""


@pytest.mark.parametrize("ext", sorted(FF_WHEN_EQUAL))
async def test_an_incorrect_submission_printing_0xff_is_refuted_with_wrong_answer(
    make_task: MakeTask, judge: Judge, ext: str
) -> None:
    task = make_task(FF_WHEN_EQUAL[ext], incorrect_ext=ext)
    result = await judge.judge(task, "2 2\n")
    assert result.verdict is Verdict.REFUTED
    assert result.reason is Reason.WRONG_ANSWER
    assert result.message == "run 1: wrong answer: token 1: expected '4', found '\\xff'"


async def test_an_incorrect_submission_printing_0xff_elsewhere_is_not_refuted(
    make_task: MakeTask, judge: Judge
) -> None:
    result = await judge.judge(make_task(FF_WHEN_EQUAL["py"]), "1 2\n")
    assert result.verdict is Verdict.NOT_REFUTED


async def test_a_submission_printing_the_references_bytes_is_accepted(
    make_task: MakeTask, judge: Judge
) -> None:
    """Equal bytes are equal tokens, UTF-8 or not."""
    task = make_task(FF_WHEN_EQUAL["cpp"], reference=FF_WHEN_EQUAL["py"], incorrect_ext="cpp")
    result = await judge.judge(task, "3 3\n")
    assert result.verdict is Verdict.NOT_REFUTED, result.message


async def test_a_custom_checker_gets_the_submissions_bytes_exactly(
    make_task: MakeTask, judge: Judge
) -> None:
    checker = (
        "import sys\n"
        "output = open(sys.argv[2], 'rb').read()\n"
        "sys.stderr.write('got ' + output.hex())\n"
        "sys.exit(0 if output.split() == open(sys.argv[3], 'rb').read().split() else 1)\n"
    )
    result = await judge.judge(make_task(FF_WHEN_EQUAL["py"], checker=checker), "5 5\n")
    assert result.reason is Reason.WRONG_ANSWER
    assert result.message == "run 1: wrong answer: got ff0a"


GENERATOR = "import sys\nsys.stdout.buffer.write(b'1 \\xff2\\n')\n"
BYTES_VALIDATOR = (
    "import sys\n"
    "data = sys.stdin.buffer.read()\n"
    "if data != b'1 \\xff2\\n':\n"
    "    sys.exit('unexpected input: ' + data.hex())\n"
)


async def test_a_generators_bytes_that_are_not_utf8_reach_the_validator_exactly(
    sandbox: Sandbox, make_task: MakeTask, judge: Judge
) -> None:
    generated = await sandbox.untrusted.run(
        Program(source=GENERATOR, language=Language.parse("py"))
    )
    assert text_bytes(generated.stdout) == b"1 \xff2\n"
    task = make_task(FF_WHEN_EQUAL["py"], validator=BYTES_VALIDATOR)
    result = await judge.judge(task, generated.stdout)
    validator = result.runs[0]
    assert validator.stage is Stage.VALIDATOR and validator.status == "OK", validator.message
    assert result.input_bytes == 5
    assert result.input_sha256 == hashlib.sha256(b"1 \xff2\n").hexdigest()


async def test_an_input_the_validator_rejects_for_its_bytes_is_invalid_with_them_escaped(
    make_task: MakeTask, judge: Judge
) -> None:
    rejecting = "import sys\nsys.exit('bad token %r' % sys.stdin.buffer.read().split()[1])\n"
    result = await judge.judge(make_task(SUM, validator=rejecting), as_text(b"1 \xff2\n"))
    assert result.verdict is Verdict.INVALID_INPUT
    assert result.message == "bad token b'\\xff2'"


async def test_a_result_with_bytes_that_are_not_utf8_is_recorded_escaped(
    make_task: MakeTask, judge: Judge
) -> None:
    noisy = "import sys\nsys.stderr.buffer.write(b'warn \\xfe')\n" + FF_WHEN_EQUAL["py"]
    text = as_text(b"7 7\n\xff")
    result = await judge.judge(make_task(noisy, validator="pass\n"), text)
    assert result.reason is Reason.WRONG_ANSWER
    recorded = json.loads(result.model_dump_json())  # does not fail on the bytes
    assert recorded["input"] == "7 7\n\\xff"
    assert recorded["runs"][-1]["message"] == "warn \\xfe"
    assert result.input_bytes == 5


FILL = (
    "import itertools\n"
    "for i in itertools.count():\n"
    "    with open(f'fill{i}', 'wb') as f:\n"
    "        for _ in range(32):\n"
    "            f.write(b'0' * (1 << 20))\n"
)


async def test_an_incorrect_submission_that_fills_its_work_space_is_told_so(
    make_task: MakeTask, judge: Judge
) -> None:
    task = make_task(FILL, time_limit_ms=5000)
    result = await judge.judge(task, "1 2\n")
    assert result.verdict is Verdict.REFUTED and result.reason is Reason.RUNTIME_ERROR
    assert result.message.startswith("run 1: RUNTIME_ERROR (exit code ")
    assert "the work space (512 MB) was full" in result.message


async def test_a_reference_that_fills_its_work_space_is_a_judge_error_saying_so(
    make_task: MakeTask, judge: Judge
) -> None:
    result = await judge.judge(make_task(SUM, reference=FILL, time_limit_ms=5000), "1 2\n")
    assert result.verdict is Verdict.JUDGE_ERROR
    assert result.message.startswith("the reference solution failed: RUNTIME_ERROR")
    assert "the work space (512 MB) was full" in result.message
