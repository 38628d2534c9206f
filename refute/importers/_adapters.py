"""Kattis validators adapted to refute's contracts (``docs/importing.md`` explains why).

Kattis input validators read the input on stdin and exit 42 (valid) or 43 (invalid);
refute's ``validator`` exits 0 for valid. Kattis output validators run as
``validator input judge_answer feedback_dir < team_output`` and exit 42 (accept) or 43
(reject); refute's ``checker`` runs as ``checker input output answer`` and exits 0, 1, or
3 when it fails. So:

- Python validators (and ``.ctd`` scripts, translated to Python by ``checktestdata``) are
  embedded in a Python wrapper that runs each of them in a subprocess and translates.
- A C++ validator becomes ``validator.cpp`` / ``checker.cpp``: its local headers inlined,
  and a constructor that runs before ``main`` forks; the child runs the validator (for an
  output validator: re-executed with Kattis' arguments and the output on stdin), the
  parent translates the exit code. It is compiled once per run, like any program.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..errors import ImporterError
from ._combine import combine_mains

_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*(?:"([^"]+)"|<([^>]+)>)[^\n]*$', re.MULTILINE)
_PRAGMA_ONCE = re.compile(r"^[ \t]*#[ \t]*pragma[ \t]+once[^\n]*$", re.MULTILINE)


class AdapterError(ImporterError, ValueError):
    """A validator that cannot be adapted (a missing header, a ``.ctd`` that does not parse)."""


def literal(text: str) -> str:
    """A Python string literal for ``text``: a raw triple-quoted one when that is exact.

    >>> literal("print(1)\\n")
    "r'''print(1)\\n'''"
    >>> literal("x = '''\\n")
    '"x = \\'\\'\\'\\\\n"'
    """
    unsafe = "'''" in text or text.endswith(("\\", "'")) or "\r" in text
    return repr(text) if unsafe else f"r'''{text}'''"


def package_header(root: Path, name: str) -> Path | None:
    """The one header called ``name`` anywhere in the package ``root``, when all its
    copies are the same: archives often link a shared ``validate.h`` into each program
    folder with a symbolic link that points outside the package (and so dangles in a
    copy of one package), while a real copy sits in another folder of it."""
    base = Path(name).name
    copies = [p for p in root.rglob(base) if p.is_file() and not p.is_symlink()]
    contents = {p.read_bytes() for p in copies}
    return copies[0].resolve() if len(contents) == 1 else None


def inline_includes(path: Path, root: Path, search: tuple[Path, ...] = ()) -> str:
    """``path``'s source with each ``#include "x"`` found in the package replaced by its
    text (once per file, as with ``#pragma once``). Headers must lie inside ``root``. An
    ``#include <x>`` is replaced too when the folders searched hold ``x`` (packages write
    ``#include <validation.h>`` as often as ``"validation.h"``); otherwise it is a system
    header and stays.
    """
    seen: set[Path] = set()

    def expand(file: Path) -> str:
        seen.add(file.resolve())
        text = _PRAGMA_ONCE.sub("", file.read_text(encoding="utf-8"))

        def replace(match: re.Match[str]) -> str:
            name = match.group(1) or match.group(2)
            angle = match.group(1) is None
            for directory in (file.parent, *search):
                candidate = (directory / name).resolve()
                if candidate.is_file():
                    if not candidate.is_relative_to(root.resolve()):
                        raise AdapterError(f"{file.name} includes {name}, outside the package")
                    if candidate in seen:
                        return f"// refute: {name} inlined above"
                    return (
                        f"// refute: {name} inlined\n{expand(candidate)}\n// refute: end of {name}"
                    )
            if angle and not any((d / name).is_symlink() for d in (file.parent, *search)):
                return match.group(0)  # a system header
            shared = package_header(root, name)
            if shared is not None and shared not in seen:
                return f"// refute: {name} inlined\n{expand(shared)}\n// refute: end of {name}"
            dangling = [d / name for d in (file.parent, *search) if (d / name).is_symlink()]
            how = " (its symbolic link points outside the package)" if dangling else ""
            raise AdapterError(
                f"{file.name} includes {name!r}, which the package does not ship{how}"
            )

        return _INCLUDE.sub(replace, text)

    return expand(path)


def ctd_to_python(script: bytes, name: str) -> str:
    """A ``.ctd`` (checktestdata) script as a standalone Python program that exits 42/43.

    Uses the ``checktestdata`` package's own translation, here on the host: it parses
    the script and emits Python; the emitted program runs in the sandbox.
    """
    from checktestdata.parser import (  # type: ignore[import-untyped, unused-ignore]
        ParserException,
        parse,
    )
    from checktestdata.tokenizer import tokenize  # type: ignore[import-untyped, unused-ignore]

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 100_000))  # the parser recurses per nested construct
    try:
        code: str = parse(tokenize(script)).python_code(standalone=True)
    except ParserException as error:
        where = f"{error.token.line}:{error.token.column}: " if error.token else ""
        raise AdapterError(f"{name}: {where}{error}") from error
    except Exception as error:  # the parser raises plain exceptions for some faults
        raise AdapterError(f"{name}: {error}") from error
    finally:
        sys.setrecursionlimit(limit)
    return code


_PYTHON_INPUT = '''"""Input validator of the Kattis problem package {origin}, wrapped for refute.

Kattis input validators exit 42 for a valid input and 43 for an invalid one; this wrapper
runs each one below on the input and exits 0 only when all accept it. A checktestdata
script (translated to Python by the checktestdata package) runs in this process; the
others run as subprocesses. Generated by `refute problems import kattis`: edit the
package and import again, not this file.
"""

import io
import os
import subprocess
import sys
import tempfile

VALIDATORS = [
{entries}
]
"""(file name, kind, arguments, source) of each validator; kind is "python" or "ctd"."""


def run_ctd(name, source, data):
    """Run a translated checktestdata script here; its failures raise exceptions."""
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        exec(compile(source, name, "exec"), {{"__name__": "refute_ctd"}})
    except Exception as error:  # checktestdata's ValidationError, or a fault of the script
        return f"{{name}} rejects the input: {{error}}"
    return None


def run_python(name, arguments, source, data, directory):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    run = subprocess.run([sys.executable, path, *arguments], input=data, capture_output=True)
    if run.returncode == 42:
        return None
    said = (run.stderr or run.stdout).decode("utf-8", "replace").strip()[:2000]
    if run.returncode == 43:
        return f"{{name}} rejects the input" + (f": {{said}}" if said else " (exit 43)")
    return f"{{name}} fails (exit {{run.returncode}}): {{said}}"


def main():
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as directory:
        for name, kind, arguments, source in VALIDATORS:
            if kind == "ctd":
                failure = run_ctd(name, source, data)
            else:
                failure = run_python(name, arguments, source, data, directory)
            if failure:
                sys.stdout = sys.__stdout__
                sys.stderr.write(failure + "\\n")
                sys.exit(1)


main()
'''

_PYTHON_OUTPUT = '''"""Output validator of the Kattis problem package {origin}, wrapped for refute.

refute runs a checker as `checker.py input output answer` and wants exit 0 (accepted),
1 (wrong answer) or 3 (the checker failed). Kattis output validators run as
`validator input judge_answer feedback_dir [flags] < output` and exit 42 (accepted) or
43 (wrong answer). The judge answer given is the reference solution's output. Generated
by `refute problems import kattis`: edit the package and import again, not this file.
"""

import os
import subprocess
import sys
import tempfile

NAME = {name!r}
FLAGS = {flags!r}
SOURCE = {source}


def main() -> None:
    input_file, output_file, answer_file = sys.argv[1:4]
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as directory:
        path = os.path.join(directory, NAME)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(SOURCE)
        feedback = os.path.join(directory, "feedback")
        os.mkdir(feedback)
        with open(output_file, "rb") as output:
            run = subprocess.run(
                [sys.executable, path, input_file, answer_file, feedback + os.sep, *FLAGS],
                stdin=output,
                capture_output=True,
            )
        said = ""
        message_file = os.path.join(feedback, "judgemessage.txt")
        if os.path.isfile(message_file):
            with open(message_file, encoding="utf-8", errors="replace") as handle:
                said = handle.read()
        said = said or (run.stderr or run.stdout).decode("utf-8", "replace")
        said = said.strip()
        if run.returncode == 42:
            sys.stderr.write((said or "accepted")[:2000] + "\\n")
            sys.exit(0)
        if run.returncode == 43:
            sys.stderr.write((said or "wrong answer")[:2000] + "\\n")
            sys.exit(1)
        sys.stderr.write(f"output validator failed (exit {{run.returncode}}): {{said[:2000]}}\\n")
        sys.exit(3)


main()
'''

_CPP_INPUT = """#include <bits/stdc++.h>  // first, so that the image's precompiled header is used
// Input validator of the Kattis problem package {origin}, adapted for refute.
// Kattis input validators exit 42 (valid) or 43 (invalid); refute wants 0 for valid. The
// constructor below runs before main: it keeps the input in a file, runs the package's
// other validators (Python or checktestdata, embedded below as one Python program that
// exits 0 when all accept), then forks once per C++ validator; each child re-executes
// this program with REFUTE_KATTIS_VALIDATOR set to the validator's number, its flags and
// the input on stdin, and the parent translates the exit codes: the input is valid when
// every validator accepts it. Local headers are inlined. Generated by
// `refute problems import kattis`: edit the package and import again, not this file.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>

static const char* const refute_others = {others};
static const char* const refute_names[] = {{{names}}};

static char** refute_arguments(int validator, char* program) {{
    switch (validator) {{
{arguments}
    }}
    return nullptr;
}}

static int refute_wait(pid_t child) {{
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) < 0) {{ std::perror("refute"); _exit(3); }}
    return status;
}}

