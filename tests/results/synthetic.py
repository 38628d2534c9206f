"""Run directories with a known structure, written as ``refute run`` writes them.

``make_run(dir, {task_id: [refuted?, ...]})`` writes ``config.json``, ``attempts.jsonl`` and
``summary.json`` for the bundled tasks named, one record per attempt. With ``solve=True``
the records are a solve run's: ``True`` is an accepted solution, ``False`` a wrong answer.
"""

from __future__ import annotations

import json
from pathlib import Path

from refute.judge import JudgeConfig, Mode, Reason, SolutionVerdict, Verdict
from refute.problems import Task, default_problems_dir, load_problems
from refute.runner import (
    AttemptLog,
    AttemptRecord,
    Outcome,
    Provenance,
    RunConfig,
    RunFile,
    problem_hashes,
    problem_set_hash,
    summarize,
)


def bundled_tasks() -> list[Task]:
    return load_problems().tasks()


def make_run(
    directory: Path,
    attempts: dict[str, list[bool]],
    *,
    mode: Mode = Mode.STRICT,
    agent: str = "fuzz",
    model: str | None = None,
    cost_per_attempt: float = 0.0,
    problem_sha256: dict[str, str] | None = None,
    summary: bool = True,
    solve: bool = False,
) -> Path:
    tasks = {task.id: task for task in bundled_tasks()}
    chosen = [tasks[task_id] for task_id in attempts]
    per_task = max(len(results) for results in attempts.values())
    config = RunConfig(
        agent=agent,
        model=model,
        problems_dir=default_problems_dir(),
        attempts=per_task,
        judge=JudgeConfig(mode=mode),
    )
    provenance = Provenance(
        refute_version="test",
        git_commit=None,
        git_dirty=None,
        python="3",
        problem_set_sha256=problem_set_hash(chosen),
        tasks=list(attempts),
        image_id="sha256:test",
        oracle=False,
        problem_sha256=problem_hashes(chosen) if problem_sha256 is None else problem_sha256,
    )
    directory.mkdir(parents=True)
    run_file = RunFile(config=config, provenance=provenance)
    (directory / "config.json").write_text(run_file.model_dump_json(indent=2))
    log = AttemptLog(directory / "attempts.jsonl")
    records = []
    for task_id, results in attempts.items():
        for index, refuted in enumerate(results):
            judged: dict[str, object] = (
                {
                    "solution_verdict": SolutionVerdict.ACCEPTED
                    if refuted
                    else SolutionVerdict.WRONG_ANSWER
                }
                if solve
                else {
                    "verdict": Verdict.REFUTED if refuted else Verdict.NOT_REFUTED,
                    "reason": Reason.WRONG_ANSWER if refuted else None,
                }
            )
            record = AttemptRecord.model_validate(
                {
                    "task_id": task_id,
                    "attempt": index,
                    "outcome": Outcome.JUDGED,
                    "refuted": refuted,
                    "cost_usd": cost_per_attempt,
                    "input_tokens": 100 if model else 0,
                }
                | judged
            )
            log.append(record)
            records.append(record)
    if summary:
        made = summarize(chosen, records, per_task)
        (directory / "summary.json").write_text(json.dumps(made.model_dump(mode="json")))
    return directory
