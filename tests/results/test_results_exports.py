"""``refute.results`` exports exactly its public names."""

from __future__ import annotations

import inspect

import refute.results as package


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(package).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert sorted(package.__all__) == sorted(public)
