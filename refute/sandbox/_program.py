"""Programs: source code in a language, and what compiling one produces."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from ._languages import Language

_FILE_NAME = re.compile(r"[A-Za-z0-9_+-][A-Za-z0-9_.+-]*")


def text_bytes(text: str) -> bytes:
    """UTF-8 bytes of program text or I/O, keeping bytes that arrived undecodable.

    Text read with ``surrogateescape`` turns back into its original bytes; a lone
    surrogate no byte maps to (a model may write one) passes through instead of failing.
    """
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def as_text(data: bytes) -> str:
    """Program bytes as text: ``text_bytes`` turns it back into exactly ``data``.

    Bytes that are not UTF-8 become lone surrogates (``surrogateescape``), so such
    text is not for display: see ``printable_text``.
    """
    return data.decode("utf-8", "surrogateescape")


def printable_text(text: str) -> str:
    """``text`` as it may be shown or recorded: every byte that is not UTF-8 written as
    ``\\xNN``, so printing it, writing it as UTF-8 or as JSON never fails.

    >>> printable_text(as_text(b"caf\\xc3\\xa9 \\xff"))
    'café \\\\xff'
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text_bytes(text).decode("utf-8", "backslashreplace")


class Program(BaseModel):
    """Source code, the language it is written in, and the files it needs beside it.

    ``files`` are header files a C or C++ source includes: a package's
    ``testlib.h`` or ``validation.h``. They may be given as a mapping of plain file names
    (no directories) to text; they are kept sorted, so equal files give equal programs.

    >>> program = Program(source="print(int(input()) * 2)", language=Language.parse("py"))
    >>> str(program.language)
    'Python 3'
    >>> Program(source="", language=Language.parse("c"), files={"b.h": "", "a.h": ""}).files
    (('a.h', ''), ('b.h', ''))
    """

    model_config = ConfigDict(frozen=True)

    source: str
    language: Language
    files: tuple[tuple[str, str], ...] = ()

    @field_validator("files", mode="before")
    @classmethod
    def _sorted_files(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            value = tuple(value.items())
        if isinstance(value, (tuple, list)):
            value = tuple(sorted(tuple(item) for item in value))
            for name, _ in value:
                if not isinstance(name, str) or not _FILE_NAME.fullmatch(name):
                    raise ValueError(f"bad file name {name!r}: a plain name, no directory")
        return value

    @classmethod
    def from_file(cls, path: Path, language: str | None = None) -> Program:
        """Read a program; without ``language``, the file extension decides."""
        return cls(
            source=path.read_text(encoding="utf-8"),
            language=Language.parse(language or path.suffix.lstrip(".")),
        )

    @property
    def digest(self) -> str:
        digest = hashlib.sha256(text_bytes(self.source))
        for name, text in self.files:
            digest.update(b"\0" + name.encode() + b"\0" + text_bytes(text))
        return digest.hexdigest()


class Executable(BaseModel):
    """A program ready to run: the file to put into a container and how to start it.

    ``name`` is the file's name in a container's store; it is a content hash, so the
    same name always means the same bytes.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    data: bytes
    language: Language
