"""Fixtures for bench tests: the CLI runner."""

from ..support.cli import cli  # noqa: F401  (registers the fixture)
