"""Reading problem and submission pages into statement.md, examples, limits and sources."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from refute.problems import CheckerSettings
from refute.refresh import (
    PageError,
    parse_problem_page,
    parse_submission_page,
    several_answers,
    to_markdown,
    tolerance,
)

from . import world as fixtures

URL = "https://codeforces.com/contest/9001/problem/A"


def test_a_problem_page_gives_title_limits_sections_and_examples() -> None:
    page = parse_problem_page(fixtures.LONG_SUM_PAGE, URL)
    assert (page.title, page.time_limit_ms, page.memory_limit_mb) == ("Long Sum", 1000, 256)
    assert page.input.startswith("The first line contains an integer $n$")
    assert page.output == "Print the sum."
    assert page.note == "In the first example, $1 + 2 + 3 = 6$."
    assert [(e.input, e.output) for e in page.examples] == [
        ("3\n1 2 3\n", "6\n"),
        ("1\n-5\n", "-5\n"),
    ]
    assert not page.interactive


def test_math_and_images_become_markdown() -> None:
    page = parse_problem_page(fixtures.LONG_SUM_PAGE, URL)
    assert "Compute $a_1 + a_2 + \\ldots + a_n$." in page.legend
    assert "![](https://codeforces.com/predownloaded/ab/cd/long-sum.png)" in page.legend
    markdown = page.markdown()
    assert markdown.startswith("# Long Sum\n\n")
    assert "\n## Input\n\n" in markdown and "\n## Output\n\n" in markdown
    assert "\n## Note\n\n" in markdown


def test_display_math_lists_code_and_links() -> None:
    soup = BeautifulSoup(
        "<div><p>$$$$$$\\sum a_i$$$$$$</p><ul><li>first <i>one</i></li><li>second</li></ul>"
        '<p>Call <span class="tex-font-style-tt">solve()</span>, see <a href="/blog/1">this</a>.'
        "</p><ol><li>a</li><li>b</li></ol></div>",
        "html.parser",
    )
    assert soup.div is not None
    assert to_markdown(soup.div, URL) == (
        "$$\\sum a_i$$\n\n- first *one*\n- second\n\n"
        "Call `solve()`, see [this](https://codeforces.com/blog/1).\n\n1. a\n2. b"
    )


def test_an_interaction_section_marks_the_page_interactive() -> None:
    html = fixtures.problem_page(
        "C",
        "Guess",
        legend="<p>Guess a number.</p>",
        input_spec="<p>Nothing.</p>",
        output_spec="<p>Nothing.</p>",
        examples=[("1\n", "2\n")],
        extra=(
            '<div class="interaction-specification"><div class="section-title">Interaction'
            "</div><p>Ask queries.</p></div>"
        ),
    )
    assert parse_problem_page(html, URL).interactive


def test_a_statement_saying_it_is_interactive_is_interactive() -> None:
    html = fixtures.problem_page(
        "C",
        "Guess",
        legend="<p>This is an interactive problem.</p>",
        input_spec="<p>Nothing.</p>",
        output_spec="<p>Nothing.</p>",
        examples=[("1\n", "2\n")],
    )
    assert parse_problem_page(html, URL).interactive


@pytest.mark.parametrize(
    "sentence",
    [
        "If there are multiple answers, print any of them.",
        "If there are several possible answers, you may output any.",
        "If there is more than one valid solution, print any one of them.",
        "Output any of them.",
        "Any of the correct answers will be accepted.",
    ],
)
def test_phrases_that_allow_several_answers_are_found(sentence: str) -> None:
    assert several_answers(f"Print the pair. {sentence}") is not None


def test_a_single_answer_statement_is_not_flagged() -> None:
    assert several_answers("Print the sum. It is unique.") is None


def test_a_stated_error_tolerance_becomes_checker_settings() -> None:
    text = "Your answer is accepted if its absolute or relative error does not exceed $10^{-6}$."
    assert tolerance(text) == CheckerSettings(abs_tolerance=1e-6, rel_tolerance=1e-6)
    assert tolerance("The absolute error must be at most $0.001$.") == CheckerSettings(
        abs_tolerance=0.001
    )
    assert tolerance("Print the sum.") is None


def test_a_submission_page_gives_its_source_unescaped() -> None:
    assert parse_submission_page(fixtures.submission_page(fixtures.ALICE)) == fixtures.ALICE


def test_pages_without_the_expected_parts_are_errors() -> None:
    with pytest.raises(PageError, match="login wall"):
        parse_submission_page("<html><body>Please log in</body></html>")
    with pytest.raises(PageError, match="problem-statement"):
        parse_problem_page("<html><body>Please log in</body></html>", URL)
    broken = fixtures.LONG_SUM_PAGE.replace("input-specification", "something-else")
    with pytest.raises(PageError, match="input-specification"):
        parse_problem_page(broken, URL)
