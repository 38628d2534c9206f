"""attempts.jsonl survives interruption: torn last lines are tolerated and cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refute.judge import Verdict
from refute.runner import AttemptLog, AttemptRecord, FaultOf, Outcome


def make(attempt: int) -> AttemptRecord:
    return AttemptRecord(task_id="p/t", attempt=attempt, outcome=Outcome.NO_CANDIDATE)


def test_records_round_trip(tmp_path: Path) -> None:
    log = AttemptLog(tmp_path / "attempts.jsonl")
    log.append(make(0))
    log.append(make(1))
    assert [r.attempt for r in AttemptLog(log.path).read()] == [0, 1]


def test_a_half_written_last_line_is_ignored_then_cut(tmp_path: Path) -> None:
    path = tmp_path / "attempts.jsonl"
    path.write_text(make(0).model_dump_json() + "\n" + '{"task_id": "p/t", "att')
    log = AttemptLog(path)
    assert [r.attempt for r in log.read()] == [0]
    log.append(make(1))
    assert [r.attempt for r in log.read()] == [0, 1]
    assert path.read_text().count("\n") == 2


def test_program_bytes_that_are_not_utf8_are_recorded_escaped(tmp_path: Path) -> None:
    generated = b"2 \xff\n".decode("utf-8", "surrogateescape")  # as a generator's output
    record = AttemptRecord(
        task_id="p/t",
        attempt=0,
        outcome=Outcome.NO_CANDIDATE,
        message="the input generator failed: " + generated,
        input=generated,
        minimized_input=generated,
    )
    log = AttemptLog(tmp_path / "attempts.jsonl")
    log.append(record)
    (read,) = log.read()
    assert read.input == read.minimized_input == "2 \\xff\n"
    assert read.message == "the input generator failed: 2 \\xff\n"


@pytest.mark.parametrize(
    ("outcome", "verdict", "refuted", "fault"),
    [
        (Outcome.JUDGED, Verdict.REFUTED, True, None),
        (Outcome.JUDGED, Verdict.NOT_REFUTED, False, "agent"),
        (Outcome.JUDGED, Verdict.INVALID_INPUT, False, "agent"),
        (Outcome.JUDGED, Verdict.JUDGE_ERROR, False, "judge"),
        (Outcome.NO_CANDIDATE, None, False, "agent"),
        (Outcome.AGENT_ERROR, None, False, "agent"),
        (Outcome.INFRA_ERROR, Verdict.JUDGE_ERROR, False, "infrastructure"),
        (Outcome.INFRA_ERROR, None, False, "infrastructure"),
    ],
)
def test_every_line_says_whose_fault_the_failure_is(
    tmp_path: Path, outcome: Outcome, verdict: Verdict | None, refuted: bool, fault: str | None
) -> None:
    log = AttemptLog(tmp_path / "attempts.jsonl")
    log.append(
        AttemptRecord(task_id="p/t", attempt=0, outcome=outcome, verdict=verdict, refuted=refuted)
    )
    assert json.loads(log.path.read_text())["fault"] == fault
    (read,) = log.read()
    assert read.fault == (FaultOf(fault) if fault else None)


def test_lines_written_before_faults_were_recorded_are_classified_on_reading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "attempts.jsonl"
    path.write_text('{"task_id": "p/t", "attempt": 0, "outcome": "infra_error"}\n')
    (read,) = AttemptLog(path).read()
    assert (read.fault, read.tries) == (FaultOf.INFRASTRUCTURE, 1)
