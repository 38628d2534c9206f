"""Kattis packages as real archives ship them, one fixture package per behaviour
(``fixtures/kattis-more``):

- ``largest``: the first accepted submission by the importer's order does not compile on
  Linux (it includes ``conio.h``); the next one is the reference.
- ``clockwatch``: a wrong submission that reads the clock and runs past the time limit
  (its wrong answer depends on timing) beside one that reads it and answers at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.importers import TIMING, ImportEntry, ImportReport, import_kattis
from refute.judge import Judge, check_task
from refute.problems import load_problem
from refute.sandbox import Sandbox

from .conftest import FIXTURES

MORE = FIXTURES / "kattis-more"


@pytest.fixture(scope="module")
async def imported(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ImportReport]:
    out = tmp_path_factory.mktemp("kattis-more") / "out"
    report = await import_kattis([MORE], out, Judge(sandbox.judge))
    return out, report


def entry(report: ImportReport, id: str) -> ImportEntry:
    (found,) = [e for e in report.entries if e.id == id]
    return found


async def test_a_reference_that_does_not_compile_gives_way_to_the_next(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    out, report = imported
    assert entry(report, "largest").tasks == ["largest/first-two"]
    assert (out / "largest" / "reference.py").read_text(encoding="utf-8").startswith("input()")
    assert not (out / "largest" / "reference.cpp").exists()
    for task in load_problem(out / "largest").tasks():
        assert (await check_task(judge, task)).reasons == []


async def test_a_wrong_answer_that_depends_on_timing_is_not_a_task(
    imported: tuple[Path, ImportReport], judge: Judge
) -> None:
    out, report = imported
    assert entry(report, "clockwatch").tasks == ["clockwatch/hasty"]
    patient = entry(report, "clockwatch/patient")
    assert patient.cause == TIMING
    (reason,) = patient.reasons
    assert "reads the clock" in reason and "past the 500 ms time limit" in reason
    assert {row.cause for row in report.causes()} >= {TIMING}
    for task in load_problem(out / "clockwatch").tasks():
        assert (await check_task(judge, task)).reasons == []
