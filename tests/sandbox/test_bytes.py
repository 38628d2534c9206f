"""Program bytes travel between host and executor exactly, whatever they are.

Every byte value 0..255 on stdout, stderr and stdin, in both pools, from C++ and
Python, through single runs and the in-container loops; shown or recorded, the bytes
that are not UTF-8 are escaped, never a crash.
"""

from __future__ import annotations

import base64
import json

import pytest

from refute.sandbox import (
    Generated,
    Language,
    Limits,
    Program,
    Role,
    RunResult,
    RunStatus,
    Sandbox,
    SandboxPool,
    StressOutcome,
    as_text,
    printable_text,
    text_bytes,
)
from refute.sandbox._pool import _run_request

EVERY_BYTE = bytes(range(256))

PRINT_EVERY_BYTE = {
    "Python 3": (
        "import sys\n"
        "sys.stdout.buffer.write(bytes(range(256)))\n"
        "sys.stderr.buffer.write(bytes(range(256)))\n"
    ),
    "C++17": (
        "#include <cstdio>\n"
        "int main() {\n"
        "  for (int i = 0; i < 256; ++i) { std::putchar(i); std::fputc(i, stderr); }\n"
        "}\n"
    ),
}
ECHO = {
    "Python 3": "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n",
    "C++17": (
        "#include <cstdio>\n"
        "int main() { int c; while ((c = std::getchar()) != EOF) std::putchar(c); }\n"
    ),
}
LANGUAGES = sorted(PRINT_EVERY_BYTE)
ROLES = [Role.JUDGE, Role.UNTRUSTED]


def _pool(sandbox: Sandbox, role: Role) -> SandboxPool:
    return sandbox.judge if role is Role.JUDGE else sandbox.untrusted


def _program(source: str, language: str) -> Program:
    return Program(source=source, language=Language.parse(language))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
async def test_every_byte_value_on_stdout_and_stderr_arrives_exactly(
    sandbox: Sandbox, role: Role, language: str
) -> None:
    result = await _pool(sandbox, role).run(_program(PRINT_EVERY_BYTE[language], language))
    assert result.status is RunStatus.OK, result.stderr
    assert text_bytes(result.stdout) == EVERY_BYTE
    assert text_bytes(result.stderr) == EVERY_BYTE


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
async def test_every_byte_value_on_stdin_reaches_the_program_exactly(
    sandbox: Sandbox, role: Role, language: str
) -> None:
    pool = _pool(sandbox, role)
    echo = _program(ECHO[language], language)
    from_text = await pool.run(echo, as_text(EVERY_BYTE))
    from_bytes = await pool.run(echo, EVERY_BYTE)
    assert text_bytes(from_text.stdout) == text_bytes(from_bytes.stdout) == EVERY_BYTE


async def test_a_programs_output_fed_on_as_input_keeps_its_bytes(sandbox: Sandbox) -> None:
    printed = await sandbox.untrusted.run(_program(PRINT_EVERY_BYTE["C++17"], "C++17"))
    echoed = await sandbox.judge.run(_program(ECHO["Python 3"], "Python 3"), printed.stdout)
    assert text_bytes(echoed.stdout) == EVERY_BYTE


async def test_a_run_with_bytes_that_are_not_utf8_serialises_them_escaped(
    sandbox: Sandbox,
) -> None:
    result = await sandbox.judge.run(_program(PRINT_EVERY_BYTE["Python 3"], "Python 3"))
    recorded = json.loads(result.model_dump_json())
    assert recorded["stdout"] == printable_text(result.stdout)
    assert recorded["stdout"].endswith("\\xfd\\xfe\\xff")
    assert "\\x80" in recorded["stderr"]


async def test_a_generators_bytes_come_back_from_generate_exactly(sandbox: Sandbox) -> None:
    generated = await sandbox.untrusted.generate(
        _program(PRINT_EVERY_BYTE["Python 3"], "Python 3"), 2
    )
    assert generated.failed is None
    assert [text_bytes(text) for text in generated.inputs] == [EVERY_BYTE, EVERY_BYTE]
    recorded = Generated.model_validate_json(generated.model_dump_json())
    assert recorded.inputs[0].endswith("\\xff")


FF_THEN_NUMBER = "import sys\nsys.stdout.buffer.write(b'\\xff ' + sys.stdin.buffer.read())\n"
NUMBER = "import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n"


