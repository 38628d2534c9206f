"""``refute hack`` end to end: real sandbox, bundled task ``charged-pair/int-overflow``."""

from __future__ import annotations

import json
from pathlib import Path

from refute.testing import ModelServer, Reply

from ..support.cli import Cli
from .conftest import PACKAGE, Files

GENERATOR_ACTION = """I will make the two largest charges big.
<action><name>generate_tc</name><code>
import random, sys
rng = random.Random(int(sys.argv[1]))
n = rng.randint(2, 5)
print(n)
print(*(rng.randint(60000, 10**9) for _ in range(n)))
</code><lang>Python 3</lang></action>"""

TIMID_ACTION = """<action><name>generate_tc</name><code>
print(3)
print(1, 2, 3)
</code><lang>Python 3</lang></action>"""


def _valid(text: str) -> bool:
    count, values = text.split("\n")[:2]
    numbers = [int(v) for v in values.split()]
    return int(count) == len(numbers) >= 2 and all(abs(v) <= 10**9 for v in numbers)


def test_a_generator_finds_a_shrunk_valid_counterexample(cli: Cli, files: Files) -> None:
    out = files.root / "kept"
    result = cli(
        "hack", files["sol.cpp"], "--brute", files["brute.cpp"], "--gen", files["gen.py"],
        "--validator", files["val.py"], "--out", str(out), "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["outcome"] == "FOUND" and found["reason"] == "WRONG_ANSWER"
    assert found["seed"] >= 1 and _valid(found["input"])
    assert len(found["input"]) <= len(found["original_input"])
    assert found["difference"]["solution_token"] != found["difference"]["brute_token"]
    assert (out / "input.txt").read_text() == found["input"]
    assert (out / "brute.out").read_text().split() == [found["difference"]["brute_token"]]
    assert json.loads((out / "result.json").read_text())["seed"] == found["seed"]


def test_the_side_by_side_view_names_both_programs_and_the_seed(cli: Cli, files: Files) -> None:
    result = cli(
        "hack", files["sol.cpp"], "--brute", files["brute.cpp"], "--gen", files["gen.py"],
        "--validator", files["val.py"], "--no-minimize",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "counterexample: WRONG_ANSWER, seed " in result.stdout
    assert "solution (sol.cpp)" in result.stdout and "brute (brute.cpp)" in result.stdout
    assert "wrong answer: token 1: expected" in result.stdout


def test_without_generator_or_model_the_examples_are_mutated(cli: Cli, files: Files) -> None:
    result = cli("hack", files["sol.cpp"], "--problem", "charged-pair", "--json")
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["strategy"] == "mutation" and _valid(found["input"])
    assert "a generator (--gen) or a model (--model) would do better" in result.stderr


def test_a_seed_input_is_mutated_when_there_is_no_package(cli: Cli, files: Files) -> None:
    result = cli(
        "hack", files["sol.cpp"], "--brute", files["brute.cpp"], "--validator", files["val.py"],
        "--seed-input", files.write("seed.in", "3\n100000 1 2\n"), "--json", "--no-minimize",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["strategy"] == "mutation"


def test_the_model_stand_in_writes_the_generator(
    cli: Cli, files: Files, model_server: ModelServer
) -> None:
    model_server.script([Reply(GENERATOR_ACTION)])
    result = cli(
        "hack", files["sol.cpp"], "--problem", "charged-pair", "--model", "openai/test-model",
        "--json", "--no-minimize",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert (found["strategy"], found["model_rounds"]) == ("model", 1)
    (request,) = model_server.requests
    sent = json.dumps(request.body)
    assert "a[n - 1] * a[n - 2]" in sent  # the solution is shown
    assert "generate_tc" in sent


def test_the_model_sees_what_its_last_generator_did(
    cli: Cli, files: Files, model_server: ModelServer
) -> None:
    model_server.script([Reply(TIMID_ACTION), Reply(GENERATOR_ACTION)])
    result = cli(
        "hack", files["sol.cpp"], "--problem", "charged-pair", "--model", "openai/test-model",
        "--budget", "60", "--rounds", "2", "--json", "--no-minimize",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["model_rounds"] == 2
    feedback = json.dumps(model_server.requests[1].body)
    assert "the submission and the correct solution gave the same answer" in feedback
    assert "1 2 3" in feedback  # a sample of what the timid generator printed


def test_a_correct_solution_runs_out_the_budget_and_exits_1(cli: Cli, files: Files) -> None:
    result = cli(
        "hack", files["brute.cpp"], "--brute", files["brute.cpp"], "--gen", files["gen.py"],
        "--budget", "60",
    )  # fmt: skip
    assert result.code == 1, result.stderr
    assert "not found: no counterexample within 60 tests" in result.stdout


def test_a_crashing_brute_is_blamed_not_the_solution(cli: Cli, files: Files) -> None:
    brute = files.write("brute.py", "n = int(input())\nprint(n // 0)\n")
    result = cli("hack", files["sol.cpp"], "--brute", brute, "--gen", files["gen.py"])
    assert result.code == 2
    assert "brute.py: the brute (not the solution) crashed" in result.stderr
    assert "ZeroDivisionError" in result.stderr and "Traceback" not in result.stderr.split(":")[0]


def test_a_program_that_does_not_compile_is_named(cli: Cli, files: Files) -> None:
    broken = files.write("broken.cpp", "int main() { return undefined_name; }\n")
    result = cli("hack", broken, "--brute", files["brute.cpp"], "--gen", files["gen.py"])
    assert result.code == 2
    assert "broken.cpp: the solution does not compile" in result.stderr
    assert "undefined_name" in result.stderr


def test_a_validator_that_rejects_everything_is_named(cli: Cli, files: Files) -> None:
    validator = files.write("strict.py", "import sys\nsys.exit(1)\n")
    result = cli(
        "hack", files["sol.cpp"], "--brute", files["brute.cpp"], "--gen", files["gen.py"],
        "--validator", validator,
    )  # fmt: skip
    assert result.code == 2
    assert "strict.py: the validator rejected all" in result.stderr


def test_bad_usage_exits_2_with_one_line(cli: Cli, files: Files) -> None:
    missing = cli("hack", files["sol.cpp"], "--gen", files["gen.py"])
    assert missing.code == 2 and "--brute BRUTE is needed" in missing.stderr
    budget = cli("hack", files["sol.cpp"], "--brute", files["brute.cpp"], "--budget", "soon")
    assert budget.code == 2 and "--budget 'soon'" in budget.stderr
    nothing = cli("hack", files["sol.cpp"], "--brute", files["brute.cpp"])
    assert nothing.code == 2 and "nothing to search with" in nothing.stderr
    unknown = cli("hack", files["sol.cpp"], "--problem", "no-such-problem")
    assert unknown.code == 2 and "unknown problem 'no-such-problem'" in unknown.stderr


def test_the_package_brute_and_limits_are_used_with_problem(cli: Cli, files: Files) -> None:
    python_solution = str(PACKAGE / "incorrect" / "two-largest.py")
    result = cli(
        "hack", python_solution, "--problem", "charged-pair", "--gen", files["gen.py"],
        "--no-minimize",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "brute (charged-pair reference)" in result.stdout
    assert Path(python_solution).name in result.stdout


LAST_BEST_CUT = """n = int(input())
a = list(map(int, input().split()))
total, left, best, cut = sum(a), 0, None, 1
for k in range(1, n):
    left += a[k - 1]
    gap = abs(total - 2 * left)
    if best is None or gap <= best:
        best, cut = gap, k
print(cut)
"""
"""Right, but on ties it prints the last best cut where the reference may print another."""

TIE_GENERATOR = """import random, sys
rng = random.Random(int(sys.argv[1]))
n = rng.randint(2, 5)
print(n)
print(*(rng.randint(1, 2) for _ in range(n)))
"""


def test_a_difference_the_checker_accepts_is_not_a_counterexample(cli: Cli, files: Files) -> None:
    solution = files.write("last_cut.py", LAST_BEST_CUT)
    generator = files.write("ties.py", TIE_GENERATOR)
    result = cli(
        "hack", solution, "--problem", "ribbon-cut", "--gen", generator, "--budget", "30",
        "--json",
    )  # fmt: skip
    assert result.code == 1, result.stdout + result.stderr
    stats = json.loads(result.stdout)["stats"]
    assert stats["accepted"] >= 1 and stats["tests"] >= 10


SLOW_ON_SIX = """n = int(input())
a = sorted(map(int, input().split()))
while n == 6:
    pass
print(max(a[0] * a[1], a[-1] * a[-2]))
"""
"""Right, and never finishes on six charges."""


def test_a_solution_too_slow_on_some_test_is_caught_by_the_time_limit(
    cli: Cli, files: Files
) -> None:
    slow = files.write("slow.py", SLOW_ON_SIX)
    result = cli(
        "hack", slow, "--brute", files["brute.cpp"], "--gen", files["gen.py"],
        "--time-limit", "0.5", "--no-minimize", "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["reason"] == "TIME_LIMIT"
    assert found["input"].split()[0] == "6"
