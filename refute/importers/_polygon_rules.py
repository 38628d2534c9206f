"""Polygon's names for languages and standard checkers, in refute's terms."""

from __future__ import annotations

import re

from ..problems import CheckerSettings

BUILT_IN_CHECKERS: dict[str, CheckerSettings] = {
    "wcmp": CheckerSettings(),
    "ncmp": CheckerSettings(),
    "hcmp": CheckerSettings(),
    "yesno": CheckerSettings(),
    "nyesno": CheckerSettings(),
    "rcmp4": CheckerSettings(abs_tolerance=1e-4, rel_tolerance=1e-4),
    "rcmp6": CheckerSettings(abs_tolerance=1e-6, rel_tolerance=1e-6),
    "rcmp9": CheckerSettings(abs_tolerance=1e-9, rel_tolerance=1e-9),
}
"""testlib's standard checkers that refute's token comparison decides the same way.

``wcmp`` (words), ``ncmp`` (integers), ``hcmp`` (huge integers) compare tokens exactly;
``yesno``/``nyesno`` compare YES/NO in any case, as refute does; ``rcmpK`` accept an
absolute or relative error of 10^-K. The one difference: refute also accepts ``yes`` for
``YES`` under ``wcmp``, which can only make a refutation harder, never a false one.
Every other checker (``lcmp`` and ``fcmp`` compare lines, ``uncmp`` ignores order, ...)
is compiled from the source the package ships, with its ``testlib.h``.
"""


def standard_checker(name: str | None) -> str | None:
    """``lcmp`` for ``std::lcmp.cpp``; ``None`` for a package's own checker."""
    match = re.fullmatch(r"std::(\w+)(?:\.cpp)?", (name or "").strip())
    return match.group(1) if match else None


def language_name(polygon_type: str) -> str | None:
    """The refute language name for a Polygon source type, or ``None`` when the sandbox
    has no such language (Java, Kotlin, Python 2, ...).

    >>> language_name("cpp.g++17"), language_name("cpp.gcc14-64-msys2-g++23")
    ('C++17', 'C++23')
    >>> language_name("cpp.g++"), language_name("python.3"), language_name("java8")
    ('C++17', 'Python 3', None)
    """
    kind = polygon_type.strip().lower()
    family, _, variant = kind.partition(".")
    if family == "cpp":
        match = re.search(r"\+\+(\d\d)\b", variant)
        year = match.group(1) if match else None
        # Older standards compile as C++17: GCC 14 keeps what they used, and C++17 has a
        # precompiled bits/stdc++.h in the image.
        return f"C++{year}" if year in ("20", "23") else "C++17"
    if family == "c":
        return "GNU C11"
    if family == "python":
        if variant.startswith("pypy"):
            return None if "pypy2" in variant else "PyPy 3"
        return "Python 3" if variant.startswith("3") else None
    if family == "pypy":
        return "PyPy 3" if variant.startswith("3") else None
    return None


_FAMILIES = {
    "java": "Java",
    "kotlin": "Kotlin",
    "pas": "Pascal",
    "delphi": "Pascal",
    "fpc": "Pascal",
    "csharp": "C#",
    "cs": "C#",
    "go": "Go",
    "rust": "Rust",
    "ruby": "Ruby",
    "haskell": "Haskell",
    "ocaml": "OCaml",
    "scala": "Scala",
    "js": "JavaScript",
    "php": "PHP",
    "perl": "Perl",
    "d": "D",
}


def language_family(polygon_type: str) -> str:
    """A language's name without its version, for the report's summary by cause.

    >>> language_family("java11"), language_family("python.2"), language_family("kotlin16")
    ('Java', 'Python 2', 'Kotlin')
    """
    kind = polygon_type.strip().lower()
    if kind.startswith(("python.2", "pypy.2", "python.pypy2")):
        return "Python 2"
    family = re.match(r"[a-z]+", kind)
    if family is None:
        return kind or "unknown"
    return _FAMILIES.get(family.group(0), family.group(0))
