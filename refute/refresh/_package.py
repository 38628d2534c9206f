"""Packages of refreshed problems: the importers' draft, plus what a refresh records.

A refreshed package is a ``PackageDraft`` (``refute.problems``) with three additions:
the contest date in ``problem.toml``, the invalid inputs its validator was tested on
(``invalid/``), and ``refresh.json``, the provenance: contest, problem URL, submission
ids and authors, hacks, the run that produced it, the validator's drafting and the fuzz
baseline's result. Pending packages also hold ``PENDING.md``.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from pydantic import BaseModel, Field

from ..problems import PackageDraft

PROVENANCE_FILE = "refresh.json"
PENDING_FILE = "PENDING.md"

SOURCE = "codeforces"
"""``source`` of every refreshed package: ``refute run --problems source=codeforces``."""

LICENSE = "Codeforces content: not under the refute project's license"

NO_VALIDATOR = '''\
"""No validator yet: this package is pending (see PENDING.md). It rejects every input."""

import sys

sys.stderr.write("no validator yet: this package is pending, see PENDING.md\\n")
sys.exit(3)
'''

ACCEPT_ALL = "import sys\nsys.stdin.read()\n"
"""A stand-in validator for checks that need none (the inputs are Codeforces' own)."""


class FuzzResult(BaseModel):
    """The fuzz baseline's attempt on a task: did it find a counterexample?

    Args:
        found: it found an input that refutes the submission (the task is randomly
            findable, and REFUTE removes such tasks).
        inputs: inputs it tried.
        valid_rate: the share of them the validator accepted.
        seconds: its time budget.
        seed: its seed.
        input: the refuting input it found (cut to 2000 characters), else ``None``.
    """

    found: bool
    inputs: int = 0
    valid_rate: float = 0.0
    seconds: float
    seed: int
    input: str | None = None


class SubmissionProvenance(BaseModel):
    """Where a submission of a package came from."""

    submission: int
    url: str
    author: str
    author_rating: int | None = None
    language: str
    verdict: str | None = None
    passed_tests: int = 0
    hack: int | None = None
    hacker: str | None = None
    fail_input: str | None = None
    """Where the failing input came from: ``hack <id>``."""
    fuzz: FuzzResult | None = None


class PackageProvenance(BaseModel):
    """``refresh.json``: everything needed to trace a refreshed package to its sources."""

    source: str = SOURCE
    run: str
    contest_id: int
    contest_name: str
    contest_start: str
    date: datetime.date
    problem: str
    url: str
    rating: int | None = None
    reference: SubmissionProvenance | None = None
    incorrect: dict[str, SubmissionProvenance] = Field(default_factory=dict)
    hacks: list[int] = Field(default_factory=list)
    validator: dict[str, Any] = Field(default_factory=dict)
    pending: str | None = None
    license: str = LICENSE
    attribution: str


class RefreshDraft(PackageDraft):
    """A ``PackageDraft`` with a date, invalid inputs and extra files (``refresh.json``).

    >>> draft.files()["problem.toml"].decode().splitlines()[3]   # doctest: +SKIP
    'date = 2026-06-01'
    """

    date: datetime.date | None = None
    invalid: tuple[tuple[str, str], ...] = ()
    """``(name, input)``: ``invalid/<name>.in``."""
    extra: tuple[tuple[str, str], ...] = ()
    """``(path, text)``: more files, such as ``refresh.json`` or ``PENDING.md``."""

    def files(self) -> dict[str, bytes]:
        files = super().files()
        for name, text in self.invalid:
            files[f"invalid/{name}.in"] = text.encode("utf-8", "surrogateescape")
        for path, text in self.extra:
            files[path] = text.encode("utf-8")
        return files

    def toml(self) -> str:
        text = super().toml()
        if self.date is None:
            return text
        # after the top-level ``source``/``url`` lines, where docs/problem-format.md puts it
        lines = text.split("\n")
        top = next((i for i, line in enumerate(lines) if line.startswith("[")), len(lines))
        at = max((i for i in range(top) if re.match(r"(source|url) = ", lines[i])), default=0)
        lines.insert(at + 1, f"date = {self.date.isoformat()}")
        return "\n".join(lines)


def provenance_json(provenance: PackageProvenance) -> str:
    return json.dumps(provenance.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def pending_note(problem: str, url: str, reason: str, package: str) -> str:
    """``PENDING.md``: why the package is not in the problem set, and how it gets there."""
    return f"""# Pending: {problem}

{url}

**Why it is pending:** {reason}

This package was written by `refute problems refresh` but did not pass every gate, so it
is not in the problem set. `validator.py` may be a stand-in that rejects every input.

To finish it:

1. Write `validator.py` (see docs/problem-format.md); it must accept the examples and every
   `incorrect/*.fail.in` (successful Codeforces hacks), and reject every `invalid/*.in`.
2. Check it: `refute problems check --problems-dir <this pending/ folder> {package}/<task>`
   (or rerun the refresh with `--model` to draft a validator).
3. Move this folder next to the other packages and delete `PENDING.md`.
"""
