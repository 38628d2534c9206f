"""Reports rendered from runs: the bundled problem set's ``INDEX.md``."""

from ._index import IndexRow, build_index, render, rows

__all__ = ["IndexRow", "build_index", "render", "rows"]
