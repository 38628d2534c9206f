"""LaTeX problem statements (Kattis ``problem.<lang>.tex``) to readable Markdown.

Not a TeX engine: it knows the commands and environments that problem statements use,
keeps math as ``$...$`` / ``$$...$$`` untouched, and keeps the text of anything else.
"""

from __future__ import annotations

import re
import unicodedata

_SECTIONS = {"input": "Input", "output": "Output", "note": "Note", "notes": "Note"}
_SECTION_LEVELS = {"section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 4}
_STYLES = {
    "emph": "*",
    "textit": "*",
    "textsl": "*",
    "textbf": "**",
    "texttt": "`",
    "code": "`",
}
_PLAIN = {
    "text",
    "textrm",
    "textsf",
    "textsc",
    "textnormal",
    "textup",
    "mbox",
    "underline",
    "uline",
    "textmd",
}
_DROPPED_WITH_ARGUMENT = {
    "label",
    "ref",
    "cite",
    "vspace",
    "hspace",
    "vspace*",
    "hspace*",
    "includegraphics",
    "setlength",
    "addtolength",
    "newcommand",
    "renewcommand",
    "pagestyle",
    "thispagestyle",
    "cline",
    "color",
}
_WORDS = {
    "ldots": "...",
    "dots": "...",
    "cdots": "...",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "textasciitilde": "~",
    "textbackslash": "\\",
    "textasciicircum": "^",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
    "textendash": "-",
    "textemdash": "--",
    "S": "§",
    "quad": " ",
    "qquad": " ",
    "newline": "\n",
    "linebreak": "\n",
    "par": "\n\n",
}
_ESCAPED = {"%": "%", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", "$": "\\$", " ": " "}
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    '"': "\u0308",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "r": "\u030a",
}
_MATH_ENVIRONMENTS = {
    "equation": False,
    "equation*": False,
    "displaymath": False,
    "math": False,
    "align": True,
    "align*": True,
    "eqnarray": True,
    "eqnarray*": True,
    "gather": True,
    "gather*": True,
    "multline": False,
    "multline*": False,
}
_VERBATIM = {"verbatim", "verbatim*", "lstlisting", "Verbatim", "minted"}
_LISTS = {"itemize": "-", "enumerate": "1.", "description": "-"}
_RULES = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|cline\s*\{[^}]*\})")


def latex_to_markdown(tex: str) -> str:
    """Convert a LaTeX problem statement to Markdown.

    ``\\problemname{T}`` becomes ``# T``; ``\\begin{Input}`` (or ``\\section*{Input}``)
    becomes ``## Input``, likewise Output and Notes; other sections become ``###``
    headings; math stays between ``$``; lists become bullets; ``tabular`` becomes a
    Markdown table; ``\\emph``/``\\textbf``/``\\texttt`` become ``*``/``**``/backquotes;
    figures are dropped with their caption kept.

    >>> print(latex_to_markdown(r'''\\problemname{Sum}
    ... Add \\emph{two} numbers $a$ and $b$.
    ... \\begin{Input}
    ... Two integers $0 \\le a, b \\le 10$.
    ... \\end{Input}
    ... \\begin{Output}
    ... \\begin{itemize}
    ... \\item their \\textbf{sum}
    ... \\end{itemize}
    ... \\end{Output}'''))
    # Sum
    <BLANKLINE>
    Add *two* numbers $a$ and $b$.
    <BLANKLINE>
    ## Input
    <BLANKLINE>
    Two integers $0 \\le a, b \\le 10$.
    <BLANKLINE>
    ## Output
    <BLANKLINE>
    - their **sum**
    <BLANKLINE>
    """
    return _tidy(_Converter(_strip_comments(tex)).run())


def _strip_comments(tex: str) -> str:
    """Drop ``%`` comments (not ``\\%``), with the line break they swallow."""
    lines = []
    for line in tex.splitlines():
        match = re.search(r"(?<!\\)(?:\\\\)*%", line)
        if match is None:
            lines.append(line)
        else:
            kept = line[: match.end() - 1]
            if kept.strip():
                lines.append(kept)
            elif not line.lstrip().startswith("%"):
                lines.append("")
    return "\n".join(lines)