async def test_compare_finds_a_difference_of_bytes_that_are_not_utf8(sandbox: Sandbox) -> None:
    inputs = [as_text(b"1\n"), as_text(b"\xfe\n")]
    found = await sandbox.judge.compare(
        inputs, _program(FF_THEN_NUMBER, "py"), _program(NUMBER, "py"), limits=Limits()
    )
    assert found.outcome is StressOutcome.FOUND and found.index == 0
    assert found.a is not None and text_bytes(found.a.stdout) == b"\xff 1\n"
    same = await sandbox.judge.compare(
        inputs[1:], _program(NUMBER, "py"), _program(ECHO["C++17"], "cpp")
    )
    assert same.outcome is StressOutcome.NOT_FOUND  # equal bytes, UTF-8 or not, are equal


async def test_stress_returns_a_generated_input_that_is_not_utf8_exactly(
    sandbox: Sandbox,
) -> None:
    generator = _program("import sys\nsys.stdout.buffer.write(b'\\x80\\xff\\n')\n", "py")
    found = await sandbox.untrusted.stress(
        generator, _program(FF_THEN_NUMBER, "py"), _program(NUMBER, "py"), max_iterations=3
    )
    assert found.outcome is StressOutcome.FOUND
    assert found.input is not None and text_bytes(found.input) == b"\x80\xff\n"
    assert found.b is not None and text_bytes(found.b.stdout) == b"\x80\xff\n"
    assert json.loads(found.model_dump_json())["input"] == "\\x80\\xff\n"


async def test_utf8_output_travels_as_text_and_other_bytes_as_marked_base64(
    sandbox: Sandbox,
) -> None:
    """The cheap encoding whenever it can carry the bytes (see the executor's protocol)."""
    async with sandbox.judge._container() as container:
        utf8 = await container.request(_run_request(["/bin/echo", "-n", "naïve ✓"], "", Limits()))
        other = await container.request(_run_request(["/usr/bin/printf", "ok\\377"], "", Limits()))
    assert "b64" not in utf8 and utf8["stdout"] == "naïve ✓"
    assert other["b64"] is True and base64.b64decode(other["stdout"]) == b"ok\xff"


async def test_utf8_text_and_other_bytes_in_one_run_both_arrive_exactly(
    sandbox: Sandbox,
) -> None:
    program = _program(
        "import sys\n"
        "data = sys.stdin.buffer.read()\n"
        "sys.stdout.buffer.write(data[:3])\n"
        "sys.stderr.buffer.write(data[3:])\n",
        "py",
    )
    result = await sandbox.judge.run(program, as_text("✓".encode() + b"\xfe\n"))
    assert (text_bytes(result.stdout), text_bytes(result.stderr)) == ("✓".encode(), b"\xfe\n")
    assert result.stdout == "✓"


def test_printable_text_escapes_only_the_bytes_that_are_not_utf8() -> None:
    text = as_text("naïve ".encode() + b"\xff\x00")
    assert printable_text(text) == "naïve \\xff\x00"
    assert printable_text("plain") == "plain"
    printable_text("\ud800").encode("utf-8")  # a lone surrogate no byte maps to: no crash


def test_a_run_result_from_python_keeps_its_text_as_given() -> None:
    """Only replies from the executor carry base64: a result made here is taken as is."""
    assert RunResult(status=RunStatus.OK, stdout="aGk=").stdout == "aGk="


# -- a program that fills its work space ------------------------------------------------

FILL = {
    "Python 3": (
        "import itertools\n"
        "for i in itertools.count():\n"
        "    with open(f'fill{i}', 'wb') as f:\n"
        "        for _ in range(32):\n"
        "            f.write(b'0' * (1 << 20))\n"
    ),
    "C++17": (
        "#include <cstdio>\n"
        "#include <vector>\n"
        "int main() {\n"
        "  std::vector<char> chunk(1 << 20, 'x');\n"
        "  for (int i = 0;; ++i) {\n"
        '    char name[32]; std::snprintf(name, sizeof name, "fill%d", i);\n'
        '    std::FILE* f = std::fopen(name, "wb");\n'
        "    if (!f) return 3;\n"
        "    for (int j = 0; j < 32; ++j)\n"
        "      if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) return 4;\n"
        "    std::fclose(f);\n"
        "  }\n"
        "}\n"
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_program_that_fills_its_work_space_is_told_so(
    sandbox: Sandbox, language: str
) -> None:
    result = await sandbox.untrusted.run(_program(FILL[language], language), "", Limits())
    assert result.status is RunStatus.RUNTIME_ERROR
    assert result.work_space_full_mb == 512
    assert result.describe().endswith(": the work space (512 MB) was full")
    after = await sandbox.untrusted.run(_program("print(1)", "py"))
    assert after.ok and after.work_space_full_mb is None  # the space was given back


async def test_a_failing_program_that_wrote_nothing_is_not_said_to_fill_anything(
    sandbox: Sandbox,
) -> None:
    result = await sandbox.untrusted.run(_program("raise SystemExit(3)", "py"))
    assert result.describe() == "RUNTIME_ERROR (exit code 3)"
