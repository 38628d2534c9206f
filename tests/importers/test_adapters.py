"""Kattis validators adapted to refute's contracts, run in the real judge pool."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refute.importers._adapters import (
    AdapterError,
    cpp_input_validator,
    cpp_input_validators,
    ctd_to_python,
    default_checker,
    inline_includes,
    literal,
    python_input_validator,
    python_output_validator,
)
from refute.judge import CHECKER_FILES, interpret_checker
from refute.sandbox import Language, Program, Sandbox

KATTIS_CHECKER = """import sys
team = sys.stdin.read().split()
answer = open(sys.argv[2]).read().split()
if [t.lower() for t in team] == [a.lower() for a in answer]:
    sys.exit(42)
open(sys.argv[3] + "judgemessage.txt", "w").write("differs from the answer")
sys.exit(43)
"""


def python(source: str) -> Program:
    return Program(source=source, language=Language.parse("Python 3"))


@pytest.mark.parametrize("text", ["", "x", "a'''b", "ends with a quote'", "back\\", "cr\r\n"])
def test_literal_gives_back_the_exact_text(text: str) -> None:
    assert eval(literal(text)) == text


def test_includes_are_inlined_once(tmp_path: Path) -> None:
    (tmp_path / "a.h").write_text('#pragma once\n#include "b.h"\nint a;\n')
    (tmp_path / "b.h").write_text("#pragma once\nint b;\n")
    (tmp_path / "main.cpp").write_text('#include "a.h"\n#include "b.h"\n#include <vector>\n')
    source = inline_includes(tmp_path / "main.cpp", tmp_path)
    assert source.count("int b;") == 1 and "int a;" in source
    assert "#include <vector>" in source and "pragma once" not in source


def test_a_missing_header_is_an_adapter_error(tmp_path: Path) -> None:
    (tmp_path / "main.cpp").write_text('#include "testlib.h"\n')
    with pytest.raises(AdapterError, match="does not ship"):
        inline_includes(tmp_path / "main.cpp", tmp_path)


def test_an_angle_include_of_a_shipped_header_is_inlined(tmp_path: Path) -> None:
    (tmp_path / "validation.h").write_text("int shipped;\n")
    (tmp_path / "main.cpp").write_text("#include <validation.h>\n#include <string>\n")
    source = inline_includes(tmp_path / "main.cpp", tmp_path, (tmp_path,))
    assert "int shipped;" in source and "#include <string>" in source


def test_a_dangling_link_takes_the_packages_one_real_copy(tmp_path: Path) -> None:
    (tmp_path / "generators").mkdir()
    (tmp_path / "generators" / "validate.h").write_text("int real_copy;\n")
    folder = tmp_path / "input_validators" / "v"
    folder.mkdir(parents=True)
    (folder / "validate.h").symlink_to("../../../../skel/validate.h")
    (folder / "v.cpp").write_text('#include "validate.h"\n')
    assert "int real_copy;" in inline_includes(folder / "v.cpp", tmp_path, (folder,))
    (tmp_path / "generators" / "other").mkdir()
    (tmp_path / "generators" / "other" / "validate.h").write_text("int another;\n")
    with pytest.raises(AdapterError, match="symbolic link points outside the package"):
        inline_includes(folder / "v.cpp", tmp_path, (folder,))  # two copies: which one?


async def test_cpp_validator_gets_its_flags_and_runs_the_others_first(sandbox: Sandbox) -> None:
    validator = """#include <cstdio>
#include <cstdlib>
#include <cstring>
int main(int argc, char** argv) {
    long long x, limit = argc > 2 && !strcmp(argv[1], "--max") ? atoll(argv[2]) : 0;
    if (scanf("%lld", &x) != 1 || x > limit) return 43;
    return 42;
}
"""
    even = "import sys\nsys.exit(42 if int(sys.stdin.read()) % 2 == 0 else 43)\n"
    others = python_input_validator("fixture", [("even.py", "python", [], even)])
    source = cpp_input_validator("fixture", validator, ["--max", "10"], others)
    program = Program(source=source, language=Language.parse("C++20"))
    assert (await sandbox.judge.run(program, "8\n")).ok
    assert (await sandbox.judge.run(program, "12\n")).exit_code == 1  # over --max
    odd = await sandbox.judge.run(program, "7\n")
    assert odd.exit_code == 1 and "even.py rejects the input" in odd.stderr


async def test_several_cpp_validators_in_one_program_must_all_accept(sandbox: Sandbox) -> None:
    # Both define LIMIT and include a header with the same include guard, and each has
    # its own main (one with arguments, one without): one program must keep them apart.
    header = "#ifndef READ_H\n#define READ_H\nlong long read() { long long x = -1; "
    header += 'if (scanf("%lld", &x) != 1) exit(43); return x; }\n#endif\n'
    at_most = (
        header
        + """#include <cstdlib>
