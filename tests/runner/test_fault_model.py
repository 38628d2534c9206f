"""A model service that keeps failing: infrastructure errors, the run stops, resume redoes them.

The service is the scripted model server (real HTTP on 127.0.0.1, the real SDK).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from refute.models import RetryPolicy
from refute.problems import default_problems_dir
from refute.runner import (
    AttemptLog,
    FaultOf,
    InfrastructureError,
    Outcome,
    RunConfig,
    run_benchmark,
)
from refute.testing import Fault as HttpFault
from refute.testing import Hangup, Malformed, ModelServer, Reply, Request, Slow

from ..conftest import TEST_IMAGE

ANSWER = (
    "Two negative charges.\n\n<action><name>print_fail_case</name><code>\n"
    "print(3)\nprint('-5 -4 1')\n</code><lang>Python 3</lang></action>"
)
TASKS, ATTEMPTS = 3, 2
RETRY = RetryPolicy(max_attempts=2, initial_delay_s=0.01, jitter=0, timeout_s=0.5)

Action = HttpFault | Slow | Hangup | Malformed

FAULTS: dict[str, tuple[Action, str]] = {
    "500s": (HttpFault(status=500, message="boom"), "HTTP 500: boom"),
    "hangs": (Slow(30, Reply(text=ANSWER)), "no answer within 0.5 s"),
    "closes": (Hangup(), "connection error"),
    "html": (
        Malformed(b"<html><h1>502 Bad Gateway</h1></html>", "text/html"),
        "not a model answer",
    ),
    "garbage-json": (Malformed(b'{"choices": [{"mess'), "not a model answer"),
    "foo-json": (Malformed(b'{"foo": 1}'), "JSON without choices (keys: foo)"),
}


def config() -> RunConfig:
    return RunConfig(
        problems_dir=default_problems_dir(),
        problems="charged-pair,ribbon-cut",
        attempts=ATTEMPTS,
        agent="zero-shot",
        model="openai/test-model",
        model_concurrency=1,
        model_retry=RETRY,
        sandbox_workers=1,
        image=TEST_IMAGE,
        include_fuzzable=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize(("fault", "said"), FAULTS.values(), ids=FAULTS.keys())
async def test_a_failing_model_service_stops_the_run_and_resume_completes_it(
    model_server: ModelServer, tmp_path: Path, fault: Action, said: str
) -> None:
    model_server.respond_with(lambda request: fault)
    with pytest.raises(InfrastructureError) as stopped:
        await run_benchmark(config(), tmp_path)
    message = str(stopped.value)
    assert message.startswith("run stopped: the model service failed 3 attempts in a row;")
    assert said in message and f"resume with: refute run --resume {tmp_path}" in message
    records = AttemptLog(tmp_path / "attempts.jsonl").read()
    assert len(records) >= 3
    blamed = {(r.outcome, r.fault) for r in records}
    assert blamed == {(Outcome.INFRA_ERROR, FaultOf.INFRASTRUCTURE)}
    assert all("ModelUnavailableError" in r.message and said in r.message for r in records)
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert (summary["attempts"], summary["infra_errors"]) == (0, len(records))
    assert summary["pending"] == TASKS * ATTEMPTS
    saved = json.loads((tmp_path / "config.json").read_text())
    assert saved["config"]["model_retry"]["timeout_s"] == 0.5

    model_server.respond_with(lambda request: Reply(text=ANSWER))
    resumed = await run_benchmark(config(), tmp_path, resume=True)
    assert (resumed.attempts, resumed.infra_errors, resumed.pending) == (TASKS * ATTEMPTS, 0, 0)
    counted = Counter(
        (r.task_id, r.attempt)
        for r in AttemptLog(tmp_path / "attempts.jsonl").read()
        if r.fault is not FaultOf.INFRASTRUCTURE
    )
    assert len(counted) == TASKS * ATTEMPTS and set(counted.values()) == {1}
    assert resumed.refuted >= 1  # the answer refutes charged-pair/two-largest


async def test_failures_among_answers_are_counted_apart_and_the_run_goes_on(
    model_server: ModelServer, tmp_path: Path
) -> None:
    def answer(request: Request) -> Action | Reply:
        if "Cutting the Ribbon" in json.dumps(request.body):  # both attempts of one task
            return Malformed(b'{"foo": 1}')
        return Reply(text=ANSWER)

    model_server.respond_with(answer)
    summary = await run_benchmark(config(), tmp_path)
    assert (summary.attempts, summary.infra_errors, summary.pending) == (4, 2, 2)
    assert summary.by_outcome[Outcome.INFRA_ERROR.value] == 2
