"""Every exception refute raises derives from :class:`RefuteError`, through one base per area.

A caller that wants "any refute fault" catches ``RefuteError``; one that cares about an area
catches its base (``SandboxError``, ``ProblemError``, ...). The CLI turns any of them into one
line, ``error: <message>``, and exit code 2. The bases are defined here only: where a
subpackage re-exports one, it is the same class (``refute.sandbox.SandboxError is
refute.errors.SandboxError``).

>>> from refute.errors import ProblemError, RefuteError
>>> from refute.problems import UnknownTaskError
>>> issubclass(UnknownTaskError, ProblemError) and issubclass(ProblemError, RefuteError)
True
"""

from __future__ import annotations

__all__ = [
    "AgentError",
    "EvalError",
    "ImporterError",
    "ModelError",
    "ProblemError",
    "ProgramError",
    "RefreshError",
    "RefuteError",
    "RunError",
    "SandboxError",
]


class RefuteError(Exception):
    """A fault the user can act on (bad file, bad flag, missing image): says what and where."""


class SandboxError(RefuteError, RuntimeError):
    """The sandbox itself failed (engine unreachable, image missing or not buildable,
    container died): an infrastructure fault, never the fault of a program it ran."""


class ProgramError(RefuteError):
    """A program cannot be run as given: its language is unknown, or it does not compile."""


class ProblemError(RefuteError):
    """A problem package, a problems directory or a reference to a task is wrong."""


class ModelError(RefuteError):
    """The base of every fault raised by :mod:`refute.models`."""


class AgentError(RefuteError):
    """An agent that cannot be built, or one that overstepped its tool budget."""


class RunError(RefuteError):
    """A benchmark run that cannot go on as asked: its directory, its task selection."""


class EvalError(RefuteError):
    """A REFUTE predictions file that cannot be evaluated."""


class ImporterError(RefuteError):
    """An import's source (REFUTE rows, a contest archive) that cannot be turned into packages."""


class RefreshError(RefuteError):
    """A refresh that cannot start or go on as asked (bad dates, unreadable state, no site)."""
