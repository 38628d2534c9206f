"""A Polygon package's statement as refute's ``statement.md``.

Three places hold it, tried in order: ``statement-sections/<lang>/`` (one ``.tex`` file per
section), ``statements/<lang>/problem-properties.json`` (the same sections as JSON), and
``statements/<lang>/problem.tex`` (the whole statement in ``olymp.sty`` markup).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import ImporterError
from ._latex import latex_to_markdown

_SECTIONS = (
    ("legend", None),
    ("input", "Input"),
    ("output", "Output"),
    ("interaction", "Interaction"),
    ("scoring", "Scoring"),
    ("notes", "Notes"),
)
# olymp.sty's section commands, as the headings the LaTeX helper knows.
_OLYMP = {
    "InputFile": "Input",
    "OutputFile": "Output",
    "Note": "Notes",
    "Notes": "Notes",
    "Scoring": "Scoring",
    "Interaction": "Interaction",
}


class StatementError(ImporterError):
    """No statement, or one without its input or output section."""


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")


def _from_sections(parts: dict[str, str]) -> str:
    tex = []
    for key, heading in _SECTIONS:
        body = parts.get(key, "").strip()
        if body:
            tex.append(f"\\section*{{{heading}}}\n{body}" if heading else body)
    return "\n\n".join(tex)


def _sections_folder(folder: Path) -> str | None:
    if not (folder / "legend.tex").is_file():
        return None
    return _from_sections(
        {
            key: _read(folder / f"{key}.tex")
            for key, _ in _SECTIONS
            if (folder / f"{key}.tex").is_file()
        }
    )


def _properties(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not data.get("legend"):
        return None
    return _from_sections({key: str(data.get(key) or "") for key, _ in _SECTIONS})


def olymp_to_latex(tex: str) -> str:
    """``problem.tex`` in olymp.sty markup as plain LaTeX sections: the ``problem``
    environment's five arguments and the examples (kept apart, in ``examples/``) dropped."""
    tex = re.sub(r"\\begin\{problem\}(\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}){0,5}", "", tex)
    tex = tex.replace("\\end{problem}", "")
    tex = re.sub(r"\\exmpfile\{[^}]*\}\{[^}]*\}%?", "", tex)
    tex = re.sub(r"\\exmp\{(?:[^{}]|\{[^{}]*\})*\}\{(?:[^{}]|\{[^{}]*\})*\}%?", "", tex)
    tex = re.sub(r"\\begin\{example\}.*?\\end\{example\}", "", tex, flags=re.S)
    tex = re.sub(r"\\Examples?\b\s*", "", tex)
    return re.sub(
        r"\\(InputFile|OutputFile|Notes?|Scoring|Interaction)\b",
        lambda m: f"\\section*{{{_OLYMP[m.group(1)]}}}",
        tex,
    )


def statement_markdown(directory: Path, language: str, tex_path: str | None, title: str) -> str:
    """``# title`` and the statement in Markdown, math kept between ``$``."""
    sections = directory / "statement-sections" / language
    tex = _sections_folder(sections)
    if tex is None:
        tex = _properties(directory / "statements" / language / "problem-properties.json")
    if tex is None:
        path = directory / (tex_path or f"statements/{language}/problem.tex")
        if not path.is_file():
            raise StatementError(f"no statement: {path.relative_to(directory)} is missing")
        tex = olymp_to_latex(_read(path))
    markdown = latex_to_markdown(tex)
    markdown = re.sub(r"^##[ \t]+Notes[ \t]*$", "## Note", markdown, flags=re.M)
    for heading in ("Input", "Output"):
        if not re.search(rf"^## {heading}[ \t]*$", markdown, flags=re.M):
            raise StatementError(f"the statement has no {heading.lower()} section")
    return f"# {title}\n\n{markdown.strip()}\n"
