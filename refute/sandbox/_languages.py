"""Languages the sandbox runs, and the mapping from Codeforces-style names to them."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class UnknownLanguageError(ValueError):
    """A language name that ``refute`` cannot map to a compiler or interpreter."""


class LanguageFamily(StrEnum):
    CPP = "cpp"
    PYTHON = "python"
    PYPY = "pypy"


class Language(BaseModel):
    """A resolved language: family plus, for C++, the ``-std=`` mode.

    >>> Language.parse("C++20 (GCC 13-64)")
    Language(family=<LanguageFamily.CPP: 'cpp'>, std='c++20')
    >>> Language.parse("PyPy 3-64").family
    <LanguageFamily.PYPY: 'pypy'>
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
        raise UnknownLanguageError(
            f"unknown language {name!r}: expected a C++, Python 3 or PyPy 3 language name"
        )

    @property
    def extension(self) -> str:
        return "cpp" if self.family is LanguageFamily.CPP else "py"

    @property
    def compiled(self) -> bool:
        return self.family is LanguageFamily.CPP

    def __str__(self) -> str:
        if self.family is LanguageFamily.CPP:
            return f"C++ ({self.std})"
        return "Python 3" if self.family is LanguageFamily.PYTHON else "PyPy 3"


# Codeforces' old "C++11"/"C++14" map to the nearest mode g++ 12 accepts; both are subsets.
_STD_BY_YEAR = {"11": "c++11", "14": "c++14", "17": "c++17", "20": "c++20", "23": "c++23"}
CPP17 = Language(family=LanguageFamily.CPP, std="c++17")
PYTHON3 = Language(family=LanguageFamily.PYTHON)
PYPY3 = Language(family=LanguageFamily.PYPY)
_ALIASES = {
    "cpp": CPP17,
    "c++": CPP17,
    "cc": CPP17,
    "cxx": CPP17,
    "py": PYTHON3,
    "python": PYTHON3,
    "python3": PYTHON3,
    "pypy": PYPY3,
    "pypy3": PYPY3,
}

CPP_FLAGS = ("-O2", "-DONLINE_JUDGE", "-pipe")
"""Flags for every C++ compile, besides ``-std=``: the usual judge set."""


PCH_STANDARDS = ("c++17", "c++20", "c++23")
"""Modes whose ``bits/stdc++.h`` is precompiled in the image: compiling a typical contest
source drops from seconds to about a third of a second. Other modes compile without."""

STDCPP_HEADER = "/usr/include/x86_64-linux-gnu/c++/12/bits/stdc++.h"


def pch_argv(std: str) -> list[str]:
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
        STDCPP_HEADER,
        "-o",
        f"{STDCPP_HEADER}.gch/{std}.gch",
    ]


def compile_argv(language: Language, source: str, output: str) -> list[str]:
    """The compiler command for a source file in the container."""
    return ["/usr/bin/g++", f"-std={language.std}", *CPP_FLAGS, "-o", output, source]


def run_argv(language: Language, path: str) -> list[str]:
    """The command that runs a program (a binary for C++, a script otherwise)."""
    if language.family is LanguageFamily.CPP:
        return [path]
    if language.family is LanguageFamily.PYPY:
        return ["/usr/bin/pypy3", path]
    return ["/usr/bin/python3", path]
