"""Reading Codeforces' problem and submission pages: statement, examples, limits, source.

The statement is turned into the Markdown of ``statement.md``: TeX between ``$$$`` becomes
``$...$`` (``$$$$$$`` display math becomes ``$$...$$``), images become Markdown image
links with absolute URLs, lists, emphasis and monospace keep their meaning.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from pydantic import BaseModel, ConfigDict

from ..errors import RefreshError
from ..problems import CheckerSettings
from ._markdown import to_markdown


class PageError(RefreshError, ValueError):
    """A page that does not have the expected structure (a login wall, a changed layout)."""


class PageExample(BaseModel):
    """One example of a problem page: input and expected output, each ending in a newline."""

    model_config = ConfigDict(frozen=True)

    input: str
    output: str


class ProblemPage(BaseModel):
    """A problem page, read.

    Args:
        title: the problem's name, without the ``A.`` index.
        time_limit_ms: the time limit per test.
        memory_limit_mb: the memory limit per test.
        legend: the story and task, as Markdown.
        input: the Input section, as Markdown.
        output: the Output section, as Markdown.
        note: the Note section, as Markdown, or ``""``.
        examples: the examples, in page order.
        interactive: the page has an Interaction section or says it is interactive.
    """

    model_config = ConfigDict(frozen=True)

    title: str
    time_limit_ms: int
    memory_limit_mb: int
    legend: str
    input: str
    output: str
    note: str = ""
    examples: tuple[PageExample, ...] = ()
    interactive: bool = False

    def markdown(self) -> str:
        """The whole of ``statement.md``.

        >>> page = ProblemPage(title="Sum", time_limit_ms=1000, memory_limit_mb=256,
        ...                    legend="Add.", input="Two numbers.", output="Their sum.")
        >>> print(page.markdown())
        # Sum
        <BLANKLINE>
        Add.
        <BLANKLINE>
        ## Input
        <BLANKLINE>
        Two numbers.
        <BLANKLINE>
        ## Output
        <BLANKLINE>
        Their sum.
        <BLANKLINE>
        """
        parts = [f"# {self.title}", self.legend, "## Input", self.input, "## Output", self.output]
        if self.note:
            parts += ["## Note", self.note]
        return "\n\n".join(part.strip() for part in parts) + "\n"


_MULTIPLE_ANSWERS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"if there (?:are|is|exist) (?:several|multiple|many|more than one)"
        r"(?: \w+)?(?: possible| correct| valid| optimal| suitable)? (?:answers?|solutions?)",
        r"(?:print|output|find) any(?: one)? of them",
        r"(?:print|output|you (?:may|can) (?:print|output)) any "
        r"(?:such|valid|correct|possible|suitable|optimal|one|of)",
        r"any (?:of (?:the )?)?(?:possible |correct |valid |such )?(?:answers?|solutions?) "
        r"(?:is|are|will be) (?:accepted|considered correct|acceptable)",
        r"(?:several|multiple) (?:correct |valid |possible )?answers",
    )
]
_INTERACTIVE = re.compile(r"\binteractive problem\b|\binteraction protocol\b", re.IGNORECASE)
_TOLERANCE = re.compile(
    r"(absolute or relative|relative or absolute|absolute|relative) error[^.$]*?"
    r"(?:does not exceed|not exceeding|at most|less than|within|is not greater than)"
    r"\s*\$+\s*(10\s*\^\s*\{?\s*-\s*\d+\s*\}?|\d*\.\d+|\d+(?:\.\d+)?\s*\\cdot\s*10\s*\^\s*\{?-\d+\}?)",
    re.IGNORECASE,
)


def several_answers(text: str) -> str | None:
    """The phrase saying that several answers may be correct, if the text has one.

    >>> several_answers("If there are multiple answers, print any of them.")
    'If there are multiple answers'
    >>> several_answers("Print the sum.") is None
    True
    """
    for pattern in _MULTIPLE_ANSWERS:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def says_interactive(text: str) -> bool:
    """Whether the statement says the problem is interactive."""
    return _INTERACTIVE.search(text) is not None


def tolerance(text: str) -> CheckerSettings | None:
    """Checker tolerances from a sentence like "absolute or relative error does not exceed
    $10^{-6}$", or ``None`` when the statement sets none.

    >>> tolerance("Your answer is correct if its absolute or relative error does not "
    ...           "exceed $10^{-6}$.")
    CheckerSettings(abs_tolerance=1e-06, rel_tolerance=1e-06)
    """
    match = _TOLERANCE.search(text)
    if match is None:
        return None
    kind, raw = match.group(1).lower(), re.sub(r"[\s{}]", "", match.group(2))
    try:
        if raw.startswith("10^"):
            value = 10.0 ** int(raw[3:])
        elif "\\cdot" in raw:
            mantissa, _, power = raw.partition("\\cdot10^")
            value = float(mantissa) * 10.0 ** int(power)
        else:
            value = float(raw)
    except ValueError:
        return None
    absolute = value if "absolute" in kind else None
    relative = value if "relative" in kind else None
    return CheckerSettings(abs_tolerance=absolute, rel_tolerance=relative)


def parse_problem_page(html: str, url: str) -> ProblemPage:
    """Read a problem page; ``url`` makes image and link addresses absolute.

    Raises ``PageError`` when the page has no ``div.problem-statement``, or misses the
    header, the Input or the Output section.

    >>> url = "https://codeforces.com/contest/1/problem/A"
    >>> page = parse_problem_page(html, url)                       # doctest: +SKIP
    >>> page.title, page.time_limit_ms, page.examples[0].input     # doctest: +SKIP
    ('Theatre Square', 1000, '6 6 4\\n')
    """
    soup = BeautifulSoup(html, "html.parser")
    statement = soup.select_one("div.problem-statement")
    if statement is None:
        raise PageError("no div.problem-statement: not a problem page (a login wall?)")
    header = statement.select_one("div.header")
    if header is None:
        raise PageError("no div.header in the statement")
    title_tag = header.select_one("div.title")
    title = _text(title_tag) if title_tag else ""
    title = re.sub(r"^[A-Z][0-9]*\.\s*", "", title).strip() or "Untitled"
    time_limit_ms = _time_limit(header.select_one("div.time-limit"))
    memory_limit_mb = _memory_limit(header.select_one("div.memory-limit"))

    sections: dict[str, Tag] = {}
    legend: Tag | None = None
    interaction = False
    for child in statement.find_all(recursive=False):
        if not isinstance(child, Tag) or child is header:
            continue
        classes = set(child.get("class") or [])
        if "input-specification" in classes:
            sections["input"] = child
        elif "output-specification" in classes:
            sections["output"] = child
        elif "note" in classes:
            sections["note"] = child
        elif "interaction-specification" in classes:
            interaction = True
        elif "sample-tests" in classes or "sample-test" in classes:
            continue
        elif legend is None and not classes:
            legend = child
        title_div = child.select_one("div.section-title")
        if title_div is not None and _text(title_div).strip().lower() == "interaction":
            interaction = True
    for required in ("input", "output"):
        if required not in sections:
            raise PageError(f"no div.{required}-specification in the statement")
    base = url
    legend_md = to_markdown(legend, base) if legend is not None else ""
    page = ProblemPage(
        title=title,
        time_limit_ms=time_limit_ms,
        memory_limit_mb=memory_limit_mb,
        legend=legend_md,
        input=to_markdown(sections["input"], base),
        output=to_markdown(sections["output"], base),
        note=to_markdown(sections["note"], base) if "note" in sections else "",
        examples=tuple(_examples(statement)),
        interactive=interaction,
    )
    if not page.interactive and says_interactive(f"{page.legend}\n{page.input}\n{page.output}"):
        page = page.model_copy(update={"interactive": True})
    return page


def parse_submission_page(html: str) -> str:
    """The source code of a submission page (``pre#program-source-text``).

    >>> parse_submission_page('<pre id="program-source-text">print(1)\\n</pre>')
    'print(1)\\n'
    """
    soup = BeautifulSoup(html, "html.parser")
    pre = soup.select_one("pre#program-source-text")
    if pre is None:
        raise PageError("no pre#program-source-text: the source is not shown (a login wall?)")
    source = pre.get_text().replace("\r\n", "\n")
    return source if source.endswith("\n") else source + "\n"


def _time_limit(tag: Tag | None) -> int:
    text = _property(tag)
    match = re.search(r"(\d+(?:\.\d+)?)\s*seconds?", text)
    if match is None:
        raise PageError(f"unreadable time limit {text!r}")
    return round(float(match.group(1)) * 1000)


def _memory_limit(tag: Tag | None) -> int:
    text = _property(tag)
    match = re.search(r"(\d+)\s*(megabytes?|mb|gigabytes?)", text, re.IGNORECASE)
    if match is None:
        raise PageError(f"unreadable memory limit {text!r}")
    value = int(match.group(1))
    return value * 1024 if match.group(2).lower().startswith("g") else value


def _property(tag: Tag | None) -> str:
    """The value of a header property, without its ``div.property-title``."""
    if tag is None:
        return ""
    parts = [
        _text(child) if isinstance(child, Tag) else str(child)
        for child in tag.children
        if not (isinstance(child, Tag) and "property-title" in (child.get("class") or []))
    ]
    return " ".join(parts).strip()


def _examples(statement: Tag) -> list[PageExample]:
    inputs = [_pre_text(pre) for pre in statement.select("div.sample-test div.input pre")]
    outputs = [_pre_text(pre) for pre in statement.select("div.sample-test div.output pre")]
    return [PageExample(input=i, output=o) for i, o in zip(inputs, outputs, strict=False)]


def _pre_text(pre: Tag) -> str:
    """The text of an example: lines may be ``div.test-example-line`` or ``<br>``-separated."""
    lines = pre.select("div.test-example-line")
    if lines:
        text = "\n".join(_text(line) for line in lines)
    else:
        for br in pre.find_all("br"):
            br.replace_with("\n")
        text = pre.get_text()
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").split("\n"))
    return text + "\n"


def _text(tag: Tag) -> str:
    return str(tag.get_text(" ", strip=True))
