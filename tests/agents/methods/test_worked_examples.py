"""The few-shot worked examples are true: each answer's input breaks its incorrect code."""

from __future__ import annotations

import pytest

from refute.agents.methods import WorkedExample, parse_program, worked_examples
from refute.sandbox import Language, Limits, Program, RunStatus, Sandbox

EXAMPLES = worked_examples()


def program(code: str, language: str) -> Program:
    return Program(source=code, language=Language.parse(language))


def test_there_are_three_worked_examples_of_different_bugs() -> None:
    assert [example.id for example in EXAMPLES] == [
        "1-calm-stretch",
        "2-tiled-plaza",
        "3-repeated-ticket",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
def test_each_answer_reads_back_as_its_program(example: WorkedExample) -> None:
    parsed = parse_program(example.answer_text(), "print_fail_case")
    assert parsed == parse_program(
        f"```{example.answer.language}\n{example.answer.code.strip()}\n```", "print_fail_case"
    )


def test_the_models_view_of_an_example_hides_its_correct_solution() -> None:
    for example in EXAMPLES:
        view = example.view()
        assert not view.oracle and example.correct.code not in view.model_dump_json()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.id)
async def test_each_incorrect_code_passes_its_examples_and_fails_on_the_answer(
    sandbox: Sandbox, example: WorkedExample
) -> None:
    time_limit = example.time_limit_ms
    limits = Limits(cpu_ms=time_limit, wall_ms=2 * time_limit, memory_mb=example.memory_limit_mb)
    incorrect = program(example.incorrect.code, example.incorrect.language)
    for test in example.examples:
        run = await sandbox.judge.run(incorrect, test.input, limits)
        assert run.ok and run.stdout.split() == test.output.split()

    printed = await sandbox.untrusted.run(program(example.answer.code, example.answer.language))
    assert printed.ok
    correct = program(example.correct.code, example.correct.language)
    expected = await sandbox.judge.run(correct, printed.stdout, limits)
    assert expected.ok
    got = await sandbox.judge.run(incorrect, printed.stdout, limits)
    assert got.status is RunStatus.TIME_LIMIT or got.stdout.split() != expected.stdout.split()
