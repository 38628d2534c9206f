"""``load_run``: a run directory read back as a ``Run`` (config, per-task outcomes, summary)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import RefuteError
from ..problems import Task, load_problems
from ..runner import (
    AttemptLog,
    AttemptRecord,
    RunConfig,
    RunFile,
    Summary,
    TaskOutcome,
    is_repeats_dir,
    latest_records,
    summarize,
    task_outcomes,
)
from ._errors import ResultsError


class Run(BaseModel):
    """A finished (or interrupted) run, as its directory holds it.

    Args:
        directory: the run directory, as given.
        file: ``config.json``: the configuration and provenance.
        records: the latest record of every (task, attempt), in file order.
        outcomes: per task of the run, its counted attempts and how many refuted.
        summary: ``summary.json``, or the summary remade from the records when that file
            is missing or older than the current format.
    """

    directory: Path
    file: RunFile
    records: list[AttemptRecord]
    outcomes: dict[str, TaskOutcome]
    summary: Summary

    @property
    def name(self) -> str:
        """How tables name the run: its directory as given."""
        return str(self.directory)

    @property
    def config(self) -> RunConfig:
        return self.file.config

    def load_tasks(self) -> dict[str, Task]:
        """The run's tasks as its problem directory holds them now (statement, code ...),
        by id; tasks no longer there are left out. Check ``file.provenance.problem_sha256``
        when it matters that the packages are unchanged."""
        wanted = set(self.file.provenance.tasks)
        try:
            tasks = load_problems(self.config.problems_dir).tasks()
        except RefuteError as error:
            raise ResultsError(
                f"{self.directory}: its problems cannot be read ({error})"
            ) from error
        return {task.id: task for task in tasks if task.id in wanted}

    @property
    def judged_tasks(self) -> list[str]:
        """Tasks with at least one counted attempt."""
        return [task for task, outcome in self.outcomes.items() if outcome.attempts]


def _read_summary(path: Path) -> Summary | None:
    if not path.is_file():
        return None
    try:
        return Summary.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError):
        return None  # written by an older refute: remade from the records


def _remake_summary(directory: Path, file: RunFile, records: list[AttemptRecord]) -> Summary:
    config = file.config
    try:
        tasks = {task.id: task for task in load_problems(config.problems_dir).tasks()}
    except RefuteError as error:
        raise ResultsError(
            f"{directory}: summary.json is missing or outdated and the problems at "
            f"{config.problems_dir} cannot be read to remake it ({error})"
        ) from error
    missing = [task_id for task_id in file.provenance.tasks if task_id not in tasks]
    if missing:
        raise ResultsError(
            f"{directory}: summary.json is missing or outdated and task {missing[0]} is no "
            f"longer in {config.problems_dir} to remake it"
        )
    chosen = [tasks[task_id] for task_id in file.provenance.tasks]
    return summarize(chosen, records, config.attempts, seed=config.seed)


def load_run(directory: Path) -> Run:
    """Read the run in ``directory``; a directory that is not a run is a ``ResultsError``.

    Example::

        run = load_run(Path("runs/fuzz-1"))
        print(run.summary.success_rate.describe(), len(run.judged_tasks))
    """
    if not directory.is_dir():
        raise ResultsError(f"{directory}: not a directory")
    config_path = directory / "config.json"
    if not config_path.is_file():
        if is_repeats_dir(directory):
            raise ResultsError(
                f"{directory}: holds the runs of --repeats; give its repeat-<i> directories"
            )
        raise ResultsError(f"{directory}: not a run directory (no config.json)")
    try:
        file = RunFile.model_validate_json(config_path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError) as error:
        first = str(error).splitlines()[0]
        raise ResultsError(f"{config_path}: not a run's config.json ({first})") from error
    except OSError as error:
        raise ResultsError(f"{config_path}: unreadable ({error.strerror})") from error
    records = latest_records(AttemptLog(directory / "attempts.jsonl").read())
    summary = _read_summary(directory / "summary.json") or _remake_summary(directory, file, records)
    return Run(
        directory=directory,
        file=file,
        records=records,
        outcomes=task_outcomes(file.provenance.tasks, records),
        summary=summary,
    )


def load_runs(directories: list[Path]) -> list[Run]:
    """``load_run`` for each; a ``--repeats`` directory stands for its ``repeat-<i>`` runs.

    The same directory twice is refused (it would be compared with itself by accident).
    """
    expanded: list[Path] = []
    for directory in directories:
        if is_repeats_dir(directory) and not (directory / "config.json").is_file():
            numbered = {
                int(p.name.removeprefix("repeat-")): p
                for p in directory.glob("repeat-*")
                if p.name.removeprefix("repeat-").isdigit() and (p / "config.json").is_file()
            }
            repeats = [numbered[index] for index in sorted(numbered)]
            expanded += repeats
        else:
            expanded.append(directory)
    directories = expanded
    seen: set[Path] = set()
    for directory in directories:
        resolved = directory.resolve()
        if resolved in seen:
            raise ResultsError(f"{directory}: given twice")
        seen.add(resolved)
    return [load_run(directory) for directory in directories]


def dump(model: BaseModel) -> str:
    """A results model as indented JSON (what ``--json`` prints)."""
    return json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False)
