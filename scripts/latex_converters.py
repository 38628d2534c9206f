"""Our LaTeX-to-Markdown converter against pylatexenc's, on a folder of real statements.

    pip install pylatexenc
    .venv/bin/python scripts/latex_converters.py ARCHIVE

reads every ``problem_statement/problem.*.tex`` below ARCHIVE, converts each with
``refute.importers.latex_to_markdown`` and with ``pylatexenc``'s ``LatexNodes2Text``
(math kept verbatim), and prints, for each converter, how many statements it failed on,
its time, and what of a statement's structure reached its output: headings, list items,
emphasis, table rows, and math delimiters. docs/importing.md states the figures.
"""

from __future__ import annotations

import importlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from refute.importers import latex_to_markdown

_MARKS = {
    "headings": re.compile(r"^#+ ", re.M),
    "list items": re.compile(r"^\s*(?:-|\d+\.) ", re.M),
    "emphasis": re.compile(r"\*[^*\s][^*\n]*\*"),
    "table rows": re.compile(r"^\|", re.M),
    "math": re.compile(r"\$"),
}


def _measure(name: str, convert: Callable[[str], str], texts: list[str]) -> None:
    outputs, failed = [], 0
    started = time.perf_counter()
    for text in texts:
        try:
            outputs.append(convert(text))
        except Exception:  # a converter's crash is what is measured here
            failed += 1
    seconds = time.perf_counter() - started
    counts = {mark: sum(len(rx.findall(o)) for o in outputs) for mark, rx in _MARKS.items()}
    marks = ", ".join(f"{mark} {count}" for mark, count in counts.items())
    print(f"{name}: failed on {failed} of {len(texts)}, {seconds:.2f} s; {marks}")


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: latex_converters.py ARCHIVE")
    paths = sorted(Path(sys.argv[1]).glob("**/problem_statement/problem.*.tex"))
    if not paths:
        raise SystemExit(f"{sys.argv[1]}: no problem_statement/problem.*.tex below it")
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in paths]
    _measure("refute", latex_to_markdown, texts)
    try:
        latex2text = importlib.import_module("pylatexenc.latex2text")
    except ImportError:
        raise SystemExit("pylatexenc is not installed: pip install pylatexenc") from None
    other = latex2text.LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
    _measure("pylatexenc", other.latex_to_text, texts)


if __name__ == "__main__":
    main()
