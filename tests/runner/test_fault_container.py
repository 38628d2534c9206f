"""A sandbox container killed from outside mid-attempt: replaced, the attempt redone once."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from refute.problems import default_problems_dir
from refute.runner import AttemptLog, FaultOf, Outcome, RunConfig, run_benchmark
from refute.sandbox import docker_client

from ..conftest import TEST_IMAGE
from .agents import AGENT_FILE

pytestmark = pytest.mark.slow


def ours(role: str) -> set[str]:
    """Ids of this process's sandbox containers of ``role``."""
    client = docker_client()
    try:
        found = client.api.containers(
            filters={"label": [f"refute.owner.pid={os.getpid()}", f"refute.role={role}"]}
        )
    finally:
        client.close()
    return {c["Id"] for c in found}


async def kill_when_held(hold_file: Path, before: set[str], times: int = 1) -> None:
    """Each time the agent holds its program in the untrusted pool, kill the run's
    untrusted container (the one that was not there before the run)."""
    client = docker_client()
    try:
        for _ in range(times):
            while not hold_file.exists():
                await asyncio.sleep(0.05)
            hold_file.unlink()
            await asyncio.sleep(0.5)  # the program is running
            (victim,) = ours("untrusted") - before
            await asyncio.to_thread(client.api.kill, victim)
    finally:
        client.close()


def config(hold_file: Path, hold_tries: int = 1, swallow: bool = False) -> RunConfig:
    options = {"hold_file": str(hold_file), "hold": 20, "hold_tries": hold_tries}
    return RunConfig(
        problems_dir=default_problems_dir(),
        problems="ribbon-cut",
        agent=f"{AGENT_FILE}:SteadyAgent",
        agent_options=options | {"swallow": swallow},
        sandbox_workers=1,
        image=TEST_IMAGE,
        include_fuzzable=True,
    )


async def test_an_attempt_whose_container_is_killed_is_redone_once_and_counted_once(
    tmp_path: Path,
) -> None:
    hold_file = tmp_path / "held"
    killer = asyncio.create_task(kill_when_held(hold_file, ours("untrusted")))
    summary = await run_benchmark(config(hold_file), tmp_path / "run")
    assert killer.done()
    (record,) = AttemptLog(tmp_path / "run" / "attempts.jsonl").read()
    assert record.tries == 2
    assert record.outcome is Outcome.JUDGED and record.fault is not FaultOf.INFRASTRUCTURE
    assert record.wall_s < 20  # the held program did not run to its end
    assert summary.attempts == 1 and summary.infra_errors == 0 and summary.pending == 0


async def test_a_container_lost_twice_is_an_infrastructure_error_that_resume_redoes(
    tmp_path: Path,
) -> None:
    hold_file = tmp_path / "held"
    killer = asyncio.create_task(kill_when_held(hold_file, ours("untrusted"), times=2))
    summary = await run_benchmark(config(hold_file, hold_tries=2), tmp_path / "run")
    await killer
    (record,) = AttemptLog(tmp_path / "run" / "attempts.jsonl").read()
    assert (record.outcome, record.fault, record.tries) == (
        Outcome.INFRA_ERROR,
        FaultOf.INFRASTRUCTURE,
        2,
    )
    assert "ContainerLost: the sandbox container" in record.message
    assert "stopped from outside: kill (signal 9)" in record.message
    assert (summary.attempts, summary.infra_errors, summary.pending) == (0, 1, 1)

    resumed = await run_benchmark(config(tmp_path / "not-held", 0), tmp_path / "run", resume=True)
    assert (resumed.attempts, resumed.infra_errors, resumed.pending) == (1, 0, 0)
    records = AttemptLog(tmp_path / "run" / "attempts.jsonl").read()
    assert [r.outcome for r in records] == [Outcome.INFRA_ERROR, Outcome.JUDGED]


async def test_a_lost_container_the_agent_swallows_is_still_the_infrastructures_fault(
    tmp_path: Path,
) -> None:
    hold_file = tmp_path / "held"
    killer = asyncio.create_task(kill_when_held(hold_file, ours("untrusted"), times=2))
    summary = await run_benchmark(config(hold_file, hold_tries=2, swallow=True), tmp_path / "run")
    await killer
    (record,) = AttemptLog(tmp_path / "run" / "attempts.jsonl").read()
    assert (record.outcome, record.tries) == (Outcome.INFRA_ERROR, 2)
    assert record.message.startswith("after a tool's failure: ContainerLost: ")
    assert (summary.attempts, summary.infra_errors) == (0, 1)
