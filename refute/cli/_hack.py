"""``refute hack SOLUTION --brute BRUTE``: the stress loop, sandboxed, parallel, shrunk."""

from __future__ import annotations

import asyncio
import datetime
import json
from pathlib import Path

import typer
from rich.console import Console, Group
from rich.live import Live
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..errors import RefuteError
from ..hack import (
    HackBudget,
    HackOutcome,
    HackProgress,
    HackRequest,
    HackResult,
    NamedProgram,
    hack,
    problem_request,
)
from ..problems import Problem, load_problems
from ..sandbox import RunResult
from ._problems import PROBLEMS_DIR

out = Console()
err = Console(stderr=True)

SHOWN_LINES = 40
"""Lines of the input and of each output printed; ``--out`` keeps them whole."""

EXIT_FOUND, EXIT_NOT_FOUND, EXIT_BROKEN, EXIT_INTERRUPTED = 0, 1, 2, 130


SOLUTION_ARGUMENT = typer.Argument(..., help="The solution suspected wrong (.cpp, .c, .py).")
BRUTE_OPTION = typer.Option(
    None, "--brute", help="A slow but surely correct solution (not needed with --problem)."
)
GEN_OPTION = typer.Option(
    None, "--gen", help="A generator: prints one test for the seed in argv[1]."
)
VALIDATOR_OPTION = typer.Option(
    None, "--validator", help="Exits 0 on a valid input (stdin); default: all valid."
)
CHECKER_OPTION = typer.Option(
    None,
    "--checker",
    help="A checker as in a problem package (input.txt output.txt answer.txt); "
    "default: token comparison.",
)
STATEMENT_OPTION = typer.Option(
    None, "--statement", help="The problem statement (shown to --model)."
)
SEED_INPUT_OPTION = typer.Option(
    [], "--seed-input", help="An example input to mutate without --gen (repeatable)."
)
OUT_DIR_OPTION = typer.Option(
    None, "--out", help="Keep input, outputs and result.json in this directory."
)


