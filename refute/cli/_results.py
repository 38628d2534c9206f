"""``refute compare`` and ``refute leaderboard``: runs read back, paired and ranked."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..results import (
    Comparison,
    Gap,
    GapGroup,
    Leaderboard,
    ResultsError,
    compare,
    dump,
    gap,
    leaderboard,
    load_runs,
)
from ..stats import RESAMPLES

RUNS = typer.Argument(
    ...,
    metavar="RUN...",
    help="Run directories made by refute run (a --repeats directory stands for its runs).",
)
out = Console()


def _similarity(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _pairs_table(result: Comparison) -> Table:
    table = Table(
        title="paired on common tasks",
        caption="difference: first - second, paired bootstrap 95% interval; McNemar: exact, "
        "on tasks refuted by one run only; similarity: chance-adjusted error similarity",
    )
    table.add_column("first")
    table.add_column("second")
    for column in ("common tasks", "first success", "second success", "difference"):
        table.add_column(column, justify="right")
    table.add_column("McNemar p (only first / only second)", justify="right")
    table.add_column("similarity", justify="right")
    for pair in result.pairs:
        similarity = pair.similarity
        table.add_row(
            escape(pair.first),
            escape(pair.second),
            str(pair.common_tasks),
            pair.first_success.describe(),
            pair.second_success.describe(),
            f"{pair.difference.value:+.1%} [{pair.difference.low:+.1%}, "
            f"{pair.difference.high:+.1%}]",
            f"{pair.mcnemar.p_value:.3g} ({pair.mcnemar.only_first} / {pair.mcnemar.only_second})",
            "-"
            if similarity is None
            else f"{similarity.value:.2f} [{similarity.low:.2f}, {similarity.high:.2f}]",
        )
    return table


def _discordant_table(result: Comparison) -> Table | None:
    table = Table(title="tasks refuted by one run and not the other")
    table.add_column("task")
    table.add_column("refuted by")
    table.add_column("not by")
    for pair in result.pairs:
        for task in pair.only_first:
            table.add_row(escape(task), escape(pair.first), escape(pair.second))
        for task in pair.only_second:
            table.add_row(escape(task), escape(pair.second), escape(pair.first))
    return table if table.row_count else None


def _matrix_table(result: Comparison) -> Table:
    table = Table(title="error similarity (1: same mistakes, 0: as chance predicts)")
    table.add_column("")
    for name in result.runs:
        table.add_column(escape(name), justify="right")
    for name in result.runs:
        row = result.similarity[name]
        table.add_row(escape(name), *(_similarity(row[other]) for other in result.runs))
    return table


def _gap_tables(result: Gap) -> list[Table]:
    table = Table(title="solved (solve run) against refuted (refute run), tasks")
    table.add_column("")
    table.add_column("refuted", justify="right")
    table.add_column("not refuted", justify="right")
    four = result.table
    table.add_row("solved", str(four.solved_refuted), str(four.solved_not_refuted))
    table.add_row("not solved", str(four.refuted_not_solved), str(four.neither))
    groups = Table(
        title="the gap: solved - refuted",
        caption="rates: Wilson 95% interval; gap: Newcombe's paired 95% interval "
        "(overall also a paired bootstrap); McNemar: exact, on tasks solved only or "
        "refuted only",
    )
    for column in ("tasks", "group", "n", "solved", "refuted", "gap"):
        groups.add_column(column, justify="right" if column == "n" else "left")
    groups.add_row("all", "", *_gap_row(result.common_tasks, result))
    for kind, rows in (("rating", result.by_rating), ("tag", result.by_tag)):
        for name, group in rows.items():
            groups.add_row(kind, escape(name), *_gap_row(group.table.tasks, group))
    return [table, groups]


def _gap_row(tasks: int, group: Gap | GapGroup) -> tuple[str, str, str, str]:
    change = group.gap
    return (
        str(tasks),
        group.solve_rate.describe(),
        group.refute_rate.describe(),
        f"{change.value:+.1%} [{change.low:+.1%}, {change.high:+.1%}]",
    )


def _print_gap(result: Gap) -> None:
    out.print(
        f"{result.common_tasks} task(s) judged by both: {escape(result.solve_run)} "
        f"({escape(result.solve_agent)}, {escape(result.solve_model or '-')}) against "
        f"{escape(result.refute_run)} ({escape(result.refute_agent)}, "
        f"{escape(result.refute_model or '-')})"
    )
    for table in _gap_tables(result):
        out.print(table)
    boot = result.gap_bootstrap
    out.print(
        f"gap {result.gap.value:+.1%}; paired bootstrap [{boot.low:+.1%}, {boot.high:+.1%}]; "
        f"McNemar p {result.mcnemar.p_value:.3g} "
        f"({result.mcnemar.only_first} solved only / {result.mcnemar.only_second} refuted only)"
    )
    if result.solved_not_refuted:
        shown = ", ".join(result.solved_not_refuted[:10])
        more = len(result.solved_not_refuted) - 10
        out.print(
            f"solved but not refuted: {escape(shown)}" + (f" and {more} more" if more > 0 else "")
        )
    for note in result.notes:
        out.print(f"note: {escape(note)}")


def compare_command(
    runs: list[Path] = RUNS,
    gap_of: bool = typer.Option(
        False,
        "--gap",
        help="The falsification gap: give SOLVE_RUN REFUTE_RUN (a run of --agent solve, "
        "then a refute run); per task solved or not, refuted or not.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Compare runs judged in different modes or on other packages."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap intervals."),
    resamples: int = typer.Option(RESAMPLES, "--resamples", min=100, help="Bootstrap resamples."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Compare runs pairwise on their common tasks: paired difference, McNemar, similarity.

    With --gap SOLVE_RUN REFUTE_RUN: the falsification gap between solving and refuting.
    """
    if gap_of:
        if len(runs) != 2:
            raise ResultsError(f"compare --gap: give two run directories, not {len(runs)}")
        solve_run, refute_run = load_runs(runs)
        joined = gap(solve_run, refute_run, force=force, seed=seed, resamples=resamples)
        if json_output:
            print(dump(joined))
        else:
            _print_gap(joined)
        return
    if len(runs) < 2:
        raise ResultsError("compare: give at least two run directories")
    result = compare(load_runs(runs), force=force, seed=seed, resamples=resamples)
    if json_output:
        print(dump(result))
        return
    judged = ", ".join(f"{escape(name)}: {count}" for name, count in result.tasks.items())
    common = result.common_tasks
    out.print(f"{common} task{'' if common == 1 else 's'} judged by every run ({judged})")
    out.print(_pairs_table(result))
    discordant = _discordant_table(result)
    if discordant is not None:
        out.print(discordant)
    if len(result.runs) > 2:
        out.print(_matrix_table(result))
    for note in result.notes:
        out.print(f"note: {escape(note)}")


