"""The public surface of ``refute.refresh``, and the examples in its docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

import refute.refresh

MODULES = [
    "_api",
    "_gates",
    "_package",
    "_pages",
    "_pipeline",
    "_ranking",
    "_report",
    "_state",
    "_validator",
]


def test_every_exported_name_exists_and_is_public() -> None:
    for name in refute.refresh.__all__:
        assert not name.startswith("_") and hasattr(refute.refresh, name)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_hold(module: str) -> None:
    loaded = importlib.import_module(f"refute.refresh.{module}")
    result = doctest.testmod(loaded, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
