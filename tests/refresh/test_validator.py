"""Validator drafting: automatic invalid inputs, and drafts accepted only when they pass."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from refute.models import Completion, Message, ToolSpec
from refute.refresh import draft_validator, extract_code, mutations
from refute.sandbox import Language, Limits, Program, RunResult, Sandbox

from . import world as fixtures

LONG_SUM_INPUT = (
    "The first line contains an integer $n$ ($1 \\le n \\le 2 \\cdot 10^5$). The second line "
    "contains $n$ integers $a_i$ ($-10^9 \\le a_i \\le 10^9$)."
)
VALID = ["3\n1 2 3\n", "1\n-5\n", fixtures.HACK_TEST]


class Canned:
    """A model that answers with the given texts in turn and keeps what it was asked."""

    def __init__(self, answers: list[str]):
        self.answers = list(answers)
        self.asked: list[list[Message]] = []

    async def complete(
        self,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec] | None = None,
        *,
        attempt_key: str | None = None,
    ) -> Completion:
        self.asked.append(list(messages))
        return Completion(text=self.answers.pop(0))


def runner(sandbox: Sandbox) -> Callable[[str, str], Awaitable[RunResult]]:
    async def run(source: str, text: str) -> RunResult:
        program = Program(source=source, language=Language.parse("Python 3"))
        return await sandbox.untrusted.run(program, text, Limits(cpu_ms=5000))

    return run


def fenced(source: str) -> str:
    return f"```python\n{source}```"


def test_mutations_break_layout_counts_and_bounds() -> None:
    found = {m.name: m for m in mutations(VALID[:2], LONG_SUM_INPUT, VALID)}
    assert found["blank"].input == ""
    assert found["trailing-data"].input == "3\n1 2 3\n0\n"
    assert found["missing-line"].input == "3\n"
    assert found["count-n-plus-one"].input == "4\n1 2 3\n"
    assert found["above-bound-n"].input == "200001\n1 2 3\n"
    assert found["above-bound-a"].input == "3\n1000000001 2 3\n"
    assert found["below-bound-a"].input == "3\n-1000000001 2 3\n"
    assert "200000" in found["above-bound-n"].why


def test_mutations_of_a_multi_test_input_change_the_test_count() -> None:
    statement = "The first line contains $t$ ($1 \\le t \\le 100$), the number of test cases."
    found = {m.name: m.input for m in mutations(["2\n3\n1 2 3\n1\n5\n"], statement)}
    assert found["count-tests-plus-one"] == "3\n3\n1 2 3\n1\n5\n"


def test_a_bound_the_examples_break_gives_no_mutation() -> None:
    # the examples hold values above 9: this bound was not matched to its own values
    statement = "$1 \\le n \\le 10$ and $1 \\le a_i \\le 9$"
    names = {m.name for m in mutations(["3\n10 20 30\n"], statement)}
    assert "above-bound-n" in names
    assert not {"above-bound-a", "below-bound-a"} & names


def test_the_code_block_of_an_answer_is_extracted() -> None:
    assert extract_code("x\n```py\nprint(1)\n```\ny\n```python\nimport sys\nprint(2)\n```") == (
        "import sys\nprint(2)\n"
    )
    assert extract_code("no code here") is None


async def test_a_lax_draft_is_turned_down_and_the_next_accepted(sandbox: Sandbox) -> None:
    invalid = mutations(VALID[:2], LONG_SUM_INPUT, VALID)
    model = Canned(
        [fenced(fixtures.lax_long_sum_validator()), fenced(fixtures.long_sum_validator())]
    )
    result = await draft_validator(model, "statement", VALID, invalid, runner(sandbox))
    assert result.source == fixtures.long_sum_validator()
    assert [bool(d.failures) for d in result.drafts] == [True, False]
    feedback = model.asked[1][-1].content
    assert "it accepts an invalid input (a = 1000000001 is above its upper bound" in feedback


async def test_no_passing_draft_leaves_no_validator_and_says_why(sandbox: Sandbox) -> None:
    rejects_all = "import sys\nsys.exit(1)\n"
    model = Canned(["I cannot.", fenced(rejects_all)])
    result = await draft_validator(
        model, "statement", VALID, [], runner(sandbox), drafts=2, key="t"
    )
    assert result.source is None
    assert result.drafts[0].failures == ["the answer has no ```python code block"]
    assert result.reason.startswith("none of 2 validator draft(s) passed; the last: it rejects")
