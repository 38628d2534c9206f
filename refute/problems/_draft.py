"""A package before it is written: every file of ``docs/problem-format.md`` as text.

Importers and the refresh job build packages as a ``PackageDraft``; ``files()`` is the
one writer of the format, as ``_loader`` is its one reader."""

from __future__ import annotations

import re
from typing import Any

import tomlkit
from pydantic import BaseModel, ConfigDict

from ._models import Origin, ProblemMetadata, SubmissionNotes

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")


def package_id(raw: str, fallback: str = "problem") -> str:
    """A package id (or submission name) from any string: letters, digits, ``_ . -``.

    >>> package_id("2051F"), package_id("Sum of two!"), package_id("--x")
    ('2051F', 'Sum-of-two', 'x')
    """
    cleaned = _ID_CHARS.sub("-", raw.strip()).strip("-_.")
    return cleaned or fallback


class SourceFile(BaseModel):
    """A program to write: its source, file extension (``cpp``/``py``) and language name."""

    model_config = ConfigDict(frozen=True)

    source: str
    extension: str
    language: str | None = None


class SubmissionDraft(SubmissionNotes):
    """One incorrect submission: ``incorrect/<name>.<ext>`` and ``<name>.fail.in``."""

    name: str
    program: SourceFile
    fail_input: str


class PackageDraft(ProblemMetadata):
    """Everything a package holds, before it is written and checked.

    ``files()`` gives each file's path (relative to the package) and bytes; the same
    draft always gives the same bytes, so that an import run twice writes nothing new.
    """

    origin: Origin
    statement: str
    examples: tuple[tuple[str, str, str], ...]
    """``(name, input, answer)`` per example."""
    invalid: tuple[tuple[str, str], ...] = ()
    """``(name, input)`` per input the validator must reject (``invalid/<name>.in``)."""
    reference: SourceFile
    validator: SourceFile
    checker: SourceFile | None = None
    incorrect: tuple[SubmissionDraft, ...]

    def without(self, names: set[str]) -> PackageDraft:
        """The draft without the incorrect submissions named in ``names``."""
        kept = tuple(s for s in self.incorrect if s.name not in names)
        return self.model_copy(update={"incorrect": kept})

    def files(self) -> dict[str, bytes]:
        files = {
            "problem.toml": self.toml(),
            "statement.md": _text(self.statement),
            f"reference.{self.reference.extension}": self.reference.source,
            f"validator.{self.validator.extension}": self.validator.source,
        }
        if self.checker is not None:
            files[f"checker.{self.checker.extension}"] = self.checker.source
        for name, text, answer in self.examples:
            files[f"examples/{name}.in"] = text
            files[f"examples/{name}.ans"] = answer
        for name, text in self.invalid:
            files[f"invalid/{name}.in"] = text
        for submission in self.incorrect:
            files[f"incorrect/{submission.name}.{submission.program.extension}"] = (
                submission.program.source
            )
            files[f"incorrect/{submission.name}.fail.in"] = submission.fail_input
        return {path: text.encode("utf-8", "surrogateescape") for path, text in files.items()}

    def toml(self) -> str:
        """``problem.toml`` for this draft."""
        top: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "url": self.url,
            "rating": self.rating,
            "tags": list(self.tags) if self.tags else None,
            "time_limit_ms": self.time_limit_ms,
            "memory_limit_mb": self.memory_limit_mb,
            "license": self.license,
            "attribution": self.attribution,
        }
        tables: dict[str, Any] = {}
        if self.checker is None and self.checker_settings.uses_tolerance:
            tables["checker"] = self.checker_settings.model_dump()
        if self.reference.language:
            tables["reference"] = {"language": self.reference.language}
        tables["origin"] = self.origin.model_dump()
        incorrect = {
            submission.name: {
                "language": submission.program.language,
                "bug": submission.bug,
                "note": submission.note,
                "author_rating": submission.author_rating,
                "origin": submission.origin,
            }
            for submission in self.incorrect
        }
        tables["incorrect"] = {name: _present(t) for name, t in incorrect.items() if _present(t)}
        document = _present(top) | {
            name: table
            for name, table in ((name, _present(table)) for name, table in tables.items())
            if table
        }
        return tomlkit.dumps(document)


def _present(table: dict[str, Any]) -> dict[str, Any]:
    """``table`` without its ``None`` values (TOML has no null)."""
    return {key: value for key, value in table.items() if value is not None}


def _text(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
