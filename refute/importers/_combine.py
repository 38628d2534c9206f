"""Several C++ programs, each with its own ``main``, as one program.

A Kattis package may ship several C++ input validators, all of which must accept an
input, and refute's package has one validator program. The sources go into one file,
each in a namespace of its own with its ``main`` renamed; a new ``main`` runs the one
that the ``REFUTE_KATTIS_VALIDATOR`` environment variable names (the adapter of
``_adapters.cpp_input_validators`` runs each in turn). What a namespace cannot hold
moves out of it: the system headers each source includes (outside any ``#if``), which
come first. The macros a source defines are undefined after it, so that the next one
starts clean (an include guard of a header both inline does not hide the second copy).
A source that still does not compile this way (one that opens ``namespace std``, say)
fails the import's sample check and is reported there.
"""

from __future__ import annotations

import re

_SYSTEM_INCLUDE = re.compile(r"^[ \t]*#[ \t]*include[ \t]*<[^>]+>[^\n]*$")
_OPENS = re.compile(r"^[ \t]*#[ \t]*if(?:n?def)?\b")
_CLOSES = re.compile(r"^[ \t]*#[ \t]*endif\b")
_DEFINES = re.compile(r"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)", re.MULTILINE)

_CALL = """template <class Main>
static int refute_call(Main main, int argc, char** argv) {
    if constexpr (std::is_invocable_v<Main, int, char**>) return main(argc, argv);
    else return main();
}
"""


def split_system_includes(source: str) -> tuple[list[str], str]:
    """The system ``#include`` lines outside any ``#if``, and the rest of the source.

    >>> split_system_includes("#include <cstdio>\\n#ifdef X\\n#include <x.h>\\n#endif\\nint a;")
    (['#include <cstdio>'], '#ifdef X\\n#include <x.h>\\n#endif\\nint a;')
    """
    includes: list[str] = []
    rest: list[str] = []
    depth = 0
    for line in source.split("\n"):
        if _OPENS.match(line):
            depth += 1
        elif _CLOSES.match(line):
            depth = max(0, depth - 1)
        if depth == 0 and _SYSTEM_INCLUDE.match(line):
            includes.append(line.strip())
        else:
            rest.append(line)
    return includes, "\n".join(rest)


def combine_mains(sources: list[tuple[str, str]]) -> str:
    """One C++ translation unit for ``(name, source)`` pairs whose ``main`` is chosen by
    ``REFUTE_KATTIS_VALIDATOR`` (1 for the first).

    >>> text = combine_mains([("a", "#include <cstdio>\\nint main() { return 42; }"),
    ...                       ("b", "#define N 3\\nint main(int c, char** v) { return N; }")])
    >>> print(text.split("// ---- validator a")[0].strip())
    #include <cstdio>
    >>> "namespace refute_validator_2 {" in text and "#undef N" in text
    True
    >>> "case 2: return refute_call(refute_validator_2::refute_main, argc, argv);" in text
    True
    """
    hoisted: list[str] = []
    parts: list[str] = []
    for number, (name, source) in enumerate(sources, 1):
        includes, rest = split_system_includes(source)
        hoisted += [line for line in includes if line not in hoisted]
        undefine = "".join(f"#undef {macro}\n" for macro in dict.fromkeys(_DEFINES.findall(rest)))
        parts.append(
            f"// ---- validator {name}, as shipped ----\n"
            f"namespace refute_validator_{number} {{\n#define main refute_main\n{rest}\n"
            f"#undef main\n}}  // namespace refute_validator_{number}\n{undefine}"
        )
    cases = "".join(
        f"        case {number}: return refute_call(refute_validator_{number}::refute_main,"
        " argc, argv);\n"
        for number in range(1, len(sources) + 1)
    )
    dispatch = (
        "int main(int argc, char** argv) {\n"
        '    const char* which = std::getenv("REFUTE_KATTIS_VALIDATOR");\n'
        "    switch (which ? std::atoi(which) : 0) {\n"
        f"{cases}"
        "    }\n"
        "    return 3;\n"
        "}\n"
    )
    return "\n".join([*hoisted, "", *parts, _CALL, dispatch])