def _leaderboard_table(board: Leaderboard) -> Table:
    table = Table(
        title="leaderboard",
        caption="success: Wilson 95% interval; pass@k: bootstrap over tasks, 95%",
    )
    for column in ("#", "run", "agent", "model", "mode", "attempts", "tasks", "success"):
        table.add_column(
            column, justify="right" if column in ("#", "attempts", "tasks") else "left"
        )
    ks = board.pass_at_k_columns()
    for k in ks:
        table.add_column(f"pass@{k}", justify="right")
    for column in ("tokens", "cost", "cost / success"):
        table.add_column(column, justify="right")
    for place, row in enumerate(board.rows, 1):
        per = row.cost_per_refuted
        table.add_row(
            str(place),
            escape(row.run),
            escape(row.label()),
            escape(row.model or "-"),
            row.mode,
            str(row.attempts),
            str(row.tasks),
            row.success.describe(),
            *(row.pass_at(k) for k in ks),
            str(row.input_tokens + row.output_tokens),
            f"${row.cost_usd:.4f}",
            "-" if per is None else f"${per:.4f}",
        )
    return table


def leaderboard_command(
    runs: list[Path] = RUNS,
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One row per run, best success rate first, with intervals, tokens and cost."""
    if markdown and json_output:
        raise ResultsError("leaderboard: --markdown and --json exclude each other")
    board = leaderboard(load_runs(runs))
    if json_output:
        print(dump(board))
    elif markdown:
        print(board.to_markdown(), end="")
    else:
        out.print(_leaderboard_table(board))
        for note in board.notes:
            out.print(f"note: {escape(note)}")
