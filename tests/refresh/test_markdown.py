"""Codeforces statement HTML to Markdown (``refute.refresh.to_markdown``, by markdownify)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from refute.refresh import to_markdown

URL = "https://codeforces.com/contest/7/problem/B"


def _markdown(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    assert soup.div is not None
    return to_markdown(soup.div, URL)


def test_math_reaches_markdown_unescaped() -> None:
    markdown = _markdown("<div><p>Print $$$a_i * b_i$$$ for each $$$i$$$.</p></div>")
    assert markdown == "Print $a_i * b_i$ for each $i$."


def test_the_section_title_is_left_out_and_blocks_stay_apart() -> None:
    markdown = _markdown(
        '<div class="input-specification"><div class="section-title">Input</div>'
        "<p>One line.</p><div><p>Another.</p></div></div>"
    )
    assert markdown == "One line.\n\nAnother."


def test_tables_and_preformatted_text() -> None:
    markdown = _markdown(
        "<div><table><tr><td>n</td><td>answer</td></tr><tr><td>1</td><td>2</td></tr></table>"
        "<pre>1 2\n3</pre></div>"
    )
    assert markdown == "| n | answer |\n| --- | --- |\n| 1 | 2 |\n\n```\n1 2\n3\n```"


def test_styles_spans_and_relative_addresses() -> None:
    markdown = _markdown(
        '<div><p><span class="tex-font-style-bf">Note</span> <span class="tex-font-style-it">'
        'that</span> <a href="../1">this</a> <img alt="fig" src="/p.png"></p></div>'
    )
    assert markdown == (
        "**Note** *that* [this](https://codeforces.com/contest/7/1) "
        "![fig](https://codeforces.com/p.png)"
    )
