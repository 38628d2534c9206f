"""LaTeX statements to Markdown: the commands and environments problem statements use."""

from __future__ import annotations

from refute.importers import latex_to_markdown


def test_problemname_and_sections_become_headings() -> None:
    text = latex_to_markdown(
        "\\problemname{Walk}\nLegend.\n\\section*{Input}\nIn.\n\\section*{Output}\nOut.\n"
        "\\section*{Notes}\nNote.\n\\section*{Explanation}\nWhy.\n"
    )
    assert text == (
        "# Walk\n\nLegend.\n\n## Input\n\nIn.\n\n## Output\n\nOut.\n\n## Note\n\nNote.\n\n"
        "### Explanation\n\nWhy.\n"
    )


def test_input_and_output_environments_become_sections() -> None:
    text = latex_to_markdown(
        "\\begin{Input}\nIn.\n\\end{Input}\n\\begin{Output}\nOut.\n\\end{Output}"
    )
    assert text == "## Input\n\nIn.\n\n## Output\n\nOut.\n"


def test_math_is_kept_verbatim_between_dollars() -> None:
    text = latex_to_markdown("Let $x_{i} \\le 10^9$ and\n\\[ \\sum_i x_i \\]\nor \\(y\\).")
    assert text == "Let $x_{i} \\le 10^9$ and\n\n$$\\sum_i x_i$$\n\nor $y$.\n"


def test_display_environments_become_double_dollars() -> None:
    text = latex_to_markdown("\\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*}")
    assert text == "$$\\begin{aligned}a &= b \\\\ c &= d\\end{aligned}$$\n"


def test_emphasis_bold_and_code() -> None:
    text = latex_to_markdown("\\emph{a}, \\textit{b}, \\textbf{c}, \\texttt{d}, \\verb|e f|")
    assert text == "*a*, *b*, **c**, `d`, `e f`\n"


def test_itemize_and_enumerate_become_lists() -> None:
    text = latex_to_markdown(
        "\\begin{itemize}\n\\item one\n\\item two\n\\end{itemize}\n"
        "\\begin{enumerate}\n\\item first\n\\item second\n\\end{enumerate}"
    )
    assert text == "- one\n- two\n\n1. first\n2. second\n"


def test_tabular_becomes_a_markdown_table() -> None:
    text = latex_to_markdown(
        "\\begin{tabular}{|l|r|}\n\\hline\nName & Value \\\\ \\hline\n$x$ & 1 \\& 2 \\\\\n"
        "\\multicolumn{2}{c}{both}\\\\\n\\hline\n\\end{tabular}"
    )
    assert text == "| Name | Value |\n|---|---|\n| $x$ | 1 & 2 |\n| both | |\n"


def test_comments_escapes_quotes_and_accents() -> None:
    text = latex_to_markdown("50\\% off % a comment\n``Caf\\'e''~\\& co, \\$5\n% only a comment\n")
    assert text == '50% off\n"Café" & co, \\$5\n'


def test_figures_are_dropped_but_captions_kept() -> None:
    text = latex_to_markdown(
        "\\illustration{.3}{map.png}{The map.}\n"
        "\\begin{figure}\\includegraphics[width=3cm]{a.png}\\caption{Two roads.}\\end{figure}"
    )
    assert text == "*(figure: The map.)*\n\n*Two roads.*\n"


def test_a_floats_placement_is_not_text() -> None:
    for placement in ("[h]", "[!htb]", ""):
        text = latex_to_markdown(
            f"\\begin{{figure}}{placement}\n  \\centering\\includegraphics{{a.pdf}}"
            "\\caption{Sample 2.}\n\\end{figure}"
        )
        assert text == "*Sample 2.*\n"


def test_links_footnotes_and_unknown_commands_keep_their_text() -> None:
    text = latex_to_markdown(
        "See \\url{https://a.b}, \\href{https://c.d}{here}\\footnote{Really.} and \\foo{bar}."
    )
    assert text == "See <https://a.b>, [here](https://c.d) (Really.) and bar.\n"


def test_an_unknown_commands_options_are_not_text() -> None:
    text = latex_to_markdown("A \\listing[style=x,encoding=utf8]{one.txt} and \\foo [b] c.")
    assert text == "A one.txt and [b] c.\n"


def test_source_indentation_does_not_become_code() -> None:
    assert latex_to_markdown("First line\n        indented line\n") == "First line\nindented line\n"