def hack_command(
    solution: Path = SOLUTION_ARGUMENT,
    brute: Path | None = BRUTE_OPTION,
    gen: Path | None = GEN_OPTION,
    validator: Path | None = VALIDATOR_OPTION,
    checker: Path | None = CHECKER_OPTION,
    statement: Path | None = STATEMENT_OPTION,
    seed_input: list[Path] = SEED_INPUT_OPTION,
    model: str | None = typer.Option(
        None, "--model", help="provider/name of a model that writes generators (no --gen)."
    ),
    problem: str | None = typer.Option(
        None,
        "--problem",
        metavar="ID",
        help="Take brute (reference), validator, checker, limits, statement and examples "
        "from this package.",
    ),
    problems_dir: Path | None = PROBLEMS_DIR,
    time_limit: float | None = typer.Option(
        None, "--time-limit", min=0.001, help="Seconds of CPU per test (default 2)."
    ),
    memory_limit: int | None = typer.Option(None, "--memory-limit", min=16, help="MB per test."),
    budget: str = typer.Option("60s", "--budget", help="Tests (1000) or a duration (30s, 2m)."),
    seed: int = typer.Option(0, "--seed", help="The first test uses seed+1."),
    rounds: int = typer.Option(3, "--rounds", min=1, help="Generators a --model may write."),
    no_minimize: bool = typer.Option(False, "--no-minimize", help="Keep the input as found."),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Parallel searches (default: one per CPU)."
    ),
    out_dir: Path | None = OUT_DIR_OPTION,
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Find an input on which SOLUTION is wrong, checking it against BRUTE.

    Exit codes: 0 found, 1 not found within the budget, 2 bad usage or a broken program,
    130 interrupted before anything was found.
    """
    if gen is not None and model is not None:
        raise RefuteError("--gen and --model: give one (the model writes generators)")
    fields: dict[str, object] = {
        "solution": NamedProgram.from_file(solution),
        "generator": NamedProgram.from_file(gen) if gen else None,
        "validator": NamedProgram.from_file(validator) if validator else None,
        "checker": NamedProgram.from_file(checker) if checker else None,
        "budget": HackBudget.parse(budget),
        "seed": seed,
        "model": model,
        "rounds": rounds,
        "minimize": not no_minimize,
        "workers": workers,
        "time_limit_ms": round(time_limit * 1000) if time_limit else None,
        "memory_mb": memory_limit,
    }
    if time_limit:
        fields["time_factor"] = 1.0
    seeds = [_read(path, "--seed-input") for path in seed_input]
    if seeds:
        fields["seeds"] = seeds
    if statement is not None:
        fields["statement"] = _read(statement, "--statement")
    if brute is not None:
        fields["brute"] = NamedProgram.from_file(brute)
    base: Problem | None = None
    if problem is not None:
        base = load_problems(problems_dir).problem(problem)
        solution_program = fields.pop("solution")
        assert isinstance(solution_program, NamedProgram)
        request = problem_request(base, solution_program, **fields)
    else:
        if brute is None:
            raise RefuteError("--brute BRUTE is needed (or --problem ID for a package's)")
        request = HackRequest.model_validate({k: v for k, v in fields.items() if v is not None})

    console = err
    with Live(console=console, refresh_per_second=8, transient=True) as live:
        result = asyncio.run(hack(request, base=base, on_progress=lambda p: live.update(_line(p))))
    if out_dir is not None:
        _keep(result, out_dir)
    for note in result.notes:
        err.print(f"[yellow]note:[/] {escape(note)}", highlight=False)
    if json_output:
        print(result.model_dump_json(indent=2))
    else:
        _show(result, request)
    if result.found:
        raise typer.Exit(EXIT_FOUND)
    raise typer.Exit(
        EXIT_INTERRUPTED if result.outcome is HackOutcome.INTERRUPTED else EXIT_NOT_FOUND
    )


def _read(path: Path, flag: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RefuteError(f"{flag} {path}: cannot read it ({error})") from error


def _line(progress: HackProgress) -> Text:
    stats = progress.stats
    elapsed = datetime.timedelta(seconds=int(progress.elapsed))
    text = Text.assemble(
        (f"{progress.phase:<10}", "bold"),
        f"  {stats.tests} tests",
        f"  {stats.rate:,.0f}/s",
        f"  {elapsed}",
    )
    if stats.skipped or stats.invalid:
        text.append(f"  ({stats.invalid} invalid, {stats.skipped} skipped)", style="dim")
    if progress.best is not None:
        text.append(f"  shrinking from {progress.best} bytes", style="dim")
    return text


def _cut(text: str, lines: int = SHOWN_LINES) -> str:
    rows = text.splitlines()
    if len(rows) <= lines:
        return text.rstrip("\n")
    return "\n".join([*rows[:lines], f"... ({len(rows) - lines} more lines; see --out)"])


def _output(run: RunResult | None, line: int | None, column: int | None) -> Text:
    """One side of the comparison, the first differing token marked."""
    if run is None:
        return Text("(not run)", style="dim")
    if not run.ok:
        said = run.stderr.strip()
        return Text(run.describe() + (f"\n{_cut(said, 8)}" if said else ""), style="red")
    shown = Text()
    for number, row in enumerate(run.stdout.splitlines()[:SHOWN_LINES], start=1):
        if number > 1:
            shown.append("\n")
        if number != line:
            shown.append(row)
            continue
        for index, token in enumerate(row.split(), start=1):
            if index > 1:
                shown.append(" ")
            shown.append(token, style="bold reverse red" if index == column else "")
    if line is not None and column is None:
        shown.append("\n<end of output>", style="bold reverse red")
    return shown


def _show(result: HackResult, request: HackRequest) -> None:
    stats = result.stats
    summary = (
        f"{stats.tests} tests in {stats.seconds:.1f} s ({stats.rate:,.0f}/s), "
        f"{result.wall_seconds:.1f} s in all"
    )
    if not result.found:
        if result.outcome is HackOutcome.INTERRUPTED:
            out.print(f"[yellow]interrupted[/]: no counterexample after {summary}", highlight=False)
        else:
            out.print(
                f"[bold]not found[/]: no counterexample within {request.budget.describe()} "
                f"({summary})",
                highlight=False,
            )
        return
    assert result.input is not None
    title = "[bold red]counterexample[/]" + (
        " (interrupted: best so far)" if result.outcome is HackOutcome.INTERRUPTED else ""
    )
    seed = f"seed {result.seed}" if result.seed is not None else "seed unknown"
    out.print(f"{title}: {result.reason}, {seed}, {summary}", highlight=False)
    original = result.original_input or result.input
    if len(original) != len(result.input):
        out.print(f"shrunk from {len(original)} to {len(result.input)} bytes", highlight=False)
    out.print(Text(_cut(result.input)), highlight=False)
    difference = result.difference
    table = Table(show_lines=False)
    table.add_column(f"solution ({request.solution.name})")
    table.add_column(f"brute ({request.brute.name})")
    table.add_row(
        _output(
            result.solution_run,
            difference.solution_line or (difference.brute_line if difference else None)
            if difference
            else None,
            difference.solution_column if difference else None,
        ),
        _output(
            result.brute_run,
            difference.brute_line if difference else None,
            difference.brute_column if difference else None,
        ),
    )
    out.print(Group(table), highlight=False)
    out.print(escape(result.message), highlight=False)


def _keep(result: HackResult, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    if result.input is not None:
        (directory / "input.txt").write_text(result.input, encoding="utf-8")
    if result.original_input is not None:
        (directory / "original.txt").write_text(result.original_input, encoding="utf-8")
    for name, run in (("solution", result.solution_run), ("brute", result.brute_run)):
        if run is not None:
            (directory / f"{name}.out").write_text(run.stdout, encoding="utf-8")
    data = result.model_dump(mode="json")
    (directory / "result.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
