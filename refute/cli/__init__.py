"""The ``refute`` command line: a thin layer over the Python API."""

from ._app import app, main

__all__ = ["app", "main"]
