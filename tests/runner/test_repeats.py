"""``--repeats``: derived seeds, the spread between runs, and fresh model samples per repeat."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refute.problems import default_problems_dir
from refute.runner import (
    RunDirError,
    Spread,
    repeat_seed,
    resume_repeats,
    run_repeats,
)
from refute.runner._repeats import spread_of
from refute.stats import wilson
from refute.testing import ModelServer, Reply

from ..agents.methods.runs import ANSWER, config


def test_repeat_seeds_are_stable_and_distinct() -> None:
    seeds = [repeat_seed(0, i) for i in range(5)]
    assert seeds[0] == 822952958  # the same on every machine
    assert len(set(seeds)) == 5
    assert repeat_seed(1, 0) != seeds[0]


def test_spread_is_mean_sample_sd_and_range_beside_each_interval() -> None:
    estimates = [wilson(2, 10), wilson(4, 10), wilson(6, 10)]
    spread = spread_of(estimates)
    assert spread == Spread(mean=0.4, sd=0.2, min=0.2, max=0.6, within=estimates)
    assert spread_of(estimates[:1]).sd == 0.0


async def test_a_directory_with_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "stray.txt").write_text("x")
    run = config(default_problems_dir(), "openai", "zero-shot")
    with pytest.raises(RunDirError, match="use --resume"):
        await run_repeats(run, tmp_path, 2)


@pytest.mark.parametrize("model_provider", ["openai"])
async def test_each_repeat_samples_the_model_afresh_and_resume_redoes_nothing(
    model_server: ModelServer, model_provider: str, tmp_path: Path
) -> None:
    problems = tmp_path / "problems"
    shutil.copytree(default_problems_dir() / "charged-pair", problems / "charged-pair")
    model_server.script([Reply(ANSWER), Reply(ANSWER)])
    out = tmp_path / "x2"
    result = await run_repeats(config(problems, model_provider, "zero-shot"), out, 2)
    assert len(model_server.requests) == 2  # the second repeat did not replay the cache
    assert result.runs == ["repeat-0", "repeat-1"]
    assert result.seeds == [repeat_seed(0, 0), repeat_seed(0, 1)]
    assert result.success_rate.mean == 1.0 and result.success_rate.sd == 0.0
    again = await resume_repeats(out)
    assert len(model_server.requests) == 2
    assert again == result
