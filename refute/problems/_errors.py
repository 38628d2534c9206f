"""Faults in problem packages and in references to them."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import ProblemError


class LoadError(BaseModel):
    """One thing wrong with one problem package: which file, which field, what.

    Args:
        package: the package's directory name.
        path: the file (or directory) at fault.
        field: the field inside the file (``rating``, ``incorrect.overflow.language``),
            or ``None`` when the fault is the file itself.
        message: what is wrong, in words.

    >>> str(LoadError(package="p", path=Path("problems/p/problem.toml"), field="rating",
    ...               message="Input should be a valid integer"))
    'problems/p/problem.toml: rating: Input should be a valid integer'
    """

    model_config = ConfigDict(frozen=True)

    package: str
    path: Path
    field: str | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else str(self.path)
        return f"{where}: {self.message}"


class PackageError(ProblemError):
    """A problem package that cannot be loaded; ``errors`` lists every fault found."""

    def __init__(self, package: str, errors: list[LoadError]):
        self.package = package
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        first = str(errors[0]) if errors else "unknown fault"
        super().__init__(f"problem package {package!r} is malformed: {first}{more}")


class UnknownTaskError(ProblemError):
    """A task or problem id that names nothing in the problem set."""


class ProblemsDirError(ProblemError):
    """The problems directory itself is missing or unreadable."""