static void refute_stdin_from(const char* path) {{
    int file = open(path, O_RDONLY);
    if (file < 0 || dup2(file, 0) < 0) {{ std::perror("refute: input"); _exit(3); }}
    close(file);
}}

__attribute__((constructor(101))) static void refute_kattis_exit_codes(
        int, char** argv, char**) {{
    if (std::getenv("REFUTE_KATTIS_VALIDATOR")) return;  // a child: run its validator
    {{
        FILE* copy = std::fopen("refute-input", "wb");
        if (!copy) {{ std::perror("refute: input"); _exit(3); }}
        char buffer[1 << 16];
        size_t size;
        while ((size = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
            std::fwrite(buffer, 1, size, copy);
        std::fclose(copy);
    }}
    if (refute_others) {{
        FILE* script = std::fopen("refute-others.py", "w");
        if (!script) {{ std::perror("refute: others"); _exit(3); }}
        std::fputs(refute_others, script);
        std::fclose(script);
        pid_t other = fork();
        if (other == 0) {{
            refute_stdin_from("refute-input");
            execl("/usr/bin/python3", "python3", "refute-others.py", (char*)nullptr);
            std::perror("refute: python3");
            _exit(3);
        }}
        int status = refute_wait(other);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) _exit(1);
    }}
    for (int validator = 1; refute_names[validator - 1]; ++validator) {{
        const char* name = refute_names[validator - 1];
        pid_t child = fork();
        if (child == 0) {{
            refute_stdin_from("refute-input");
            char number[16];
            std::snprintf(number, sizeof number, "%d", validator);
            setenv("REFUTE_KATTIS_VALIDATOR", number, 1);
            execv(argv[0], refute_arguments(validator, argv[0]));
            std::perror("refute: execv");
            _exit(3);
        }}
        int status = refute_wait(child);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 42) continue;
        if (WIFEXITED(status) && WEXITSTATUS(status) == 43) {{
            if (*name) std::fprintf(stderr, "%s rejects the input\\n", name);
            _exit(1);
        }}
        if (WIFEXITED(status))
            std::fprintf(stderr, "validator%s%s failed: exit %d\\n", *name ? " " : "", name,
                         WEXITSTATUS(status));
        else
            std::fprintf(stderr, "validator%s%s failed: signal %d\\n", *name ? " " : "", name,
                         WTERMSIG(status));
        _exit(1);
    }}
    _exit(0);
}}
"""

_CPP_OUTPUT = """#include <bits/stdc++.h>  // first, so that the image's precompiled header is used
// Output validator of the Kattis problem package {origin}, adapted for refute.
// refute runs a checker as `checker input output answer` and wants exit 0 (accepted),
// 1 (wrong answer) or 3 (failed). Kattis output validators run as
// `validator input judge_answer feedback_dir [flags] < output` and exit 42 or 43. The
// constructor below runs before main: it forks, the child re-executes this program with
// Kattis' arguments (the judge answer is the reference solution's output) and the parent
// translates the exit code. Local headers are inlined. Generated by
// `refute problems import kattis`: edit the package and import again, not this file.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>