#include <cstring>
#define LIMIT 100
int main(int argc, char** argv) {
    long long limit = argc > 2 && !strcmp(argv[1], "--max") ? atoll(argv[2]) : LIMIT;
    return read() <= limit ? 42 : 43;
}
"""
    )
    even = (
        header
        + """#include <cstdio>
#define LIMIT 2
int main() { return read() % LIMIT == 0 ? 42 : 43; }
"""
    )
    validators = [("at_most", at_most, ["--max", "10"]), ("even", even, [])]
    odd = "import sys\nsys.exit(42 if int(sys.stdin.read()) > 0 else 43)\n"
    others = python_input_validator("fixture", [("positive.py", "python", [], odd)])
    source = cpp_input_validators("fixture", validators, others)
    program = Program(source=source, language=Language.parse("C++20"))
    assert (await sandbox.judge.run(program, "8\n")).ok
    over = await sandbox.judge.run(program, "12\n")
    assert over.exit_code == 1 and "at_most rejects the input" in over.stderr
    odd_run = await sandbox.judge.run(program, "7\n")
    assert odd_run.exit_code == 1 and "even rejects the input" in odd_run.stderr
    negative = await sandbox.judge.run(program, "-2\n")
    assert negative.exit_code == 1 and "positive.py rejects the input" in negative.stderr


def test_a_ctd_script_that_does_not_parse_is_an_adapter_error() -> None:
    with pytest.raises(AdapterError, match=r"bad\.ctd"):
        ctd_to_python(b"INT(1,\n", "bad.ctd")


async def test_wrapped_python_and_ctd_validators_must_all_accept(sandbox: Sandbox) -> None:
    ctd = ctd_to_python(b"INT(1,9,n) NEWLINE\n", "n.ctd")
    odd = "import sys\nsys.exit(42 if int(sys.stdin.read()) % 2 else 43)\n"
    validator = python(
        python_input_validator(
            "fixture", [("n_ctd.py", "ctd", [], ctd), ("odd.py", "python", [], odd)]
        )
    )
    assert (await sandbox.judge.run(validator, "3\n")).ok
    even = await sandbox.judge.run(validator, "4\n")
    assert even.exit_code == 1 and "odd.py rejects the input (exit 43)" in even.stderr
    big = await sandbox.judge.run(validator, "12\n")
    assert big.exit_code == 1 and "n_ctd.py rejects the input" in big.stderr


async def test_wrapped_python_output_validator_follows_the_checker_contract(
    sandbox: Sandbox,
) -> None:
    checker = python(python_output_validator("fixture", "check.py", KATTIS_CHECKER, []))

    async def judged(output: str) -> tuple[bool, bool, str]:
        files = dict(zip(CHECKER_FILES, ("1\n", output, "YES\n"), strict=True))
        run = await sandbox.judge.run(checker, "", args=CHECKER_FILES, files=files)
        result = interpret_checker(run)
        return result.accepted, result.failed, result.message

    assert await judged("yes\n") == (True, False, "accepted")
    assert await judged("no\n") == (False, False, "differs from the answer")


def run_checker(tmp_path: Path, source: str, output: str, answer: str) -> int:
    (tmp_path / "checker.py").write_text(source)
    for name, text in zip(CHECKER_FILES, ("\n", output, answer), strict=True):
        (tmp_path / name).write_text(text)
    done = subprocess.run(
        [sys.executable, "checker.py", *CHECKER_FILES], cwd=tmp_path, capture_output=True
    )
    return done.returncode


def test_default_checker_is_case_insensitive_unless_asked(tmp_path: Path) -> None:
    insensitive = default_checker(
        "x", [], case_sensitive=False, space_sensitive=False, abs_tolerance=None, rel_tolerance=None
    )
    sensitive = default_checker(
        "x",
        ["case_sensitive"],
        case_sensitive=True,
        space_sensitive=False,
        abs_tolerance=None,
        rel_tolerance=None,
    )
    assert run_checker(tmp_path, insensitive, "Hello  World\n", "hello world") == 0
    assert run_checker(tmp_path, sensitive, "Hello World\n", "hello world") == 1


def test_default_checker_with_space_change_sensitive_and_tolerance(tmp_path: Path) -> None:
    checker = default_checker(
        "x",
        ["space_change_sensitive", "float_tolerance", "0.01"],
        case_sensitive=False,
        space_sensitive=True,
        abs_tolerance=0.01,
        rel_tolerance=0.01,
    )
    assert run_checker(tmp_path, checker, "1.004 2\n", "1 2\n") == 0
    assert run_checker(tmp_path, checker, "1  2\n", "1 2\n") == 1
    assert run_checker(tmp_path, checker, "1.1 2\n", "1 2\n") == 1
