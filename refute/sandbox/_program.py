"""Programs: source code in a language, and what compiling one produces."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ._languages import Language


def text_bytes(text: str) -> bytes:
    """UTF-8 bytes of program text or I/O, keeping bytes that arrived undecodable.

    Text read with ``surrogateescape`` turns back into its original bytes; a lone
    surrogate no byte maps to (a model may write one) passes through instead of failing.
    """
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


class Program(BaseModel):
    """Source code and the language it is written in.

    >>> program = Program(source="print(int(input()) * 2)", language=Language.parse("py"))
    >>> str(program.language)
    'Python 3'
    """

    model_config = ConfigDict(frozen=True)

    source: str
    language: Language

    @classmethod
    def from_file(cls, path: Path, language: str | None = None) -> Program:
        """Read a program; without ``language``, the file extension decides."""
        return cls(
            source=path.read_text(encoding="utf-8"),
            language=Language.parse(language or path.suffix.lstrip(".")),
        )

    @property
    def digest(self) -> str:
        return hashlib.sha256(text_bytes(self.source)).hexdigest()


class Executable(BaseModel):
    """A program ready to run: the file to put into a container and how to start it.

    ``name`` is the file's name in a container's store; it is a content hash, so the
    same name always means the same bytes.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    data: bytes
    language: Language
