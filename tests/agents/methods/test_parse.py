"""Reading programs out of model answers: REFUTE's XML actions first, fenced blocks second."""

from __future__ import annotations

import pytest

from refute.agents import ProgramSource
from refute.agents.methods import Unparseable, parse_program, parse_programs

NAME = "print_fail_case"


def action(code: str, lang: str = "Python 3", name: str = NAME) -> str:
    return f"<action><name>{name}</name><code>{code}</code><lang>{lang}</lang></action>"


def program(text: str, name: str = NAME) -> ProgramSource:
    parsed = parse_program(text, name)
    assert isinstance(parsed, ProgramSource), parsed
    return parsed


def reason(text: str, name: str = NAME) -> str:
    parsed = parse_program(text, name)
    assert isinstance(parsed, Unparseable), parsed
    return parsed.reason


# -- the XML action ---------------------------------------------------------------------


def test_an_action_gives_its_code_and_language() -> None:
    parsed = program("Reasoning...\n" + action("\nprint(3)\nprint('-5 -4 1')\n"))
    assert parsed == ProgramSource(code="print(3)\nprint('-5 -4 1')\n", language="Python 3")


def test_whitespace_inside_tags_is_tolerated() -> None:
    text = (
        "< action >\n  <name> print_fail_case </name>\n  <code>print(1)</code>\n"
        "  <lang> cpp </lang>\n</ action >"
    )
    assert program(text).language == "C++ (c++17)"


def test_tags_in_another_case_are_tolerated() -> None:
    assert program("<ACTION><Name>print_fail_case</Name><CODE>print(1)</CODE></ACTION>").code == (
        "print(1)\n"
    )


def test_code_keeps_angle_brackets_and_ampersands_raw() -> None:
    code = '#include <bits/stdc++.h>\nint main() { if (1 < 2 && 3 > 2) puts("1"); }\n'
    assert program(action(code, "GNU C++17")).code == code


def test_a_missing_closing_action_tag_is_tolerated() -> None:
    assert program("<action><name>print_fail_case</name><code>print(5)</code><lang>py</lang>")


def test_the_last_complete_action_of_the_name_wins() -> None:
    text = "\n".join(
        [
            "The format is " + action("..."),
            action("print(1)"),
            action("print('gen')", name="generate_tc"),
            action("print(2)"),
            "<action><name>print_fail_case</name><code>print(3)",  # cut short: incomplete
        ]
    )
    assert program(text).code == "print(2)\n"


def test_an_action_closed_before_its_code_is_incomplete() -> None:
    text = action("print(1)") + "<action><name>print_fail_case</name></action><code>x</code>"
    assert program(text).code == "print(1)\n"


def test_name_and_lang_may_come_in_any_order() -> None:
    text = (
        "<action><lang>C++17</lang><code>int main(){}</code><name>print_fail_case</name></action>"
    )
    assert program(text).language == "C++ (c++17)"


def test_a_name_inside_the_code_does_not_count() -> None:
    text = "<action><name>other</name><code>s = '<name>print_fail_case</name>'</code></action>"
    assert isinstance(parse_program(text, NAME), Unparseable)


def test_a_markdown_fence_inside_code_is_unwrapped_and_names_the_language() -> None:
    text = (
        "<action><name>print_fail_case</name><code>\n```cpp\nint main() {}\n```\n</code></action>"
    )
    assert program(text) == ProgramSource(code="int main() {}\n", language="C++ (c++17)")


def test_a_cdata_section_inside_code_is_unwrapped() -> None:
    assert program(action("<![CDATA[print(1 < 2)]]>")).code == "print(1 < 2)\n"


def test_indentation_common_to_every_line_is_removed() -> None:
    code = "\n    for i in range(2):\n        print(i)\n"
    assert program(action(code)).code == "for i in range(2):\n    print(i)\n"


