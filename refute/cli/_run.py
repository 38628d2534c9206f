"""``refute run`` and ``refute agents list``: the benchmark from the command line."""

from __future__ import annotations

import asyncio
import datetime
import json
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from ..agents import available_agents, resolve_agent
from ..errors import RefuteError
from ..judge import JudgeConfig, Mode
from ..models import MODEL_TIMEOUT_ENV, RetryPolicy, Sampling
from ..problems import default_problems_dir
from ..runner import (
    AttemptLog,
    FaultOf,
    Progress,
    RepeatsSummary,
    RunConfig,
    Summary,
    is_repeats_dir,
    load_run_config,
    resume_repeats,
    run_benchmark,
    run_repeats,
)
from ..sandbox import IMAGE
from ._problems import MODE, PROBLEMS_DIR

OUT_DIR = typer.Option(None, "--out", help="Run directory (default runs/<time>-<agent>).")
RESUME = typer.Option(None, "--resume", help="Continue the run in this directory.")
AGENT_OPTION = typer.Option(
    [], "--agent-option", metavar="NAME=VALUE", help="Passed to the agent (repeatable)."
)

agents_app = typer.Typer(help="The agents refute can run.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@agents_app.command("list")
def list_agents(json_output: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every selectable agent: built-ins and ``refute.agents`` entry points."""
    entries = available_agents()
    if json_output:
        rows = [
            {
                "name": e.name,
                "origin": e.origin,
                "needs_model": e.needs_model,
                "oracle": e.oracle,
                "description": e.description,
            }
            for e in entries
        ]
        print(json.dumps(rows, indent=2))
        return
    table = Table(title="agents")
    for column in ("name", "origin", "model", "oracle", "description"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            e.name,
            e.origin,
            "yes" if e.needs_model else "no",
            "yes" if e.oracle else "no",
            escape(e.description),
        )
    out.print(table)


def _options(pairs: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise RefuteError(f"--agent-option {pair!r}: expected NAME=VALUE")
        try:
            options[name.replace("-", "_")] = json.loads(raw)
        except json.JSONDecodeError:
            options[name.replace("-", "_")] = raw
    return options


def _status(progress: Progress, label: str = "", success: str = "refuted") -> Table:
    elapsed = datetime.timedelta(seconds=int(time.monotonic() - progress.started))
    table = Table.grid(padding=(0, 2))
    table.add_row(
        *([label] if label else []),
        f"[bold]{progress.done}/{progress.total}[/] attempts",
        f"[green]{progress.refuted} {success}[/]",
        f"[red]{progress.errors} agent errors[/]",
        f"[yellow]{progress.infra_errors} infrastructure errors[/]",
        f"{progress.input_tokens + progress.output_tokens} tokens",
        f"${progress.cost_usd:.4f}",
        f"{elapsed}",
    )
    return table


def _interval_note(summary: Summary) -> str:
    boot = next(iter(summary.pass_at_k.values()), None)
    note = "95% intervals: success rate by Wilson"
    if boot is not None and boot.resamples is not None:
        note += f"; pass@k by bootstrap over tasks ({boot.resamples} resamples, seed {boot.seed})"
    return note


def _results(summary: Summary, directory: Path, success: str = "refuted") -> Table:
    table = Table(title=escape(f"results: {directory}"), caption=_interval_note(summary))
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("tasks", str(summary.tasks))
    table.add_row("attempts", str(summary.attempts))
    table.add_row(f"{success} tasks", f"{summary.refuted} ({summary.success_rate.describe()})")
    for k, estimate in summary.pass_at_k.items():
        table.add_row(f"pass@{k}", estimate.describe(percent=False))
    spread = summary.spread
    if spread.tasks_with_attempts and summary.attempts > spread.tasks_with_attempts:
        table.add_row(
            "tasks refuted always / sometimes / never",
            f"{spread.always} / {spread.sometimes} / {spread.never}",
        )
        table.add_row("within-task sd over attempts", f"{spread.within_task_sd:.3f}")
    for reason, count in sorted(summary.by_reason.items()):
        table.add_row(f"  by {reason}", str(count))
    for name, metric in summary.metrics.items():
        table.add_row(f"mean {name}", f"{metric.value:g} [{metric.low:g}, {metric.high:g}]")
    table.add_row("tokens in / out", f"{summary.input_tokens} / {summary.output_tokens}")
    table.add_row("cost", f"${summary.cost_usd:.4f}")
    table.add_row("infrastructure errors", f"{summary.infra_errors} (not counted)")
    table.add_row("judge errors", f"{summary.judge_errors} (not counted)")
    if summary.pending:
        table.add_row("not yet run", f"{summary.pending} (use --resume)")
    return table


def _repeats_table(result: RepeatsSummary, directory: Path) -> Table:
    table = Table(
        title=f"repeats: {directory}",
        caption="within: each run's 95% interval (Wilson / bootstrap over tasks); "
        "between: mean, sample sd and range over the runs",
    )
    table.add_column("run")
    table.add_column("seed", justify="right")
    table.add_column("success rate", justify="right")
    ks = list(result.pass_at_k)
    for k in ks:
        table.add_column(f"pass@{k}", justify="right")
    for index, (name, seed) in enumerate(zip(result.runs, result.seeds, strict=True)):
        table.add_row(
            name,
            str(seed),
            result.success_rate.within[index].describe(),
            *(result.pass_at_k[k].within[index].describe(percent=False) for k in ks),
        )
    rows = [("between: mean ± sd", "{0.mean:.1%} ± {0.sd:.1%}", "{0.mean:.3f} ± {0.sd:.3f}")]
    rows.append(("between: range", "{0.min:.1%} - {0.max:.1%}", "{0.min:.3f} - {0.max:.3f}"))
    for label, rate_format, k_format in rows:
        table.add_row(
            label,
            "",
            rate_format.format(result.success_rate),
            *(k_format.format(result.pass_at_k[k]) for k in ks),
        )
    return table


def _kept(directory: Path) -> int:
    """Attempts of the run in ``directory`` that ``--resume`` will not redo."""
    records = AttemptLog(directory / "attempts.jsonl").read()
    return len({(r.task_id, r.attempt) for r in records if r.fault is not FaultOf.INFRASTRUCTURE})


def run_command(
    agent: str = typer.Option("fuzz", "--agent", help="Agent name or package.module:Class."),
    model: str | None = typer.Option(None, "--model", help="provider/model, e.g. openai/gpt-4o."),
    problems: str | None = typer.Option(
        None,
        "--problems",
        metavar="SELECTOR",
        help="Task ids, problem ids, globs and filters (rating>=1600, tag=dp, date>=..., "
        "source=..., lang=python), comma-separated.",
    ),
    problems_dir: Path | None = PROBLEMS_DIR,
    include_fuzzable: bool = typer.Option(
        False,
        "--include-fuzzable",
        help="Keep the tasks the fuzz baseline refutes (left out by default; docs/selection.md).",
    ),
    attempts: int = typer.Option(1, "--attempts", min=1, help="Attempts per task."),
    model_concurrency: int = typer.Option(
        8,
        "--model-concurrency",
        min=1,
        help="Model requests in flight at once (attempts in flight: four times this).",
    ),
    model_timeout: float | None = typer.Option(
        None,
        "--model-timeout",
        metavar="SECONDS",
        min=0.001,
        help=f"Time-out of one model request (default ${MODEL_TIMEOUT_ENV}, else 600); "
        "may be changed on --resume.",
    ),
    sandbox_workers: int | None = typer.Option(
        None, "--sandbox-workers", min=1, help="Containers per pool (default: one per CPU)."
    ),
    out_dir: Path | None = OUT_DIR,
    resume: Path | None = RESUME,
    max_cost: float | None = typer.Option(None, "--max-cost", min=0, help="USD cap."),
    seed: int = typer.Option(
        0, "--seed", help="Base seed; every attempt's seed derives from it, the task and index."
    ),
    repeats: int = typer.Option(
        1,
        "--repeats",
        min=1,
        help="Run the configuration R times into OUT/repeat-<i>, seeds derived from --seed, "
        "and report the spread between runs.",
    ),
    minimize: bool = typer.Option(False, "--minimize", help="Shrink refuting inputs."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Bypass the model response cache."),
    temperature: float | None = typer.Option(None, "--temperature"),
    max_tokens: int | None = typer.Option(None, "--max-tokens", min=1),
    reasoning_effort: str | None = typer.Option(None, "--reasoning-effort"),
    mode: Mode = MODE,
    runs_per_eval: int = typer.Option(
        5, "--runs-per-eval", min=1, help="Runs of the incorrect code per judged input."
    ),
    agent_option: list[str] = AGENT_OPTION,
    image: str = typer.Option(IMAGE, "--image", help="Sandbox image."),
    json_output: bool = typer.Option(
        False, "--json", help="Print summary.json at the end (repeats.json with --repeats)."
    ),
    cluster: str | None = typer.Option(
        None, "--cluster", help="Run attempts on a Ray cluster: HOST:PORT, ray://HOST:PORT, auto."
    ),
) -> None:
    """Run a benchmark: an agent against the selected tasks, judged in the sandbox.

    Exit codes: 0 done; 2 a bad flag or file; 3 stopped because the infrastructure kept
    failing (the Docker engine gone, the model service down): resume with --resume DIR
    once it works; 130 interrupted (Ctrl-C), likewise resumable.
    """
    if resume is not None and is_repeats_dir(resume):
        _repeats(resume, None, 0, json_output)
        return
    if resume is not None:
        config = load_run_config(resume)
        directory = resume
        if model_timeout is not None:  # the one option a resumed run may change
            retry = config.model_retry.model_copy(update={"timeout_s": model_timeout})
            config = config.model_copy(update={"model_retry": retry})
    else:
        resolve_agent(agent)  # fail fast on a bad --agent, before any set-up
        fields: dict[str, object] = {
            "agent": agent,
            "agent_options": _options(agent_option),
            "model": model,
            "sampling": Sampling(
                temperature=temperature, max_tokens=max_tokens, reasoning_effort=reasoning_effort
            ),
            "problems_dir": (problems_dir or default_problems_dir()).resolve(),
            "problems": problems,
            "include_fuzzable": include_fuzzable,
            "attempts": attempts,
            "model_concurrency": model_concurrency,
            "seed": seed,
            "max_cost": max_cost,
            "minimize": minimize,
            "no_cache": no_cache,
            "judge": JudgeConfig(mode=mode, runs=runs_per_eval),
            "image": image,
        }
        if sandbox_workers is not None:
            fields["sandbox_workers"] = sandbox_workers
        if model_timeout is not None:
            fields["model_retry"] = RetryPolicy(timeout_s=model_timeout)
        config = RunConfig.model_validate(fields)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        directory = out_dir or Path("runs") / f"{stamp}-{agent.replace(':', '-').replace('/', '-')}"
        if repeats > 1:
            _repeats(directory, config, repeats, json_output)
            return

    console = err if json_output else out
    success = "solved" if config.agent == "solve" else "refuted"  # solve: accepted solutions
    backend = None
    if cluster is not None:  # Ray is imported only here
        from ..cluster import RayBackend

        backend = RayBackend(cluster)
    try:
        with Live(console=console, refresh_per_second=4, transient=True) as live:
            summary = asyncio.run(
                run_benchmark(
                    config,
                    directory,
                    resume=resume is not None,
                    backend=backend,
                    on_progress=lambda progress: live.update(_status(progress, success=success)),
                    on_selection=lambda kept, note: err.print(
                        note.describe(kept), highlight=False, soft_wrap=True
                    ),
                )
            )
    except KeyboardInterrupt:
        kept = _kept(directory)
        err.print(
            f"interrupted; {kept} attempts kept; resume with: refute run --resume {directory}",
            highlight=False,
            markup=False,
            emoji=False,
        )
        raise typer.Exit(130) from None
    if json_output:
        print(json.dumps(summary.model_dump(mode="json"), indent=2))
    else:
        out.print(_results(summary, directory, success))


def _repeats(directory: Path, config: RunConfig | None, repeats: int, json_output: bool) -> None:
    """Run (``config`` given) or resume (``None``) the repeats in ``directory``."""
    console = err if json_output else out
    with Live(console=console, refresh_per_second=4, transient=True) as live:

        def show(index: int, progress: Progress) -> None:
            live.update(_status(progress, f"repeat {index}"))

        if config is None:
            result = asyncio.run(resume_repeats(directory, on_progress=show))
        else:
            result = asyncio.run(run_repeats(config, directory, repeats, on_progress=show))
    if json_output:
        print(json.dumps(result.model_dump(mode="json"), indent=2))
    else:
        out.print(_repeats_table(result, directory))
