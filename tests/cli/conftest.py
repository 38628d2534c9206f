"""Running ``refute`` commands in-process, as a user would from a shell."""

from ..support.cli import cli  # noqa: F401  (registers the fixture)
