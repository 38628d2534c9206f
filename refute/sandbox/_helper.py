"""The validators' reading helper on the host's side: its file in a container's store, and
validators that carry it inline to run where no sandbox provides it."""

from __future__ import annotations

import ast
import functools
from importlib import resources

from ..errors import ProgramError
from ._program import Program
from .validate import MODULE

HELPER_FILE = f"{MODULE}.py"
"""``refute.sandbox.validate`` as a file in a container's store, where every Python program
lies: Python puts a script's own directory first on ``sys.path``, so the import finds it."""


@functools.cache
def helper_source() -> bytes:
    return resources.files("refute.sandbox").joinpath("validate.py").read_bytes()


def helper_of(program: Program) -> bytes:
    """The helper's source when ``program`` is Python that imports it, else ``b""``: what
    a program's behaviour depends on besides its own text (for digests of what ran).

    >>> from refute.sandbox import Language
    >>> helper_of(Program(source="import sys\\n", language=Language.parse("py")))
    b''
    """
    if program.language.compiled or MODULE not in program.source:
        return b""
    return helper_source()


def standalone_validator(source: str) -> str:
    """``source`` with its ``from refute_validate import ...`` replaced by the helper's code,
    so that it runs with a plain ``python3`` anywhere; a validator without it is returned
    as it is.

    >>> body = "print(R(b'7').int(1, 9, 'n'))\\n"
    >>> standalone = standalone_validator("from refute_validate import Reader as R\\n" + body)
    >>> "class Reader:" in standalone and standalone.endswith("R = Reader\\n" + body)
    True
    >>> exec(compile(standalone, "validator.py", "exec"), {})
    7
    >>> standalone_validator("import refute_validate\\n")
    Traceback (most recent call last):
    ...
    refute.errors.ProgramError: line 1: write 'from refute_validate import ...' to inline the helper
    """
    lines = source.splitlines(keepends=True)
    for node in reversed(ast.parse(source).body):
        if isinstance(node, ast.Import) and any(a.name == MODULE for a in node.names):
            raise ProgramError(
                f"line {node.lineno}: write 'from {MODULE} import ...' to inline the helper"
            )
        if isinstance(node, ast.ImportFrom) and node.module == MODULE and not node.level:
            aliases = "".join(
                f"{alias.asname} = {alias.name}\n" for alias in node.names if alias.asname
            )
            end = node.end_lineno or node.lineno
            lines[node.lineno - 1 : end] = [_inlined(), aliases]
    return "".join(lines)


@functools.cache
def _inlined() -> str:
    """The helper's code without its module docstring, between two marking comments."""
    text = helper_source().decode("utf-8")
    module = ast.parse(text)
    first = module.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    body = "".join(text.splitlines(keepends=True)[first.end_lineno or 0 :]).strip("\n")
    return (
        f"# --- {MODULE}: the sandbox's reading helper, inlined by refute ---\n"
        f"{body}\n# --- end of {MODULE} ---\n"
    )
