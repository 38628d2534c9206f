"""``problem.yaml`` and the statement of a Kattis package: names, limits, problem type."""

from __future__ import annotations

import configparser
import re
from pathlib import Path
from typing import Any

import yaml

from ._latex import latex_to_markdown
from ._skip import Skip

DEFAULT_TIME_LIMIT_MS = 2000
"""When a package states no time limit (Kattis derives it from the accepted runs)."""

DEFAULT_MEMORY_MB = 2048
"""Kattis' default memory limit."""


def problem_yaml(directory: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load((directory / "problem.yaml").read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise Skip(f"problem.yaml does not parse: {error}", cause="bad package") from error
    if not isinstance(data, dict):
        raise Skip("problem.yaml is not a mapping", cause="bad package")
    return data


def text_field(value: Any) -> str | None:
    """A name or credit that may be a string, a list, or a ``{language: text}`` mapping."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("en", next(iter(value.values()), None))
        return text_field(value)
    if isinstance(value, list):
        names = [str(text_field(item)) for item in value if item]
        return ", ".join(names) or None
    return str(value).strip() or None


def flag_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value).split()


def check_type(meta: dict[str, Any]) -> None:
    kinds = meta.get("type", "pass-fail")
    kinds = set(kinds if isinstance(kinds, list) else str(kinds).split())
    validation = str(meta.get("validation", "default")).split()
    if "interactive" in kinds or "interactive" in validation:
        raise Skip(
            "interactive problem: refute judges programs that read one input file",
            cause="interactive",
        )
    if "multi-pass" in kinds or "multi-pass" in validation:
        raise Skip("multi-pass problem: refute judges one run per input", cause="multi-pass")
    if "scoring" in kinds or "score" in validation:
        raise Skip("scoring problem: refute judges pass-fail problems", cause="scoring")


def statement(directory: Path, name: str | None) -> tuple[str, str]:
    """The statement as Markdown, and the title (``name`` from problem.yaml wins)."""
    candidates: list[Path] = []
    for folder in ("problem_statement", "statement"):
        base = directory / folder
        for pattern in ("problem.en.tex", "problem.tex", "problem.en.md", "problem.md"):
            candidates += [base / pattern] if (base / pattern).is_file() else []
        candidates += sorted(base.glob("problem.*.tex")) + sorted(base.glob("problem.*.md"))
    if not candidates:
        raise Skip(
            "no statement: expected problem_statement/problem.en.tex (or .md)",
            cause="no statement",
        )
    path = candidates[0]
    text = path.read_text(encoding="utf-8")
    markdown = latex_to_markdown(text) if path.suffix == ".tex" else text.strip() + "\n"
    title = None
    first, _, rest = markdown.partition("\n")
    if first.startswith("# "):
        title, markdown = first[2:].strip() or None, rest.lstrip("\n")
    markdown = re.sub(r"^#{1,6}[ \t]+(Input|Output|Notes?)[ \t]*$", _section, markdown, flags=re.M)
    title = name or title or directory.name
    return f"# {title}\n\n{markdown}", title


def _section(match: re.Match[str]) -> str:
    word = match.group(1)
    return "## Note" if word.startswith("Note") else f"## {word}"


def memory_mb(value: Any) -> int:
    try:
        memory = int(value)
    except (TypeError, ValueError) as error:
        raise Skip(
            f"limits.memory {value!r} is not a number of MiB", cause="bad package"
        ) from error
    if memory <= 0:
        raise Skip(f"limits.memory {value!r} is not a positive number of MiB", cause="bad package")
    return memory


def time_limit_ms(directory: Path, meta: dict[str, Any]) -> int:
    limits = meta.get("limits") or {}
    seconds: Any = limits.get("time_limit") if isinstance(limits, dict) else None
    if seconds is None and (directory / ".timelimit").is_file():
        seconds = (directory / ".timelimit").read_text().strip()
    ini = directory / "domjudge-problem.ini"
    if seconds is None and ini.is_file():
        parser = configparser.ConfigParser()
        parser.read_string("[problem]\n" + ini.read_text(encoding="utf-8"))
        seconds = parser["problem"].get("timelimit", "").strip("'\"") or None
    if seconds is None:
        return DEFAULT_TIME_LIMIT_MS
    try:
        return max(1, round(float(seconds) * 1000))
    except ValueError as error:
        raise Skip(
            f"time limit {seconds!r} is not a number of seconds", cause="bad package"
        ) from error
