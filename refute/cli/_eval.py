"""``refute eval``: judge a REFUTE predictions file, write REFUTE's results format."""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..eval import (
    AttemptVerdict,
    EvalConfig,
    Evaluator,
    Prediction,
    PredictionResult,
    load_predictions,
    resolve_tasks,
)
from ..judge import STRICT_TIME_FACTOR, JudgeConfig, Mode, Verdict
from ..problems import Task
from ..sandbox import Sandbox, SandboxConfig
from ._paths import writable_file
from ._problems import IMAGE_OPTION, MODE, PROBLEMS_DIR, WORKERS, load, sandbox_config

err = Console(stderr=True)


PREDICTIONS = typer.Argument(..., metavar="PREDS_JSON", help="Predictions in REFUTE's format.")
OUT = typer.Option(
    Path("results.json"),
    "--out",
    metavar="RESULTS_JSON",
    help="Where to write the results (REFUTE's format).",
)


def eval_command(
    predictions_path: Path = PREDICTIONS,
    out: Path = OUT,
    problems_dir: Path | None = PROBLEMS_DIR,
    runs_per_eval: int = typer.Option(
        5,
        "--runs-per-eval",
        min=1,
        metavar="K",
        help="Runs of the incorrect submission per input, to catch nondeterminism.",
    ),
    mode: Mode = MODE,
    search_seconds: float = typer.Option(
        60.0, "--search-seconds", min=0.1, help="Random-search budget per attempt."
    ),
    time_factor: float = typer.Option(
        STRICT_TIME_FACTOR,
        "--time-factor",
        min=0.1,
        help="Strict mode: multiplier on the problem's time limit.",
    ),
    image: str = IMAGE_OPTION,
    workers: int | None = WORKERS,
) -> None:
    """Evaluate REFUTE predictions: run each attempt, judge its input, write the verdicts.

    Model-written programs run in the untrusted pool; inputs are judged in the judge pool.
    The results file is rewritten as predictions finish, so an interrupted run keeps them.
    """
    writable_file(out)
    problems = load(problems_dir, warn=False)
    predictions = load_predictions(predictions_path)
    tasks = resolve_tasks(predictions, problems, str(predictions_path))
    config = EvalConfig(
        judge=JudgeConfig(mode=mode, runs=runs_per_eval, time_factor=time_factor),
        search_seconds=search_seconds,
    )
    results = asyncio.run(
        _evaluate(predictions, tasks, config, sandbox_config(image, workers), out)
    )
    verdicts = [v for result in results for v in result.verdicts]
    succeeded = sum(v.success for v in verdicts)
    solved = sum(any(v.success for v in result.verdicts) for result in results)
    errors = sum(v.verdict is Verdict.JUDGE_ERROR for v in verdicts)
    err.print(
        f"{succeeded}/{len(verdicts)} attempts refuted their task; {solved}/{len(results)} "
        f"predictions with a success ({mode} mode); {errors} judge error(s); "
        f"results in {out}",
        highlight=False,
        markup=False,
        emoji=False,
    )


async def _evaluate(
    predictions: list[Prediction],
    tasks: list[Task],
    config: EvalConfig,
    sandbox: SandboxConfig,
    out: Path,
) -> list[PredictionResult]:
    total = sum(len(prediction.attempts) for prediction in predictions)
    successes = 0
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
    ) as progress:
        bar = progress.add_task("starting the sandbox", total=total)
        async with Sandbox(sandbox) as started:

            def advance(i: int, j: int, verdict: AttemptVerdict) -> None:
                nonlocal successes
                successes += verdict.success
                progress.update(bar, advance=1, description=f"judging ({successes} refuted)")

            progress.update(bar, description="judging")
            return await Evaluator(started, config).evaluate(
                predictions, tasks, out=out, on_attempt=advance
            )
