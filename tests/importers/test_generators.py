"""BAPCtools ``generators.yaml``: the plan read from it, and the tests its generators make."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from refute.importers import GeneratorPlan, read_generators, seed_of
from refute.importers._generators import run_generators
from refute.importers._skip import Skip
from refute.sandbox import Program, Sandbox

from .conftest import ARCHIVE

MAXPAIR = ARCHIVE / "regional-2031" / "problems" / "maxpair"


def plan_of(directory: Path) -> GeneratorPlan:
    plan = read_generators(directory)
    assert plan is not None
    return plan


def test_seed_is_bapctools_hash_of_salt_and_command() -> None:
    command = "gen.py {seed} 6 -20 20"
    expected = int(hashlib.sha512(("fixture" + command).encode()).hexdigest(), 16) % 2**31
    assert seed_of(command, "fixture") == expected
    second = int(hashlib.sha512(b"fixture:1" + command.encode()).hexdigest(), 16) % 2**31
    assert seed_of(command, "fixture", count=2) == second


def test_list_items_are_numbered_and_groups_nest() -> None:
    paths = [test.path for test in plan_of(MAXPAIR).tests]
    assert paths == [
        "data/secret/1-random",
        "data/secret/2-broken",
        "data/secret/3-random",
        "data/secret/4-negative",
        "data/secret/5-edge",
        "data/secret/6-large-1",
        "data/secret/6-large-2",
        "data/secret/7-group/tiny",
    ]


def test_commands_get_their_seed_count_and_arguments() -> None:
    tests = {test.name: test for test in plan_of(MAXPAIR).tests}
    first = tests["1-random"].call
    assert first is not None and first.program == "gen.py"
    assert first.args == (str(seed_of("gen.py {seed} 6 -20 20", "fixture")), "6", "-20", "20")
    second = tests["3-random"].call
    assert second is not None and second.args[0] == str(seed_of("gen.py {seed:2} 8 1 9", "fixture"))
    large = [tests[f"6-large-{i}"].call for i in (1, 2)]
    assert [call.args for call in large if call] == [("4", "1"), ("4", "2")]


def test_inline_and_copied_cases_need_no_generator() -> None:
    tests = {test.name: test for test in plan_of(MAXPAIR).tests}
    assert tests["4-negative"].input == "2\n-5 -7\n"
    assert tests["5-edge"].input == "3\n-1 -1 -1\n"
    assert tests["4-negative"].call is None


def test_inline_content_gets_the_final_newline_bapctools_adds(tmp_path: Path) -> None:
    (tmp_path / "generators").mkdir()
    (tmp_path / "generators" / "generators.yaml").write_text(
        "data:\n  secret:\n    data:\n"
        "      plain: {in: 3 4}\n"
        '      quoted: {in: "1\\n2"}\n'
        "      number: {in: 7}\n"
        '      block: {in: "5\\n"}\n'
        '      empty: {in: ""}\n'
    )
    inputs = {test.name: test.input for test in plan_of(tmp_path).tests}
    assert inputs == {
        "plain": "3 4\n",
        "quoted": "1\n2\n",
        "number": "7\n",
        "block": "5\n",
        "empty": "",
    }


def test_programs_are_built_from_files_and_the_generators_mapping() -> None:
    programs = plan_of(MAXPAIR).programs
    big = programs["big"]
    assert isinstance(big, Program)
    assert big.language.std == "c++20"
    assert [name for name, _ in big.files] == ["testgen.h"]
    assert isinstance(programs["gen.py"], Program)


def test_an_unsupported_key_is_a_note_not_a_silent_skip() -> None:
    assert plan_of(MAXPAIR).notes == ["data/secret: key 'frobnicate' is not supported (ignored)"]


def test_a_package_without_generators_yaml_has_no_plan() -> None:
    assert read_generators(ARCHIVE / "older" / "2030" / "contest" / "twice") is None


def test_missing_files_and_programs_are_noted(tmp_path: Path) -> None:
    (tmp_path / "generators").mkdir()
    (tmp_path / "generators" / "generators.yaml").write_text(
        "data:\n  secret:\n    data:\n      a: nothere.py 1\n      b: {copy: gone}\n"
        "      c: {generate: x.py, count: lots}\n"
    )
    plan = plan_of(tmp_path)
    assert plan.programs == {"nothere.py": "generator 'nothere.py' is not in generators/"}
    assert plan.notes == [
        "data/secret/b: copy gone: no gone.in (skipped)",
        "data/secret/c: count 'lots' is not understood (skipped)",
    ]


def test_a_file_that_does_not_parse_skips_the_problem(tmp_path: Path) -> None:
    (tmp_path / "generators").mkdir()
    (tmp_path / "generators" / "generators.yaml").write_text("data: [unclosed\n")
    with pytest.raises(Skip, match=r"generators\.yaml does not parse") as raised:
        read_generators(tmp_path)
    assert raised.value.cause == "generators.yaml"


async def test_generators_run_in_the_sandbox_and_a_crash_is_a_failure(sandbox: Sandbox) -> None:
    plan = plan_of(MAXPAIR)
    made = await run_generators(sandbox.judge, plan)
    tests = {test.name: test.input for test in made.tests}
    assert tests["6-large-1"] == "4\n2000000000 2000000000 2000000000 2000000000\n"
    assert tests["6-large-2"].startswith("4\n1999999999 ")
    assert len(tests["1-random"].split()) == 7
    again = await run_generators(sandbox.judge, plan)
    assert {test.name: test.input for test in again.tests} == tests  # seeds are fixed
    assert len(made.failures) == 1
    assert made.failures[0].startswith("data/secret/2-broken: generator failed: crash.py")