__attribute__((constructor(101))) static void refute_kattis_output_validator(
        int argc, char** argv, char**) {{
    if (std::getenv("REFUTE_KATTIS_VALIDATOR")) return;  // the child: run the validator
    if (argc < 4) {{ std::fprintf(stderr, "usage: checker input output answer\\n"); _exit(3); }}
    mkdir("refute-feedback", 0700);
    pid_t child = fork();
    if (child < 0) {{ std::perror("refute: fork"); _exit(3); }}
    if (child == 0) {{
        int output = open(argv[2], O_RDONLY);
        if (output < 0 || dup2(output, 0) < 0) _exit(3);
        setenv("REFUTE_KATTIS_VALIDATOR", "1", 1);
        char* arguments[] = {{argv[0], argv[1], argv[3], const_cast<char*>("refute-feedback/"),
                             {flags}nullptr}};
        execv(argv[0], arguments);
        std::perror("refute: execv");
        _exit(3);
    }}
    int status = 0;
    if (waitpid(child, &status, 0) < 0) {{ std::perror("refute: waitpid"); _exit(3); }}
    if (FILE* message = std::fopen("refute-feedback/judgemessage.txt", "r")) {{
        char buffer[2048];
        size_t size = std::fread(buffer, 1, sizeof buffer, message);
        std::fwrite(buffer, 1, size, stderr);
        std::fclose(message);
    }}
    if (WIFEXITED(status) && WEXITSTATUS(status) == 42) _exit(0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 43) _exit(1);
    if (WIFEXITED(status))
        std::fprintf(stderr, "\\noutput validator failed: exit %d\\n", WEXITSTATUS(status));
    else
        std::fprintf(stderr, "\\noutput validator failed: signal %d\\n", WTERMSIG(status));
    _exit(3);
}}
// ---- the output validator, as shipped ----
"""


def python_input_validator(origin: str, validators: list[tuple[str, str, list[str], str]]) -> str:
    """``validator.py`` running each ``(file name, kind, arguments, source)`` validator;
    ``kind`` is ``python`` (a Kattis Python validator) or ``ctd`` (from ``ctd_to_python``).
    """
    entries = "\n".join(
        f"    ({name!r}, {kind!r}, {arguments!r}, {literal(source)}),"
        for name, kind, arguments, source in validators
    )
    return _PYTHON_INPUT.format(origin=origin, entries=entries)


def python_output_validator(origin: str, name: str, source: str, flags: list[str]) -> str:
    """``checker.py`` running a Kattis output validator written in Python."""
    return _PYTHON_OUTPUT.format(origin=origin, name=name, flags=flags, source=literal(source))


def cpp_input_validator(
    origin: str, source: str, flags: list[str] | None = None, others: str | None = None
) -> str:
    """``validator.cpp`` for one C++ validator: the adapter, then the validator's source
    (headers inlined).

    ``flags`` are passed to the validator as arguments (Kattis' ``input_validator_flags``);
    ``others`` is a Python program (``python_input_validator``) for the package's other
    validators, run first: an input is valid when it and this validator accept it.
    """
    return (
        _cpp_adapter(origin, [("", flags or [])], others)
        + "// ---- the validator, as shipped ----\n"
        + source
    )


def cpp_input_validators(
    origin: str, validators: list[tuple[str, str, list[str]]], others: str | None = None
) -> str:
    """``validator.cpp`` for several C++ validators, ``(name, source, flags)`` each: the
    adapter, then the sources in one program (``combine_mains``); an input is valid when
    every one (and ``others``) accepts it."""
    if len(validators) == 1:
        ((_, source, flags),) = validators
        return cpp_input_validator(origin, source, flags, others)
    adapter = _cpp_adapter(origin, [(name, flags) for name, _, flags in validators], others)
    return adapter + combine_mains([(name, source) for name, source, _ in validators])


def _cpp_adapter(origin: str, validators: list[tuple[str, list[str]]], others: str | None) -> str:
    names = "".join(f"{json.dumps(name)}, " for name, _ in validators) + "nullptr"
    cases = "\n".join(
        f"        case {number}: {{ static char* arguments[] = {{program, "
        + "".join(f"const_cast<char*>({json.dumps(flag)}), " for flag in flags)
        + "nullptr}; return arguments; }"
        for number, (_, flags) in enumerate(validators, 1)
    )
    embedded = "nullptr" if others is None else _cpp_string(others)
    return _CPP_INPUT.format(origin=origin, names=names, arguments=cases, others=embedded)


def _cpp_string(text: str) -> str:
    """A C++ string literal for ``text``: raw literals, split wherever their closing
    delimiter would appear in ``text`` (adjacent literals are concatenated)."""
    pieces = text.split(")REFUTE")
    return ' ")REFUTE" '.join(f'R"REFUTE({piece})REFUTE"' for piece in pieces)


def cpp_output_validator(origin: str, source: str, flags: list[str]) -> str:
    """``checker.cpp``: the adapter, then the output validator's source (headers inlined)."""
    passed = "".join(f"const_cast<char*>({json.dumps(flag)}), " for flag in flags)
    return _CPP_OUTPUT.format(origin=origin, flags=passed) + source


_DEFAULT_CHECKER = '''"""Kattis' default output validator, for the package {origin}: flags {flags}.

Tokens are compared case-{case}; whitespace {space}; numbers
{floats}. Runs as `checker.py input output answer`; exits 0 (accepted) or 1.
Generated by `refute problems import kattis`.
"""

import math
import re
import sys

CASE_SENSITIVE = {case_sensitive}
SPACE_CHANGE_SENSITIVE = {space_sensitive}
ABS_TOLERANCE = {abs_tolerance}
REL_TOLERANCE = {rel_tolerance}


def pieces(text):
    if SPACE_CHANGE_SENSITIVE:
        return [piece for piece in re.split(r"(\\s+)", text) if piece]
    return text.split()


def number(token):
    try:
        value = float(token)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def same(found, wanted):
    if found == wanted or (not CASE_SENSITIVE and found.lower() == wanted.lower()):
        return True
    if ABS_TOLERANCE is None and REL_TOLERANCE is None:
        return False
    x, y = number(found), number(wanted)
    if x is None or y is None:
        return False
    error = abs(x - y)
    return (ABS_TOLERANCE is not None and error <= ABS_TOLERANCE) or (
        REL_TOLERANCE is not None and error <= REL_TOLERANCE * abs(y)
    )


def main():
    with open(sys.argv[2], encoding="utf-8", errors="replace") as handle:
        found = pieces(handle.read())
    with open(sys.argv[3], encoding="utf-8", errors="replace") as handle:
        wanted = pieces(handle.read())
    for index, (a, b) in enumerate(zip(found, wanted), start=1):
        if not same(a, b):
            print(f"piece {{index}}: expected {{b[:40]!r}}, found {{a[:40]!r}}", file=sys.stderr)
            sys.exit(1)
    if len(found) != len(wanted):
        print(f"expected {{len(wanted)}} pieces, found {{len(found)}}", file=sys.stderr)
        sys.exit(1)
    print("ok", file=sys.stderr)


main()
'''


def default_checker(
    origin: str,
    flags: list[str],
    *,
    case_sensitive: bool,
    space_sensitive: bool,
    abs_tolerance: float | None,
    rel_tolerance: float | None,
) -> str:
    """``checker.py`` with the semantics of Kattis' default output validator."""
    if abs_tolerance is None and rel_tolerance is None:
        floats = "compared as text"
    else:
        floats = f"within {abs_tolerance} absolute or {rel_tolerance} relative error"
    return _DEFAULT_CHECKER.format(
        origin=origin,
        flags=" ".join(flags) or "(none)",
        case="sensitively" if case_sensitive else "insensitively",
        space="must match exactly" if space_sensitive else "is any run of blanks",
        floats=floats,
        case_sensitive=case_sensitive,
        space_sensitive=space_sensitive,
        abs_tolerance=abs_tolerance,
        rel_tolerance=rel_tolerance,
    )
