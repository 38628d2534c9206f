"""A model agent's run on the cluster: model calls go to the one model host on the head
(its client, cache and limiter), and the records are those of the same run locally."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.cluster import RayBackend
from refute.problems import default_problems_dir
from refute.runner import AttemptLog, run_benchmark
from refute.testing import ModelServer, Reply

from ..agents.methods.runs import ANSWER, config

pytestmark = pytest.mark.slow


async def test_a_model_agent_run_on_the_cluster_keeps_the_records_of_a_local_run(
    ray_cluster: str, model_server: ModelServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_server.script([Reply(ANSWER, input_tokens=100, output_tokens=20)] * 4)
    run = config(default_problems_dir(), "openai", "zero-shot", attempts=2)
    await run_benchmark(run, tmp_path / "local")
    asked_locally = len(model_server.requests)
    monkeypatch.setenv("REFUTE_CACHE_DIR", str(tmp_path / "cluster-cache"))  # no replays
    backend = RayBackend(ray_cluster)
    await run_benchmark(run, tmp_path / "cluster", backend=backend)
    assert asked_locally == 2 and len(model_server.requests) == 4  # the host asked the server
    assert any((tmp_path / "cluster-cache").iterdir())  # the host kept the responses

    def essence(out: Path) -> list[tuple[object, ...]]:
        return sorted(
            (r.attempt, r.outcome, r.verdict, r.refuted, r.input, r.input_tokens, r.model_calls)
            for r in AttemptLog(out / "attempts.jsonl").read()
        )

    assert essence(tmp_path / "cluster") == essence(tmp_path / "local")
    assert len(essence(tmp_path / "cluster")) == 2
    assert sum(backend.per_node.values()) == 2
