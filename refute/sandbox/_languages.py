"""Languages the sandbox runs, and the mapping from Codeforces-style names to them."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from ..errors import ProgramError


class UnknownLanguageError(ProgramError, ValueError):
    """A language name that ``refute`` cannot map to a compiler or interpreter."""


class LanguageFamily(StrEnum):
    """How a program is built and started: by ``gcc``, ``g++``, ``python3`` or ``pypy3``."""

    C = "c"
    CPP = "cpp"
    PYTHON = "python"
    PYPY = "pypy"


class Language(BaseModel):
    """A resolved language: family plus, for C and C++, the ``-std=`` mode.

    >>> Language.parse("C++20 (GCC 13-64)")
    Language(family=<LanguageFamily.CPP: 'cpp'>, std='c++20')
    >>> Language.parse("PyPy 3-64").family
    <LanguageFamily.PYPY: 'pypy'>
    >>> str(Language.parse("GNU C11")), str(Language.parse("py3"))
    ('C (gnu11)', 'Python 3')
    """

    model_config = ConfigDict(frozen=True)

    family: LanguageFamily
    std: str | None = None

    @classmethod
    def parse(cls, name: str) -> Language:
        """Map a language name (Codeforces, file extension or short form) to a language.

        Raises ``UnknownLanguageError`` naming the input when it cannot be mapped.
        """
        key = name.strip().lower()
        if key in _ALIASES:
            return _ALIASES[key]
        if "pypy" in key:
            if re.search(r"pypy\s*2", key):
                raise UnknownLanguageError(f"unsupported language {name!r}: Python 2 is not run")
            return PYPY3
        if "python" in key:
            if re.search(r"python\s*2", key):
                raise UnknownLanguageError(f"unsupported language {name!r}: Python 2 is not run")
            return PYTHON3
        match = re.search(r"(?:c\+\+|cpp)\s*(\d{2})", key)
        if match:
            year = match.group(1)
            if year not in _STD_BY_YEAR:
                raise UnknownLanguageError(f"unsupported C++ standard in {name!r}")
            return cls(family=LanguageFamily.CPP, std=_STD_BY_YEAR[year])
        if "c++" in key or key.startswith("g++") or "gnu c++" in key:
            return CPP17
        match = re.fullmatch(r"(?:gnu\s*)?c\s*(\d{2})?(?:\s*\(.*\))?|gcc|ansi c", key)
        if match:
            year = match.group(1) or "17"
            if year not in _C_STD_BY_YEAR:
                raise UnknownLanguageError(f"unsupported C standard in {name!r}")
            return cls(family=LanguageFamily.C, std=_C_STD_BY_YEAR[year])
        raise UnknownLanguageError(
            f"unknown language {name!r}: expected a C, C++, Python 3 or PyPy 3 language name"
        )

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self.family]

    @property
    def compiled(self) -> bool:
        return self.family in (LanguageFamily.C, LanguageFamily.CPP)

    def __str__(self) -> str:
        if self.family is LanguageFamily.CPP:
            return f"C++ ({self.std})"
        if self.family is LanguageFamily.C:
            return f"C ({self.std})"
        return "Python 3" if self.family is LanguageFamily.PYTHON else "PyPy 3"


_STD_BY_YEAR = {"11": "c++11", "14": "c++14", "17": "c++17", "20": "c++20", "23": "c++23"}
# GNU dialects, as judges compile C (DOMjudge and Kattis: gcc -std=gnu11 or later, -O2 -lm).
_C_STD_BY_YEAR = {"89": "gnu89", "99": "gnu99", "11": "gnu11", "17": "gnu17", "23": "gnu23"}
CPP17 = Language(family=LanguageFamily.CPP, std="c++17")
C17 = Language(family=LanguageFamily.C, std="gnu17")
PYTHON3 = Language(family=LanguageFamily.PYTHON)
PYPY3 = Language(family=LanguageFamily.PYPY)
_ALIASES = {
    "c": C17,
    "cpp": CPP17,
    "c++": CPP17,
    "cc": CPP17,
    "cxx": CPP17,
    "py": PYTHON3,
    "py3": PYTHON3,
    "python": PYTHON3,
    "python3": PYTHON3,
    "pypy": PYPY3,
    "pypy3": PYPY3,
}
_EXTENSIONS = {
    LanguageFamily.C: "c",
    LanguageFamily.CPP: "cpp",
    LanguageFamily.PYTHON: "py",
    LanguageFamily.PYPY: "py",
}

SOURCE_SUFFIXES = {
    ".c": LanguageFamily.C,
    ".cpp": LanguageFamily.CPP,
    ".cc": LanguageFamily.CPP,
    ".cxx": LanguageFamily.CPP,
    ".c++": LanguageFamily.CPP,
    ".py": LanguageFamily.PYTHON,
    ".py3": LanguageFamily.PYTHON,
}
"""File suffixes of the languages the sandbox runs, as judges name them (``.py`` may be run
with PyPy too: the suffix gives the family of the default language only)."""

CPP_FLAGS = ("-O2", "-DONLINE_JUDGE", "-pipe")
"""Flags for every C and C++ compile, besides ``-std=``: the usual judge set."""


PCH_STANDARDS = ("c++17", "c++20", "c++23")
"""Modes whose ``bits/stdc++.h`` is precompiled in the image: compiling a typical contest
source drops from seconds to about a third of a second. Other modes compile without."""

STDCPP_HEADERS = "usr/include/x86_64-linux-gnu/c++/*/bits/stdc++.h"
"""Where ``bits/stdc++.h`` lies in the image's root, whatever GCC's major version."""


def pch_argv(std: str, header: str) -> list[str]:
    """The command that precompiles ``bits/stdc++.h`` for one mode, with the judge's flags.

    GCC uses a precompiled header only when the flags match, so this must stay in step
    with ``compile_argv``; the header's ``.gch`` directory may hold one file per mode.
    """
    return [
        "g++",
        f"-std={std}",
        *CPP_FLAGS,
        "-x",
        "c++-header",
        header,
        "-o",
        f"{header}.gch/{std}.gch",
    ]


def compile_argv(
    language: Language, source: str, output: str, *, headers: bool = False
) -> list[str]:
    """The compiler command for a source file in the container.

    With ``headers``, the working directory (where a program's header files are put) is
    searched for ``#include`` files too, both ``"..."`` and ``<...>``: packages write
    ``#include "testlib.h"`` as often as ``#include <testlib.h>``.
    """
    search = ["-I."] if headers else []
    if language.family is LanguageFamily.C:
        return [
            "/usr/bin/gcc",
            f"-std={language.std}",
            *CPP_FLAGS,
            *search,
            "-o",
            output,
            source,
            "-lm",
        ]
    return ["/usr/bin/g++", f"-std={language.std}", *CPP_FLAGS, *search, "-o", output, source]


def run_argv(language: Language, path: str) -> list[str]:
    """The command that runs a program (a binary for C and C++, a script otherwise)."""
    if language.compiled:
        return [path]
    if language.family is LanguageFamily.PYPY:
        return ["/usr/bin/pypy3", path]
    return ["/usr/bin/python3", path]
