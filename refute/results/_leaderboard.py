"""``leaderboard``: one row per run, best first."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from ..stats import Estimate
from ._errors import ResultsError
from ._run import Run


class LeaderboardRow(BaseModel):
    """One run's headline figures.

    Args:
        run: the run's name (its directory).
        agent: the agent (the method: ``zero-shot``, ``fuzz``, ``module:Class`` ...).
        agent_options: the agent's options, ``name=value`` comma-separated (``""`` if none).
        model: ``provider/model``, or ``None`` for a model-free agent.
        oracle: the agent saw the correct solution.
        mode: the judging mode (``strict`` or ``refute``).
        attempts: attempts per task.
        tasks: tasks in the run.
        refuted: tasks refuted (in a solve run, tasks solved: an accepted solution).
        success: the success rate with its Wilson interval.
        pass_at_k: pass@k with bootstrap intervals, at the reported k.
        input_tokens: model tokens read.
        output_tokens: model tokens written.
        cost_usd: money spent.
        cost_per_refuted: ``cost_usd / refuted`` (``None`` with nothing refuted).
    """

    run: str
    agent: str
    agent_options: str
    model: str | None
    oracle: bool
    mode: str
    attempts: int
    tasks: int
    refuted: int
    success: Estimate
    pass_at_k: dict[str, Estimate]
    input_tokens: int
    output_tokens: int
    cost_usd: float
    cost_per_refuted: float | None

    def pass_at(self, k: str) -> str:
        """pass@k with its interval, ``-`` where the run has fewer than k attempts."""
        estimate = self.pass_at_k.get(k)
        return "-" if estimate is None else estimate.describe(percent=False)

    def label(self) -> str:
        """The agent with its options and oracle flag: ``fuzz (seconds=2)``."""
        extras = [self.agent_options] if self.agent_options else []
        extras += ["oracle"] if self.oracle else []
        return self.agent + (f" ({', '.join(extras)})" if extras else "")


class Leaderboard(BaseModel):
    """Rows sorted by success rate, then by the interval's lower end, then by cost.

    Args:
        rows: one per run.
        notes: what a reader should know (rows over different task sets or modes).
    """

    rows: list[LeaderboardRow]
    notes: list[str]

    def pass_at_k_columns(self) -> list[str]:
        """Every k some row reports pass@k at, in increasing order."""
        return sorted({k for row in self.rows for k in row.pass_at_k}, key=int)

    def to_markdown(self) -> str:
        """The leaderboard as a Markdown table (intervals in brackets), notes below."""
        ks = self.pass_at_k_columns()
        lines = [
            "| # | run | agent | model | mode | attempts | tasks | success (95% CI) | "
            + "".join(f"pass@{k} | " for k in ks)
            + "tokens | cost | cost / success |",
            "|---" * (11 + len(ks)) + "|",
        ]
        for place, row in enumerate(self.rows, 1):
            cells = [
                str(place),
                f"`{row.run}`",
                row.label(),
                row.model or "-",
                row.mode,
                str(row.attempts),
                str(row.tasks),
                row.success.describe(),
                *(
                    row.pass_at_k[k].describe(percent=False) if k in row.pass_at_k else "-"
                    for k in ks
                ),
                str(row.input_tokens + row.output_tokens),
                f"${row.cost_usd:.4f}",
                "-" if row.cost_per_refuted is None else f"${row.cost_per_refuted:.4f}",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines += [f"\n{note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def _row(run: Run) -> LeaderboardRow:
    config, summary = run.config, run.summary
    return LeaderboardRow(
        run=run.name,
        agent=config.agent,
        agent_options=",".join(f"{k}={v}" for k, v in sorted(config.agent_options.items())),
        model=config.model,
        oracle=run.file.provenance.oracle,
        mode=config.judge.mode.value,
        attempts=config.attempts,
        tasks=summary.tasks,
        refuted=summary.refuted,
        success=summary.success_rate,
        pass_at_k=summary.pass_at_k,
        input_tokens=summary.input_tokens,
        output_tokens=summary.output_tokens,
        cost_usd=summary.cost_usd,
        cost_per_refuted=round(summary.cost_usd / summary.refuted, 6) if summary.refuted else None,
    )


def leaderboard(runs: Sequence[Run]) -> Leaderboard:
    """One row per run, best first.

    Example::

        board = leaderboard([load_run(p) for p in Path("runs").iterdir()])
        print(board.to_markdown())
    """
    if not runs:
        raise ResultsError("leaderboard: give at least one run directory")
    rows = sorted(
        (_row(run) for run in runs),
        key=lambda row: (-row.success.value, -row.success.low, row.cost_usd, row.run),
    )
    notes = []
    if len({tuple(run.file.provenance.tasks) for run in runs}) > 1:
        notes.append(
            "The runs are over different task sets: their rates are not paired; "
            "`refute compare` compares them on their common tasks."
        )
    if len({run.config.judge.mode for run in runs}) > 1:
        notes.append("The runs are judged in different modes.")
    for run in runs:
        if run.summary.pending:
            notes.append(
                f"{run.name}: {run.summary.pending} attempt(s) not yet run, counted as not "
                "refuted (an interrupted run: `refute run --resume` finishes it)."
            )
    return Leaderboard(rows=rows, notes=notes)
