"""Benchmark runs end to end on the bundled problems, with the real sandbox."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from refute.problems import default_problems_dir
from refute.runner import AttemptLog, RunConfig, RunDirError, run_benchmark

from ..conftest import TEST_IMAGE

EXAMPLE_AGENT = Path(__file__).resolve().parents[2] / "examples" / "edge_case_agent.py"


def config(**changes: object) -> RunConfig:
    fields: dict[str, object] = {
        "problems_dir": default_problems_dir(),
        "sandbox_workers": 1,
        "image": TEST_IMAGE,
        # a budget in inputs, so that a loaded machine finds what an idle one finds
        "agent_options": {"inputs": 300, "seconds": 120.0},
        # these tests are about running, not selecting: bundled tasks the fuzz baseline
        # refutes stay in (test_fair_selection_run.py covers the default selection)
        "include_fuzzable": True,
    }
    return RunConfig.model_validate(fields | changes)


async def test_fuzz_run_writes_a_complete_run_directory(tmp_path: Path) -> None:
    summary = await run_benchmark(config(problems="charged-pair", attempts=2), tmp_path)
    assert summary.tasks == 2 and summary.attempts == 4
    assert summary.refuted == 2 and summary.success_rate.value == 1.0
    assert "valid_rate" in summary.metrics
    saved = json.loads((tmp_path / "config.json").read_text())
    assert saved["config"]["agent"] == "fuzz"
    assert saved["provenance"]["image_id"].startswith("sha256:")
    assert len(saved["provenance"]["problem_set_sha256"]) == 64
    records = AttemptLog(tmp_path / "attempts.jsonl").read()
    assert sorted((r.task_id, r.attempt) for r in records) == [
        ("charged-pair/int-overflow", 0),
        ("charged-pair/int-overflow", 1),
        ("charged-pair/two-largest", 0),
        ("charged-pair/two-largest", 1),
    ]
    for record in records:
        assert record.input_path and (tmp_path / record.input_path).is_file()
        assert record.transcript and (tmp_path / record.transcript).is_file()
    assert json.loads((tmp_path / "summary.json").read_text())["refuted"] == 2


async def test_resume_skips_recorded_attempts(tmp_path: Path) -> None:
    await run_benchmark(config(problems="ribbon-cut"), tmp_path)
    before = (tmp_path / "attempts.jsonl").read_text()
    summary = await run_benchmark(config(problems="ribbon-cut"), tmp_path, resume=True)
    assert (tmp_path / "attempts.jsonl").read_text() == before
    assert summary.attempts == 1


async def test_a_directory_holding_a_run_is_refused_without_resume(tmp_path: Path) -> None:
    await run_benchmark(config(problems="ribbon-cut"), tmp_path)
    with pytest.raises(RunDirError, match="use --resume"):
        await run_benchmark(config(problems="ribbon-cut"), tmp_path)


async def test_minimize_keeps_the_original_and_a_smaller_refuting_input(tmp_path: Path) -> None:
    summary = await run_benchmark(config(problems="ribbon-cut", minimize=True), tmp_path)
    assert summary.refuted == 1
    (record,) = AttemptLog(tmp_path / "attempts.jsonl").read()
    assert record.input and record.minimized_input
    assert len(record.minimized_input) <= len(record.input)


async def test_a_custom_agent_from_a_file_runs_end_to_end(tmp_path: Path) -> None:
    run = config(agent=f"{EXAMPLE_AGENT}:EdgeCaseAgent", agent_options={}, problems="charged-pair")
    summary = await run_benchmark(run, tmp_path)
    assert summary.attempts == 2
    records = AttemptLog(tmp_path / "attempts.jsonl").read()
    assert {r.outcome.value for r in records} <= {"judged", "no_candidate"}
    assert all(r.verdict is not None for r in records if r.outcome.value == "judged")


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupt_then_resume_gives_exactly_one_record_per_attempt(
    tmp_path: Path, stop: signal.Signals
) -> None:
    command = [
        sys.executable,
        "-m",
        "refute.cli",
        "run",
        "--out",
        str(tmp_path),
        "--attempts",
        "4",
        "--sandbox-workers",
        "1",
        "--image",
        TEST_IMAGE,
        "--agent-option",
        "seconds=1",
        "--problems",
        "charged-pair,matching-socks,ribbon-cut",
        "--include-fuzzable",
        "--json",
    ]
    runner = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = tmp_path / "attempts.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not log.exists() or log.read_text().count("\n") < 3):
        time.sleep(0.05)
    os.kill(runner.pid, stop)
    assert runner.wait(timeout=60) != 0
    killed_at = log.read_text().count("\n")
    assert 3 <= killed_at < 16, "the run should have been killed part way"
    resumed = subprocess.run(
        [sys.executable, "-m", "refute.cli", "run", "--resume", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr
    records = AttemptLog(log).read()
    counts = Counter((r.task_id, r.attempt) for r in records)
    assert len(counts) == 4 * 4 and set(counts.values()) == {1}
    assert json.loads(resumed.stdout)["attempts"] == 16


BYTES_AGENTS = """
from typing import ClassVar
from refute.agents import Budget, Candidate, ProgramSource, TaskView, Toolbox

