"""Helpers for running the methods end to end against the scripted model server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from refute.runner import AttemptLog, AttemptRecord, RunConfig, run_benchmark
from refute.testing import Request

from ...conftest import TEST_IMAGE

TASK = "charged-pair/two-largest"
FAILING_INPUT = "3\n-5 -4 1\n"
"""The known failing input of TASK: two large negative charges."""

PRINT_FAILING = "print(3)\nprint('-5 -4 1')\n"
"""A program printing FAILING_INPUT."""


def action(code: str, name: str = "print_fail_case", lang: str = "Python 3") -> str:
    return f"<action><name>{name}</name><code>\n{code}</code><lang>{lang}</lang></action>"


ANSWER = "Two negative charges multiply to a large positive energy.\n\n" + action(PRINT_FAILING)
"""A one-shot answer that refutes TASK."""


def config(problems_dir: Path, provider: str, agent: str, **changes: Any) -> RunConfig:
    fields: dict[str, Any] = {
        "problems_dir": problems_dir,
        "problems": TASK,
        "agent": agent,
        "model": f"{provider}/test-model",
        "sandbox_workers": 1,
        "image": TEST_IMAGE,
        "include_fuzzable": True,  # charged-pair's tasks are fuzz-findable
    }
    return RunConfig.model_validate(fields | changes)


async def run(run_config: RunConfig, out: Path) -> list[AttemptRecord]:
    """Run into ``out`` and return the attempt records."""
    await run_benchmark(run_config, out)
    return AttemptLog(out / "attempts.jsonl").read()


def transcript(out: Path, record: AttemptRecord) -> dict[str, Any]:
    assert record.transcript is not None
    data: dict[str, Any] = json.loads((out / record.transcript).read_text())
    return data


def sent(request: Request) -> str:
    """Everything a request sent, as one string to search."""
    return json.dumps(request.body, ensure_ascii=False)


def conversation_length(request: Request) -> int:
    """Messages in the request, the system prompt included (it is apart for Anthropic)."""
    messages = request.body["messages"]
    return len(messages) + (
        1 if request.provider == "anthropic" and "system" in request.body else 0
    )
