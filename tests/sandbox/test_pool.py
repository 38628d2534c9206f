"""Running programs through the pools: results, limits, statuses, caching, stress."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from refute.sandbox import (
    Language,
    Limits,
    Program,
    RunStatus,
    Sandbox,
    SandboxConfig,
    StressOutcome,
    docker_client,
)
from refute.sandbox._container import ExecutorLost

from ..conftest import TEST_IMAGE

CPP = Language.parse("GNU C++17")
PY = Language.parse("Python 3")
PYPY = Language.parse("PyPy 3-64")

SUM_CPP = Program(
    source="#include <bits/stdc++.h>\n"
    "int main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}",
    language=CPP,
)
SUM_PY = Program(source="a, b = map(int, input().split())\nprint(a + b)\n", language=PY)


async def test_cpp_program_reads_stdin_and_writes_stdout(sandbox: Sandbox) -> None:
    result = await sandbox.judge.run(SUM_CPP, "2 40\n")
    assert result.status is RunStatus.OK
    assert result.stdout == "42\n"
    assert result.exit_code == 0
    assert result.cpu_ms >= 0 and result.wall_ms > 0 and result.memory_kb > 0


async def test_python_and_pypy_programs_run(sandbox: Sandbox) -> None:
    for language in (PY, PYPY):
        program = SUM_PY.model_copy(update={"language": language})
        result = await sandbox.untrusted.run(program, "5 6\n")
        assert (result.status, result.stdout) == (RunStatus.OK, "11\n")


async def test_cpp20_and_cpp23_modes_compile_their_features(sandbox: Sandbox) -> None:
    cpp20 = Program(
        source="#include <bits/stdc++.h>\nint main(){std::vector<int> v{3,1,2};"
        "std::ranges::sort(v);std::cout<<v[0]<<(std::popcount(7u))<<'\\n';}",
        language=Language.parse("C++20 (GCC 13-64)"),
    )
    cpp23 = Program(
        source='#include <bits/stdc++.h>\nint main(){std::string s="abc";'
        "std::cout<<s.contains('b')<<'\\n';}",
        language=Language.parse("C++23 (GCC 14-64, msys2)"),
    )
    assert (await sandbox.judge.run(cpp20)).stdout == "13\n"
    assert (await sandbox.judge.run(cpp23)).stdout == "1\n"


async def test_compile_error_is_a_result_with_the_compiler_message(sandbox: Sandbox) -> None:
    broken = Program(source="int main() { return x; }", language=CPP)
    result = await sandbox.untrusted.run(broken)
    assert result.status is RunStatus.COMPILE_ERROR
    assert "main.cpp" in result.stderr and "'x' was not declared" in result.stderr


async def test_python_syntax_error_is_a_compile_error(sandbox: Sandbox) -> None:
    result = await sandbox.untrusted.run(Program(source="def f(:\n", language=PY))
    assert result.status is RunStatus.COMPILE_ERROR
    assert "SyntaxError" in result.stderr


async def test_a_source_is_compiled_once_per_pool(sandbox: Sandbox) -> None:
    program = Program(source='#include <cstdio>\nint main(){puts("once");}', language=CPP)
    before = sandbox.untrusted.compilations
    results = await asyncio.gather(*(sandbox.untrusted.run(program) for _ in range(6)))
    assert {r.stdout for r in results} == {"once\n"}
    assert sandbox.untrusted.compilations == before + 1


async def test_nonzero_exit_is_a_runtime_error_with_its_code(sandbox: Sandbox) -> None:
    result = await sandbox.untrusted.run(Program(source="raise SystemExit(3)", language=PY))
    assert result.status is RunStatus.RUNTIME_ERROR
    assert result.exit_code == 3 and result.signal is None


async def test_segfault_is_a_runtime_error_with_its_signal(sandbox: Sandbox) -> None:
    crash = Program(source="int main(){ volatile int *p = nullptr; return *p; }", language=CPP)
    result = await sandbox.untrusted.run(crash)
    assert result.status is RunStatus.RUNTIME_ERROR
    assert result.signal == 11


async def test_cpu_limit_gives_time_limit(sandbox: Sandbox) -> None:
    spin = Program(source="while True:\n    pass\n", language=PY)
    result = await sandbox.untrusted.run(spin, limits=Limits(cpu_ms=300))
    assert result.status is RunStatus.TIME_LIMIT
    assert result.wall_ms < 5000


async def test_exceeding_cpu_time_after_finishing_is_still_a_time_limit(sandbox: Sandbox) -> None:
    slow = Program(source="s = 0\nfor i in range(6 * 10**6):\n    s += i\nprint(s)\n", language=PY)
    result = await sandbox.judge.run(slow, limits=Limits(cpu_ms=50))
    assert result.status is RunStatus.TIME_LIMIT


async def test_cpp_memory_limit_gives_memory_limit(sandbox: Sandbox) -> None:
    hog = Program(
        source="#include <bits/stdc++.h>\nint main(){std::vector<long long> v;"
        "for(;;) v.push_back(1);}",
        language=CPP,
    )
    result = await sandbox.untrusted.run(hog, limits=Limits(memory_mb=128))
    assert result.status is RunStatus.MEMORY_LIMIT


async def test_python_memory_limit_gives_memory_limit(sandbox: Sandbox) -> None:
    hog = Program(source="a = []\nwhile True:\n    a.append([0] * 10**5)\n", language=PY)
    result = await sandbox.untrusted.run(hog, limits=Limits(memory_mb=128))
    assert result.status is RunStatus.MEMORY_LIMIT


async def test_output_cap_gives_output_limit(sandbox: Sandbox) -> None:
    chatty = Program(
        source="import sys\nwhile True:\n    sys.stdout.write('x' * 4096)\n", language=PY
    )
    result = await sandbox.untrusted.run(chatty, limits=Limits(output_bytes=1 << 16))
    assert result.status is RunStatus.OUTPUT_LIMIT
    assert len(result.stdout) <= 1 << 16


async def test_stdin_and_output_bytes_round_trip_exactly(sandbox: Sandbox) -> None:
    echo = Program(
        source="import sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n", language=PY
    )
    text = "line one\r\n  spaced\ttabs \u00e9\n\nno newline at end"
    result = await sandbox.judge.run(echo, text)
    assert result.stdout == text


async def test_arguments_and_files_reach_the_program(sandbox: Sandbox) -> None:
    reader = Program(
        source="import sys\nprint(sys.argv[1], open(sys.argv[2]).read().strip())\n", language=PY
    )
    result = await sandbox.judge.run(
        reader, args=("hello", "note.txt"), files={"note.txt": "world\n"}
    )
    assert result.stdout == "hello world\n"


async def test_large_stack_allows_deep_recursion(sandbox: Sandbox) -> None:
    deep = Program(
        source="#include <bits/stdc++.h>\nint f(int n){ volatile char pad[64]; pad[0]=n;"
        " return n==0?0:1+f(n-1)+pad[0]*0; }\nint main(){ std::cout<<f(2000000)<<'\\n'; }",
        language=CPP,
    )
    result = await sandbox.judge.run(deep, limits=Limits(memory_mb=512))
    assert (result.status, result.stdout) == (RunStatus.OK, "2000000\n")


async def test_stress_returns_the_first_differing_input(sandbox: Sandbox) -> None:
    generator = Program(
        source="import random, sys\nrandom.seed(int(sys.argv[1]))\n"
        "print(random.randint(1, 100), random.randint(1, 100))\n",
        language=PY,
    )
    wrong = Program(
        source="a, b = map(int, input().split())\nprint(a + b if a < 90 else a - b)\n", language=PY
    )
    result = await sandbox.untrusted.stress(generator, wrong, SUM_PY, time_s=30)
    assert result.outcome is StressOutcome.FOUND
    assert result.input is not None
    a, _ = map(int, result.input.split())
    assert a >= 90
    assert result.a is not None and result.b is not None
    assert result.a.stdout != result.b.stdout


async def test_stress_reports_not_found_when_programs_agree(sandbox: Sandbox) -> None:
    generator = Program(source="import sys\nprint(sys.argv[1], 7)\n", language=PY)
    result = await sandbox.untrusted.stress(generator, SUM_PY, SUM_PY, max_iterations=15)
    assert result.outcome is StressOutcome.NOT_FOUND
    assert result.iterations == 15


async def test_stress_counts_a_crash_of_a_as_a_difference(sandbox: Sandbox) -> None:
    generator = Program(source="print(1, 2)\n", language=PY)
    crash = Program(source="raise SystemExit(1)\n", language=PY)
    result = await sandbox.untrusted.stress(generator, crash, SUM_PY, max_iterations=5)
    assert result.outcome is StressOutcome.FOUND
    assert result.a is not None and result.a.status is RunStatus.RUNTIME_ERROR


async def test_stress_reports_a_failing_generator(sandbox: Sandbox) -> None:
    broken = Program(source="import sys\nsys.exit(2)\n", language=PY)
    result = await sandbox.untrusted.stress(broken, SUM_PY, SUM_PY, max_iterations=5)
    assert result.outcome is StressOutcome.GENERATOR_FAILED
    assert result.generator is not None and result.generator.exit_code == 2


async def test_stress_reports_a_compile_error(sandbox: Sandbox) -> None:
    broken = Program(source="int main( {", language=CPP)
    result = await sandbox.untrusted.stress(broken, SUM_PY, SUM_PY, max_iterations=5)
    assert result.outcome is StressOutcome.COMPILE_ERROR
    assert result.compile_error


async def test_stress_with_a_validator_counts_and_skips_invalid_inputs(sandbox: Sandbox) -> None:
    generator = Program(source="import sys\nprint(int(sys.argv[1]) % 4, 1)\n", language=PY)
    positive = Program(
        source="import sys\na, b = map(int, input().split())\nsys.exit(0 if a > 0 else 1)\n",
        language=PY,
    )
    wrong = Program(
        source="a, b = map(int, input().split())\nprint(a + b + (a == 3))\n", language=PY
    )
    result = await sandbox.judge.stress(
        generator, wrong, SUM_PY, validator=positive, max_iterations=8
    )
    assert result.outcome is StressOutcome.FOUND
    assert result.input == "3 1\n"
    assert result.invalid == 0  # seeds 1, 2, 3 give a = 1, 2, 3: all valid
    again = await sandbox.judge.stress(
        generator, SUM_PY, SUM_PY, validator=positive, max_iterations=8
    )
    assert (again.outcome, again.invalid) == (StressOutcome.NOT_FOUND, 2)


async def test_generate_collects_one_input_per_seed(sandbox: Sandbox) -> None:
    generator = Program(source="import sys\nprint('seed', sys.argv[1])\n", language=PY)
    generated = await sandbox.untrusted.generate(generator, 3, seed=10)
    assert generated.inputs == ["seed 11\n", "seed 12\n", "seed 13\n"]
    assert generated.failed is None


async def test_generate_stops_at_a_failing_generator(sandbox: Sandbox) -> None:
    generator = Program(
        source="import sys\nprint(1)\nsys.exit(int(sys.argv[1]) == 2)\n", language=PY
    )
    generated = await sandbox.untrusted.generate(generator, 5)
    assert generated.inputs == ["1\n"]
    assert generated.failed is not None and generated.failed.exit_code == 1


async def test_compare_returns_the_index_of_the_first_difference(sandbox: Sandbox) -> None:
    wrong = Program(source="a, b = map(int, input().split())\nprint(a * b)\n", language=PY)
    inputs = ["2 2\n", "0 0\n", "2 3\n", "5 5\n"]
    result = await sandbox.judge.compare(inputs, wrong, SUM_PY)
    assert (result.outcome, result.index, result.input) == (StressOutcome.FOUND, 2, "2 3\n")


async def test_stdin_can_come_from_a_file(sandbox: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "input.txt"
    source.write_bytes(b"40 2\n")
    result = await sandbox.judge.run(SUM_PY, source)
    assert result.stdout == "42\n"


async def test_an_executor_that_stops_answering_is_given_up_and_replaced(sandbox: Sandbox) -> None:
    pool = sandbox.untrusted
    before = set(pool.container_ids())
    with pytest.raises(ExecutorLost, match="did not answer within 1"):
        async with pool._container() as container:
            pid = (await container.request({"op": "ping"}))["pid"]
            command = ["python3", "-c", f"import os; os.kill({pid}, 19)"]
            stop = docker_client().api.exec_create(container.id, command)
            assert docker_client().api.exec_start(stop["Id"]) == b""
            await container.request({"op": "ping"}, timeout=1)
    assert set(pool.container_ids()) != before  # the stopped one was replaced
    results = await asyncio.gather(*(pool.run(SUM_PY, "1 2\n") for _ in range(pool.size * 2)))
    assert {r.stdout for r in results} == {"3\n"}


def test_a_sandbox_serves_event_loops_besides_the_one_it_started_in() -> None:
    sandbox = Sandbox(SandboxConfig(image=TEST_IMAGE, judge_workers=1, untrusted_workers=1))
    asyncio.run(sandbox.__aenter__())
    try:
        for _ in range(2):  # each asyncio.run is a new event loop
            assert asyncio.run(sandbox.judge.run(SUM_PY, "1 2\n")).stdout == "3\n"
    finally:
        asyncio.run(sandbox.__aexit__(None, None, None))


ECHO = Program(
    source="import sys\ndata = sys.stdin.read()\nsize = int(sys.argv[1])\n"
    "print(len(data), 'x' * size)\nprint('e' * size, file=sys.stderr)\n",
    language=PY,
)


SHRINKING = Program(
    source="import sys\nprint('y' * (5000 if sys.argv[1] == '1' else 1))\n",
    language=PY,
)


async def test_a_run_sees_nothing_of_the_previous_runs_input_or_output() -> None:
    config = SandboxConfig(image=TEST_IMAGE, judge_workers=1, untrusted_workers=1)
    async with Sandbox(config) as sandbox:  # one container: every run follows the last
        long = await sandbox.judge.run(ECHO, "a" * 5000, args=["5000"])
        short = await sandbox.judge.run(ECHO, "b", args=["1"])
        generated = await sandbox.judge.generate(SHRINKING, 2)  # back to back, inside
    assert (long.stdout, long.stderr) == (f"5000 {'x' * 5000}\n", "e" * 5000 + "\n")
    assert (short.stdout, short.stderr) == ("1 x\n", "e\n")
    assert generated.inputs == ["y" * 5000 + "\n", "y\n"]