class PrintsTwoTwo:
    name: ClassVar[str] = "prints-two-two"
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = False
    budget: ClassVar[Budget] = Budget(program_runs=0, validity_checks=0, stress_seconds=0)
    code: ClassVar[str] = "print('2 2')"

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        return Candidate(generator=ProgramSource(code=self.code))

class PrintsAByteThatIsNotUtf8(PrintsTwoTwo):
    name: ClassVar[str] = "prints-0xff"
    code: ClassVar[str] = "import sys; sys.stdout.buffer.write(bytes([50, 32, 255, 10]))"
"""
PRINTS_FF_WHEN_EQUAL = (
    "import sys\n"
    "a, b = map(int, input().split())\n"
    "sys.stdout.buffer.write(b'\\xff\\n' if a == b else b'%d\\n' % (a + b))\n"
)


@pytest.mark.parametrize(
    ("agent", "verdict", "message", "recorded_input"),
    [
        (
            "PrintsTwoTwo",
            "REFUTED",
            "run 1: wrong answer: token 1: expected '4', found '\\xff'",
            "2 2\n",
        ),
        ("PrintsAByteThatIsNotUtf8", "INVALID_INPUT", None, "2 \\xff\n"),
    ],
)
async def test_bytes_that_are_not_utf8_are_judged_and_recorded_end_to_end(
    tmp_path: Path, agent: str, verdict: str, message: str | None, recorded_input: str
) -> None:
    """An incorrect submission printing 0xFF is refuted, not an agent error; a generator
    printing 0xFF gets its bytes to the validator, and the record shows them escaped."""
    from ..judge.aplusb import write_task

    task = write_task(tmp_path / "problems", PRINTS_FF_WHEN_EQUAL)
    agents = tmp_path / "bytes_agents.py"
    agents.write_text(BYTES_AGENTS)
    out = tmp_path / "run"
    run = config(
        agent=f"{agents}:{agent}",
        agent_options={},
        problems_dir=task.problem.root.parent,
    )
    summary = await run_benchmark(run, out)
    (record,) = AttemptLog(out / "attempts.jsonl").read()
    assert (record.outcome, record.verdict) == ("judged", verdict)
    assert message is None or record.message == message
    assert record.input == recorded_input
    assert record.input_path and (out / record.input_path).read_bytes()[:3] == b"2 " + (
        b"2" if agent == "PrintsTwoTwo" else b"\xff"
    )
    assert summary.refuted == (verdict == "REFUTED")
    assert record.transcript is not None
    assert json.loads((out / record.transcript).read_text())["judge"]["input"] == recorded_input
