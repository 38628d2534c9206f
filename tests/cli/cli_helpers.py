"""What the ``cli`` fixture returns, and the image CLI tests start the sandbox from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

from refute.sandbox import IMAGE

TEST_IMAGE = os.environ.get("REFUTE_TEST_IMAGE", IMAGE)


@dataclass
class Outcome:
    """A finished command: exit code, stdout and stderr."""

    code: int
    stdout: str
    stderr: str


class Cli(Protocol):
    def __call__(self, *args: str) -> Outcome: ...