@pytest.mark.parametrize(
    ("lang", "normalised"),
    [
        ("Python 3", "Python 3"),
        ("python3", "Python 3"),
        ("PyPy 3-64", "PyPy 3"),
        ("C++17", "C++ (c++17)"),
        ("GNU C++20 (64)", "C++ (c++20)"),
        ("cpp", "C++ (c++17)"),
    ],
)
def test_language_names_are_normalised(lang: str, normalised: str) -> None:
    assert program(action("print(1)", lang)).language == normalised


def test_a_missing_lang_is_inferred_from_the_code() -> None:
    text = "<action><name>print_fail_case</name><code>{}</code></action>"
    assert program(text.format("print(1)")).language == "Python 3"
    assert program(text.format("#include <cstdio>\nint main(){}")).language == "C++ (c++17)"


def test_an_unknown_language_is_unparseable() -> None:
    assert reason(action("fn main() {}", "Rust")) == (
        "unknown language 'Rust' in <action> 'print_fail_case'"
    )


def test_python_2_is_unparseable() -> None:
    assert "unknown language" in reason(action("print 1", "Python 2"))


def test_an_action_with_empty_code_does_not_count() -> None:
    assert "no <action>" in reason(action("   \n"))


# -- the fenced fallback -------------------------------------------------------------------


def test_without_an_action_the_last_fenced_program_is_taken() -> None:
    text = "First try:\n```python\nprint(1)\n```\nBetter:\n```cpp\nint main() {}\n```\n"
    assert program(text) == ProgramSource(code="int main() {}\n", language="C++ (c++17)")


def test_fences_of_other_kinds_are_skipped() -> None:
    text = "```python\nprint(3)\n```\nIt prints:\n```text\n3\n```\n"
    assert program(text).code == "print(3)\n"


def test_an_action_wins_over_fenced_blocks() -> None:
    text = action("print('action')") + "\n```python\nprint('fence')\n```\n"
    assert program(text).code == "print('action')\n"


def test_an_unterminated_fence_is_not_a_program() -> None:
    assert "no fenced" in reason("```python\nprint(1)\n")


def test_fences_in_unknown_languages_are_named_in_the_reason() -> None:
    assert reason("```rust\nfn main() {}\n```\n```\n1 2\n```") == (
        "no <action> named 'print_fail_case' and no fenced Python or C++ code block "
        "(fenced blocks: rust, untagged)"
    )


def test_prose_alone_is_unparseable() -> None:
    assert reason("I could not find a failing input.") == (
        "no <action> named 'print_fail_case' and no fenced Python or C++ code block"
    )


# -- several programs ----------------------------------------------------------------------


GEN, BRUTE = "generate_tc", "solve_brute"


def test_each_name_gets_its_own_action() -> None:
    text = action("print('brute')", name=BRUTE) + action("print('gen')", "cpp", name=GEN)
    parsed = parse_programs(text, [GEN, BRUTE])
    assert parsed == {
        GEN: ProgramSource(code="print('gen')\n", language="C++ (c++17)"),
        BRUTE: ProgramSource(code="print('brute')\n", language="Python 3"),
    }


def test_a_missing_action_among_several_is_unparseable() -> None:
    parsed = parse_programs(action("print(1)", name=GEN), [GEN, BRUTE])
    assert parsed == Unparseable("no <action> named 'solve_brute'")


def test_a_bad_language_in_any_action_is_unparseable() -> None:
    text = action("print(1)", name=GEN) + action("x", "Haskell", name=BRUTE)
    assert isinstance(parse_programs(text, [GEN, BRUTE]), Unparseable)


def test_fenced_blocks_stand_in_for_actions_in_order_when_they_match_in_number() -> None:
    text = "Generator:\n```python\nprint('gen')\n```\nBrute:\n```python\nprint('brute')\n```"
    parsed = parse_programs(text, [GEN, BRUTE])
    assert isinstance(parsed, dict)
    assert parsed[GEN].code == "print('gen')\n" and parsed[BRUTE].code == "print('brute')\n"


def test_fenced_blocks_of_the_wrong_number_are_unparseable() -> None:
    parsed = parse_programs("```python\nprint(1)\n```", [GEN, BRUTE])
    assert (
        isinstance(parsed, Unparseable) and "1 fenced code blocks for 2 programs" in parsed.reason
    )
