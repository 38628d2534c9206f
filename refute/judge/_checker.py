"""Deciding whether an output is correct: token comparison, or the problem's checker.py."""

from __future__ import annotations

import math
import re

from ..problems import CheckerSettings
from ..sandbox import RunResult, RunStatus, text_bytes
from ._models import CheckResult, excerpt

_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_YES_NO = (b"YES", b"NO")

CHECKER_FILES = ("input.txt", "output.txt", "answer.txt")
"""The files a custom checker finds in its working directory; also its three arguments."""


def compare_tokens(
    output: str, expected: str, settings: CheckerSettings | None = None
) -> CheckResult:
    """Compare two outputs token by token (the default checker).

    Outputs compare as the bytes the programs printed (``text_bytes``), in tokens
    separated by ASCII whitespace (space, tab, newline, carriage return, vertical tab,
    form feed), as contest checkers read them; any other byte, UTF-8 or not, is part of
    a token. ``YES``/``NO`` match in any letter case; with a tolerance in ``settings``,
    numbers match within it.

    >>> compare_tokens("yes\\n3 4", "YES 3 4").accepted
    True
    >>> compare_tokens("1 2 5", "1 2 4").message
    "token 3: expected '4', found '5'"
    >>> compare_tokens("0.3333", "0.333333", CheckerSettings(abs_tolerance=1e-3)).accepted
    True
    >>> compare_tokens(b"1 \\xff".decode("utf-8", "surrogateescape"), "1 2").message
    "token 2: expected '2', found '\\\\xff'"
    """
    settings = settings or CheckerSettings()
    got, want = text_bytes(output).split(), text_bytes(expected).split()
    for index, (found, wanted) in enumerate(zip(got, want, strict=False), start=1):
        if not _tokens_match(found, wanted, settings):
            return CheckResult(
                accepted=False,
                message=f"token {index}: expected {_show(wanted)}, found {_show(found)}",
            )
    if len(got) < len(want):
        return CheckResult(
            accepted=False, message=f"output ends after {len(got)} tokens, expected {len(want)}"
        )
    if len(got) > len(want):
        return CheckResult(
            accepted=False, message=f"extra output: {len(got)} tokens, expected {len(want)}"
        )
    return CheckResult(accepted=True, message=f"ok: {len(want)} tokens")


def _tokens_match(found: bytes, wanted: bytes, settings: CheckerSettings) -> bool:
    if found == wanted:
        return True
    if found.upper() == wanted.upper() and wanted.upper() in _YES_NO:
        return True
    if not settings.uses_tolerance:
        return False
    if not (_NUMBER.fullmatch(found) and _NUMBER.fullmatch(wanted)):
        return False
    x, y = float(found), float(wanted)
    if not (math.isfinite(x) and math.isfinite(y)):
        return False
    allowed = max(settings.abs_tolerance or 0.0, (settings.rel_tolerance or 0.0) * abs(y))
    # The slack absorbs the rounding of the decimal strings themselves.
    return abs(x - y) <= allowed + 1e-15


def _show(token: bytes, limit: int = 40) -> str:
    """A token quoted for a message: as text when it is UTF-8, else as its bytes
    (``'\\xff'``), cut to ``limit`` characters or bytes."""
    shown: str | bytes
    try:
        shown = token.decode("utf-8")
    except UnicodeDecodeError:
        shown = token
    cut = shown if len(shown) <= limit else shown[:limit]
    quoted = repr(cut).removeprefix("b")
    return quoted if cut is shown else quoted[:-1] + "..." + quoted[-1]


def interpret_checker(result: RunResult) -> CheckResult:
    """Turn a custom checker's run into a decision.

    Exit code 0 accepts, 1 (wrong answer) or 2 (presentation error) rejects, anything
    else fails: exit 3 (the checker found the reference answer wrong), a crash, a
    time-out, or a Python traceback (an uncaught exception also exits with 1, so it is
    recognised by its traceback and not taken for a rejection).
    """
    message = excerpt(result.stderr or result.stdout)
    if result.status is RunStatus.OK:
        return CheckResult(accepted=True, message=message or "ok")
    crashed = "Traceback (most recent call last)" in result.stderr
    if result.status is RunStatus.RUNTIME_ERROR and result.exit_code in (1, 2) and not crashed:
        return CheckResult(accepted=False, message=message or "wrong answer")
    how = "does not compile" if result.status is RunStatus.COMPILE_ERROR else result.describe()
    return CheckResult(
        accepted=False,
        failed=True,
        message=f"checker failed: {how}" + (f": {message}" if message else ""),
    )