def _tidy(markdown: str) -> str:
    lines: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced:
            line = re.sub(r"(?<=\S)[ \t]{2,}", " ", line).rstrip()
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def _matching(text: str, start: int, open_: str = "{", close: str = "}") -> int:
    """The index of the bracket closing the one at ``start`` (or ``len(text)``)."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == open_:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return len(text)


def _split_top(body: str, separator: re.Pattern[str]) -> list[str]:
    """Split ``body`` at ``separator`` matches outside braces and nested environments."""
    parts: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            if body.startswith("\\begin{", index):
                depth += 1
            elif body.startswith("\\end{", index):
                depth -= 1
            elif depth == 0:
                match = separator.match(body, index)
                if match:
                    parts.append(body[start:index])
                    start = index = match.end()
                    continue
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char != "\\":
            match = separator.match(body, index)
            if match:
                parts.append(body[start:index])
                start = index = match.end()
                continue
        index += 1
    parts.append(body[start:])
    return parts


class _Converter:
    def __init__(self, tex: str):
        self.tex = tex
        self.pos = 0
        self.out: list[str] = []

    # -- reading ---------------------------------------------------------------------

    def _skip_spaces(self) -> None:
        while self.pos < len(self.tex) and self.tex[self.pos] in " \t":
            self.pos += 1

    def _argument(self) -> str | None:
        """The next ``{...}`` argument (after spaces), raw; ``None`` when there is none."""
        saved = self.pos
        while self.pos < len(self.tex) and self.tex[self.pos] in " \t\n":
            self.pos += 1
        if self.pos >= len(self.tex) or self.tex[self.pos] != "{":
            self.pos = saved
            return None
        end = _matching(self.tex, self.pos)
        raw = self.tex[self.pos + 1 : end]
        self.pos = end + 1
        return raw

    def _optional(self) -> str | None:
        self._skip_spaces()
        if self.pos < len(self.tex) and self.tex[self.pos] == "[":
            end = _matching(self.tex, self.pos, "[", "]")
            raw = self.tex[self.pos + 1 : end]
            self.pos = end + 1
            return raw
        return None

    def _environment_body(self, name: str) -> str:
        """The raw body up to the ``\\end{name}`` that closes this environment."""
        opener, closer = f"\\begin{{{name}}}", f"\\end{{{name}}}"
        depth = 1
        index = self.pos
        while True:
            next_open = self.tex.find(opener, index)
            next_close = self.tex.find(closer, index)
            if next_close < 0:
                body = self.tex[self.pos :]
                self.pos = len(self.tex)
                return body
            if 0 <= next_open < next_close:
                depth += 1
                index = next_open + len(opener)
                continue
            depth -= 1
            if depth == 0:
                body = self.tex[self.pos : next_close]
                self.pos = next_close + len(closer)
                return body
            index = next_close + len(closer)

    # -- writing ---------------------------------------------------------------------

    def run(self) -> str:
        tex = self.tex
        while self.pos < len(tex):
            char = tex[self.pos]
            if char == "\\":
                self._command()
            elif char == "$":
                self._dollar_math()
            elif char == "{":
                end = _matching(tex, self.pos)
                self.out.append(_convert(tex[self.pos + 1 : end]))
                self.pos = end + 1
            elif char == "}":
                self.pos += 1
            elif char == "~":
                self.out.append(" ")
                self.pos += 1
            elif tex.startswith("``", self.pos) or tex.startswith("''", self.pos):
                self.out.append('"')
                self.pos += 2
            elif char == "\n":
                self.out.append("\n")
                self.pos += 1
                self._skip_spaces()  # LaTeX source indentation is not Markdown code
            else:
                self.out.append(char)
                self.pos += 1
        return "".join(self.out)

    def _block(self, text: str) -> None:
        self.out.append(f"\n\n{text.strip(chr(10))}\n\n")

    def _dollar_math(self) -> None:
        tex = self.tex
        display = tex.startswith("$$", self.pos)
        delimiter = "$$" if display else "$"
        start = self.pos + len(delimiter)
        index = start
        while index < len(tex):
            if tex[index] == "\\":
                index += 2
                continue
            if tex.startswith(delimiter, index):
                break
            index += 1
        self._math(tex[start:index], display)
        self.pos = index + len(delimiter)

    def _math(self, body: str, display: bool) -> None:
        body = " ".join(body.split())
        if display:
            self._block(f"$${body}$$")
        else:
            self.out.append(f"${body}$")

    def _command(self) -> None:
        tex = self.tex
        start = self.pos + 1
        if start >= len(tex):
            self.pos = start
            return
        if tex[start].isalpha():
            end = start
            while end < len(tex) and tex[end].isalpha():
                end += 1
            if end < len(tex) and tex[end] == "*":
                end += 1
            name = tex[start:end]
        else:
            end = start + 1
            name = tex[start]
        self.pos = end
        self._dispatch(name)

    def _dispatch(self, name: str) -> None:
        if name == "\\":
            self._optional()
            self.out.append("\n")
        elif name in _ESCAPED:
            self.out.append(_ESCAPED[name])
        elif name in ",;:!-/@":
            self.out.append(" " if name in ",;:" else "")
        elif name in _ACCENTS and (len(name) == 1):
            self._accent(name)
        elif name == "(":
            end = self.tex.find("\\)", self.pos)
            end = len(self.tex) if end < 0 else end
            self._math(self.tex[self.pos : end], display=False)
            self.pos = end + 2
        elif name == "[":
            end = self.tex.find("\\]", self.pos)
            end = len(self.tex) if end < 0 else end
            self._math(self.tex[self.pos : end], display=True)
            self.pos = end + 2
        elif name == "begin":
            environment = self._argument() or ""
            self._environment(environment.strip())
        elif name == "end":
            self._argument()
        elif name == "problemname":
            title = _convert(self._argument() or "").strip()
            self._block(f"# {title}")
        elif name.rstrip("*") in _SECTION_LEVELS:
            self._optional()
            title = " ".join(_convert(self._argument() or "").split())
            self._heading(title, _SECTION_LEVELS[name.rstrip("*")])
        elif name in _STYLES:
            mark = _STYLES[name]
            inner = " ".join(_convert(self._argument() or "").split())
            self.out.append(f"{mark}{inner}{mark}" if inner else "")
        elif name == "verb":
            delimiter = self.tex[self.pos : self.pos + 1]
            end = self.tex.find(delimiter, self.pos + 1)
            end = len(self.tex) if end < 0 else end
            self.out.append(f"`{self.tex[self.pos + 1 : end]}`")
            self.pos = end + 1
        elif name in _PLAIN:
            self.out.append(_convert(self._argument() or ""))
        elif name == "url":
            self.out.append(f"<{(self._argument() or '').strip()}>")
        elif name == "href":
            url = (self._argument() or "").strip()
            text = _convert(self._argument() or "").strip()
            self.out.append(f"[{text}]({url})")
        elif name == "footnote":
            self.out.append(f" ({_convert(self._argument() or '').strip()})")
        elif name == "illustration":
            self._argument()
            self._argument()
            caption = _convert(self._argument() or "").strip()
            self._block(f"*(figure: {caption})*" if caption else "*(figure omitted)*")
        elif name == "caption":
            self._block(f"*{_convert(self._argument() or '').strip()}*")
        elif name == "multicolumn":
            self._argument()
            self._argument()
            self.out.append(_convert(self._argument() or ""))
        elif name in _DROPPED_WITH_ARGUMENT:
            self._optional()
            self._argument()
            if name in ("newcommand", "renewcommand"):
                self._optional()
                self._argument()
        elif name in _WORDS:
            self.out.append(_WORDS[name])
            if name.isalpha() and self.tex[self.pos : self.pos + 2] == "{}":
                self.pos += 2
        elif name == "item":
            label = self._optional()
            self.out.append(f"\n- {_convert(label) + ' ' if label else ''}")
        else:
            # An unknown command: drop it and its options, keep the text of its arguments.
            while self.tex[self.pos : self.pos + 1] == "[":
                self._optional()
            while (argument := self._argument()) is not None:
                self.out.append(_convert(argument))

    def _accent(self, name: str) -> None:
        argument = self._argument()
        if argument is None and self.pos < len(self.tex):
            argument = self.tex[self.pos]
            self.pos += 1
        letter = _convert(argument or "")
        if letter == "\\i":
            letter = "i"
        self.out.append(unicodedata.normalize("NFC", letter + _ACCENTS[name]))

    def _heading(self, title: str, level: int) -> None:
        known = _SECTIONS.get(title.lower().rstrip(":"))
        if known and level == 2:
            self._block(f"## {known}")
        else:
            self._block(f"{'#' * max(level + 1, 3)} {title}")

    def _environment(self, name: str) -> None:
        body = self._environment_body(name)
        lowered = name.lower()
        if lowered in _SECTIONS:
            self._heading(_SECTIONS[lowered], 2)
            self._block(_convert(body))
        elif name in _MATH_ENVIRONMENTS:
            body = " ".join(body.split())
            if _MATH_ENVIRONMENTS[name]:
                body = f"\\begin{{aligned}}{body}\\end{{aligned}}"
            self._block(f"$${body}$$")
        elif name in _VERBATIM:
            code = body.strip("\n")
            self._block(f"```\n{code}\n```")
        elif name in _LISTS:
            self._block(_list(body, _LISTS[name]))
        elif name in ("tabular", "tabular*", "tabularx", "array"):
            width_argument = re.match(r"\s*(?:\[[^\]]*\])?\s*\{", body)
            if name in ("tabular*", "tabularx") and width_argument:
                body = body[_matching(body, width_argument.end() - 1) + 1 :]
            spec = re.match(r"\s*(?:\[[^\]]*\])?\s*\{", body)
            if spec:
                body = body[_matching(body, spec.end() - 1) + 1 :]
            self._block(_table(body))
        elif name in ("comment",):
            return
        elif name == "minipage":
            spec = re.match(r"\s*(?:\[[^\]]*\])?\s*\{", body)
            if spec:
                body = body[_matching(body, spec.end() - 1) + 1 :]
            self._block(_convert(body))
        else:  # center, figure, table, quote, and environments we do not know
            if name.rstrip("*") in ("figure", "table"):  # a float's placement: [h], [!htb]
                body = re.sub(r"^\s*\[[!a-zH]*\]", "", body)
            self._block(_convert(body))


def _convert(tex: str) -> str:
    return _Converter(tex).run()


def _list(body: str, marker: str) -> str:
    items = _split_top(body, re.compile(r"\\item\b"))
    lines = []
    for number, item in enumerate(items[1:], start=1):
        raw = item
        label_match = re.match(r"\s*\[([^\]]*)\]", raw)
        label = ""
        if label_match:
            label = f"**{_convert(label_match.group(1)).strip()}** "
            raw = raw[label_match.end() :]
        text = _tidy(_convert(raw)).strip()
        bullet = f"{number}." if marker == "1." else "-"
        indent = " " * (len(bullet) + 1)
        first, *rest = (label + text).split("\n")
        lines.append(f"{bullet} {first}")
        lines.extend(f"{indent}{line}" if line else "" for line in rest)
    return "\n".join(lines)


def _table(body: str) -> str:
    body = _RULES.sub("", body)
    rows = []
    for raw_row in _split_top(body, re.compile(r"\\\\(?:\s*\[[^\]]*\])?")):
        cells = [
            " ".join(_convert(cell).split()).replace("|", "\\|")
            for cell in _split_top(raw_row, re.compile(r"&"))
        ]
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)
