"""The root ``refute`` command and the one place where faults become one clear line."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import RefuteError
from ._bench import bench_app
from ._eval import eval_command
from ._hack import hack_command
from ._problems import problems_app
from ._results import compare_command, leaderboard_command
from ._run import agents_app, run_command
from ._sandbox import sandbox_app

app = typer.Typer(
    name="refute",
    help="Benchmark language-model agents at falsifying code.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(sandbox_app, name="sandbox")
app.add_typer(bench_app, name="bench")
app.add_typer(problems_app, name="problems")
app.command("eval")(eval_command)
app.command("hack")(hack_command)
app.command("run")(run_command)
app.add_typer(agents_app, name="agents")
app.command("compare")(compare_command)
app.command("leaderboard")(leaderboard_command)

err = Console(stderr=True)


def main() -> None:
    try:
        app()
    except RefuteError as error:  # every fault refute raises: one line, exit code 2
        err.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
