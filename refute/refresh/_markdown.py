"""Codeforces statement HTML to Markdown, by ``markdownify`` with Codeforces' own marks.

``markdownify`` does the HTML (paragraphs, lists, tables, code blocks, emphasis); this
adds what is Codeforces' own: the ``tex-font-style-*`` spans, links and images made
absolute against the page's address, section titles left out, and its TeX marks
(``$$$x$$$``) turned into Markdown math with ``codeforces_math``. Escaping is off:
statements are full of ``_`` and ``*`` inside math, which must reach Markdown as written.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from bs4 import Tag
from markdownify import ATX, MarkdownConverter

from ..importers import codeforces_math

_STYLES = {"tex-font-style-bf": "**", "tex-font-style-it": "*", "tex-font-style-tt": "`"}


class _Statement(MarkdownConverter):
    def __init__(self, base_url: str) -> None:
        super().__init__(
            heading_style=ATX,
            bullets="-",
            escape_asterisks=False,
            escape_underscores=False,
            escape_misc=False,
            table_infer_header=True,
            strip=["script", "style"],
        )
        self.base_url = base_url

    def convert_img(self, el: Tag, text: str, parent_tags: Any) -> str:
        src = str(el.get("src") or "")
        alt = str(el.get("alt") or "")
        return f"![{alt}]({urljoin(self.base_url, src)})" if src else ""

    def convert_a(self, el: Tag, text: str, parent_tags: Any) -> str:
        href = el.get("href")
        return f"[{text.strip()}]({urljoin(self.base_url, str(href))})" if href else text

    def convert_span(self, el: Tag, text: str, parent_tags: Any) -> str:
        for style, mark in _STYLES.items():
            if style in (el.get("class") or []):
                return _wrap(text, mark)
        return text

    def convert_div(self, el: Tag, text: str, parent_tags: Any) -> str:
        if "section-title" in (el.get("class") or []):
            return ""
        return f"\n\n{text.strip()}\n\n" if text.strip() else ""


def to_markdown(tag: Tag, base_url: str) -> str:
    """A statement section as Markdown (its ``div.section-title`` left out).

    >>> from bs4 import BeautifulSoup
    >>> soup = BeautifulSoup('<div><p>Let $$$n$$$ be <b>odd</b>.</p>'
    ...                      '<img src="/img/a.png"></div>', "html.parser")
    >>> to_markdown(soup.div, "https://codeforces.com/contest/1/problem/A")
    'Let $n$ be **odd**.\\n\\n![](https://codeforces.com/img/a.png)'
    """
    text = codeforces_math(_Statement(base_url).convert_soup(tag))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _wrap(text: str, mark: str) -> str:
    """``text`` between ``mark``s, its surrounding blanks kept outside them."""
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"
