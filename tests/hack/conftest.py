"""Files of a contestant's stress loop, made from the bundled ``charged-pair`` package."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from refute.problems import default_problems_dir

from ..support.cli import cli  # noqa: F401  (registers the fixture)

PACKAGE = default_problems_dir() / "charged-pair"

GENERATOR = """import random, sys
rng = random.Random(int(sys.argv[1]))
n = rng.randint(2, 6)
top = 10 ** rng.randint(1, 9)
print(n)
print(*(rng.randint(-top, top) for _ in range(n)))
"""
"""Random small tests whose values reach the overflow of ``int-overflow`` within a few seeds."""


@dataclass(frozen=True)
class Files:
    """A folder with ``sol.cpp`` (wrong), ``brute.cpp`` (right), ``gen.py``, ``val.py``."""

    root: Path

    def __getitem__(self, name: str) -> str:
        return str(self.root / name)

    def write(self, name: str, text: str) -> str:
        (self.root / name).write_text(text, encoding="utf-8")
        return self[name]


@pytest.fixture
def files(tmp_path: Path) -> Files:
    shutil.copy(PACKAGE / "incorrect" / "int-overflow.cpp", tmp_path / "sol.cpp")
    shutil.copy(PACKAGE / "reference.cpp", tmp_path / "brute.cpp")
    shutil.copy(PACKAGE / "validator.py", tmp_path / "val.py")
    (tmp_path / "gen.py").write_text(GENERATOR, encoding="utf-8")
    return Files(tmp_path)
