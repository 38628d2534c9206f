"""The image's toolchain: C, header files beside a source, Boost, and the recorded versions."""

from __future__ import annotations

import pytest

from refute.sandbox import (
    CompileError,
    Language,
    Program,
    RunStatus,
    Sandbox,
    docker_client,
    toolchain,
)

from ..conftest import TEST_IMAGE

C = Language.parse("C")
CPP20 = Language.parse("C++20")


async def test_c_program_compiles_with_libm_and_runs(sandbox: Sandbox) -> None:
    program = Program(
        source="#include <math.h>\n#include <stdio.h>\n"
        'int main(void){double x; scanf("%lf",&x); printf("%.0f\\n", sqrt(x)); return 0;}',
        language=C,
    )
    result = await sandbox.judge.run(program, "81\n")
    assert (result.status, result.stdout) == (RunStatus.OK, "9\n")


async def test_header_files_are_found_with_quotes_and_angle_brackets(sandbox: Sandbox) -> None:
    program = Program(
        source='#include "twice.h"\n#include <offset.h>\n#include <cstdio>\n'
        'int main(){int x; std::scanf("%d",&x); std::printf("%d\\n", twice(x) + OFFSET);}',
        language=CPP20,
        files=(
            ("twice.h", "inline int twice(int x) { return 2 * x; }\n"),
            ("offset.h", "#define OFFSET 1\n"),
        ),
    )
    result = await sandbox.judge.run(program, "20\n")
    assert (result.status, result.stdout) == (RunStatus.OK, "41\n")


async def test_programs_differing_only_in_their_files_are_compiled_apart(sandbox: Sandbox) -> None:
    def program(value: int) -> Program:
        return Program(
            source='#include "v.h"\n#include <cstdio>\nint main(){std::printf("%d\\n", V);}',
            language=CPP20,
            files=(("v.h", f"#define V {value}\n"),),
        )

    first = await sandbox.judge.run(program(1), "")
    second = await sandbox.judge.run(program(2), "")
    assert (first.stdout, second.stdout) == ("1\n", "2\n")


async def test_a_missing_header_is_a_compile_error_naming_it(sandbox: Sandbox) -> None:
    program = Program(source='#include "absent.h"\nint main(){}', language=CPP20)
    with pytest.raises(CompileError, match=r"absent\.h"):
        await sandbox.judge.compile(program)


async def test_boost_headers_are_in_the_image(sandbox: Sandbox) -> None:
    program = Program(
        source="#include <boost/multiprecision/cpp_int.hpp>\n#include <iostream>\n"
        "int main(){boost::multiprecision::cpp_int x = 1; for (int i = 0; i < 100; i++) x *= 2;"
        " std::cout << x % 1000 << '\\n';}",
        language=CPP20,
    )
    result = await sandbox.judge.run(program, "")
    assert (result.status, result.stdout) == (RunStatus.OK, "376\n")


def test_files_with_directories_in_their_names_are_refused() -> None:
    with pytest.raises(ValueError, match="plain name"):
        Program(source="", language=CPP20, files=(("../x.h", ""),))


async def test_files_beside_a_python_program_are_a_compile_error(sandbox: Sandbox) -> None:
    program = Program(source="print(1)", language=Language.parse("py"), files=(("m.py", ""),))
    with pytest.raises(CompileError, match="not supported"):
        await sandbox.judge.compile(program)


def test_the_image_records_its_toolchain_versions() -> None:
    versions = toolchain(docker_client(), TEST_IMAGE)
    assert versions["gcc"].split(".")[0] == "14"
    assert versions["python"].startswith("3.")
    assert set(versions) >= {"gcc", "python", "pypy", "boost"}
