"""``smoke_runs``: each language the image serves adds two numbers in a real container."""

from __future__ import annotations

from refute.sandbox import smoke_runs

from ..conftest import TEST_IMAGE


async def test_every_language_of_the_image_passes_its_smoke_run() -> None:
    assert await smoke_runs(TEST_IMAGE) == {"C++": "OK", "Python 3": "OK", "PyPy 3": "OK"}
