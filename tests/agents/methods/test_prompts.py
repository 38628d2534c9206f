"""What the prompts tell the model, and that their text changes only with PROMPT_VERSION."""

from __future__ import annotations

import hashlib
import json

from refute.agents import ExampleView, TaskView
from refute.agents.methods import AGENTIC_TOOLS, PROMPT_VERSION, worked_examples
from refute.agents.methods._prompts import agentic, one_shot, one_shot_messages, random_search

TASK = TaskView(
    task_id="stones/greedy",
    problem_id="stones",
    name="Stones in a Row",
    statement="There are $n$ stones; take some.",
    input_format="The first line contains $n$ ($1 \\le n \\le 100$).",
    output_format="Print one integer.",
    notes="In the first example, take the only stone.",
    examples=(ExampleView(input="1\n", output="1\n"), ExampleView(input="2\n", output="1\n")),
    time_limit_ms=2500,
    memory_limit_mb=512,
    incorrect_code='#include <cstdio>\nint main() { puts("1"); }\n',
    incorrect_language="GNU C++17",
)
ORACLE = TASK.model_copy(
    update={"reference_code": "print(int(input()) // 2 + 1)\n", "reference_language": "Python 3"}
)


def test_the_request_shows_the_whole_problem_and_the_incorrect_code() -> None:
    text = one_shot(TASK)
    for part in (TASK.name, TASK.statement, TASK.input_format, TASK.output_format, TASK.notes):
        assert part in text
    assert "```\n2\n```" in text  # an example input
    assert '```cpp\n#include <cstdio>\nint main() { puts("1"); }\n```' in text
    assert "(GNU C++17)" in text


def test_the_request_states_the_limits() -> None:
    assert "Time limit: 2.5 seconds per test. Memory limit: 512 MB." in one_shot(TASK)


def test_the_request_demands_an_input_satisfying_every_constraint() -> None:
    text = one_shot(TASK)
    assert "must satisfy every constraint of the Input section" in text
    assert "must print exactly one test input and nothing else" in text


def test_the_request_asks_for_refutes_action_format() -> None:
    assert "<action><name>print_fail_case</name><code>" in one_shot(TASK)
    assert "</code><lang>Python 3</lang></action>" in one_shot(TASK)


def test_the_reference_is_shown_only_to_oracle_methods() -> None:
    assert "A correct solution" not in one_shot(TASK)
    assert "# A correct solution (Python 3)" in one_shot(ORACLE)
    assert ORACLE.reference_code is not None and ORACLE.reference_code in one_shot(ORACLE)


def test_code_with_backtick_fences_inside_gets_a_longer_fence() -> None:
    task = TASK.model_copy(update={"incorrect_code": "s = '''\n```\n'''\n"})
    assert "````cpp\ns = '''\n```\n'''\n````" in one_shot(task)


def test_few_shot_puts_each_worked_example_before_the_task() -> None:
    worked = [(example.view(), example.answer_text()) for example in worked_examples()]
    roles = [message.role for message in one_shot_messages(TASK, worked)]
    assert roles == ["system"] + ["user", "assistant"] * 3 + ["user"]


def test_random_search_asks_for_a_seeded_generator_and_a_brute_force() -> None:
    (_, request) = random_search(TASK, stress_seconds=60)
    assert "sys.argv[1]" in request.content and "exactly one valid test input" in request.content
    assert "within the time limit (2.5 seconds)" in request.content
    assert "<name>generate_tc</name>" in request.content
    assert "<name>solve_brute</name>" in request.content
    assert "up to 60 seconds" in request.content


def test_random_search_with_an_oracle_asks_only_for_the_generator() -> None:
    (_, request) = random_search(ORACLE, stress_seconds=60)
    assert "<name>generate_tc</name>" in request.content
    assert "solve_brute" not in request.content
    assert "the correct solution above" in request.content


def test_the_agentic_request_states_every_tool_budget() -> None:
    text = agentic(TASK, program_runs=10, incorrect_runs=10, submissions=5)
    assert "up to 10 runs, 30 seconds each" in text and "5 submissions in all" in text
    assert "2000 characters" in text
    assert [tool.name for tool in AGENTIC_TOOLS] == [
        "run_program",
        "run_incorrect",
        "submit",
        "submit_input",
    ]


def test_the_prompt_text_changes_only_with_the_prompt_version() -> None:
    """If this fails after an intended change of wording, bump PROMPT_VERSION (results of
    different versions do not compare) and put the new digest here."""
    worked = [(example.view(), example.answer_text()) for example in worked_examples()]
    texts = [
        *(m.content for m in one_shot_messages(ORACLE, worked)),
        *(m.content for m in random_search(TASK, stress_seconds=60)),
        *(m.content for m in random_search(ORACLE, stress_seconds=60)),
        agentic(TASK, program_runs=10, incorrect_runs=10, submissions=5),
        json.dumps([tool.model_dump() for tool in AGENTIC_TOOLS], sort_keys=True),
    ]
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    assert (PROMPT_VERSION, digest) == (1, "ee9986596e06f8d0")
