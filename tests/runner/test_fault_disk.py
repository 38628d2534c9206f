"""The run directory's disk fills up mid-run: the run stops in one line, resume completes it.

The disk is a small tmpfs mounted for the test (root only), nearly filled by a ballast
file that the test removes before resuming.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from refute.problems import default_problems_dir
from refute.runner import AttemptLog, FaultOf, InfrastructureError, RunConfig, run_benchmark

from ..conftest import TEST_IMAGE
from .agents import AGENT_FILE

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` but about ``leave`` bytes with one ballast file."""
    ballast = disk / "ballast"
    stats = os.statvfs(disk)
    ballast.write_bytes(b"\0" * (stats.f_bavail * stats.f_frsize - leave))
    return ballast


def config() -> RunConfig:
    return RunConfig(
        problems_dir=default_problems_dir(),
        problems="charged-pair,ribbon-cut",
        attempts=8,
        agent=f"{AGENT_FILE}:SteadyAgent",
        sandbox_workers=1,
        image=TEST_IMAGE,
        include_fuzzable=True,
    )


async def test_a_full_disk_stops_the_run_and_resume_completes_it(small_disk: Path) -> None:
    out = small_disk / "run"
    ballast = fill(small_disk, leave=48 * 1024)
    with pytest.raises(InfrastructureError, match=r"^run stopped: (the disk failed|cannot write)"):
        await run_benchmark(config(), out)
    assert not list(out.rglob("*.part"))
    kept = AttemptLog(out / "attempts.jsonl").read()
    assert len(kept) < 24, "the disk should have filled before the end"

    ballast.unlink()
    summary = await run_benchmark(config(), out, resume=True)
    assert (summary.attempts, summary.infra_errors, summary.pending) == (24, 0, 0)
    records = AttemptLog(out / "attempts.jsonl").read()
    done = [r for r in records if r.fault is not FaultOf.INFRASTRUCTURE]
    assert len(done) == 24 and len({(r.task_id, r.attempt) for r in done}) == 24
