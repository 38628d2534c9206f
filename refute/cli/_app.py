"""The root ``refute`` command and the one place where faults become one clear line."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.text import Text

from ..errors import RefuteError
from ..runner import InfrastructureError
from ._bench import bench_app
from ._eval import eval_command
from ._hack import hack_command
from ._problems import problems_app
from ._report import report_command
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
app.command("report")(report_command)

err = Console(stderr=True)

INFRASTRUCTURE_EXIT = 3
"""The exit code of a run stopped by the infrastructure (engine gone, model service
failing): nothing was wrong with the command; resume it once the fault is mended."""


def say_error(message: str) -> None:
    """``error: <message>`` on stderr, the message taken literally: no markup, emoji
    codes or highlighting (a path like ``x.py:Nope:`` or ``[a]`` stays as it is)."""
    line = Text.assemble(("error:", "bold red"), " ", message)
    err.print(line, highlight=False, soft_wrap=True, emoji=False, markup=False)


def main() -> None:
    try:
        app()
    except InfrastructureError as error:
        say_error(str(error))
        sys.exit(INFRASTRUCTURE_EXIT)
    except RefuteError as error:  # every fault refute raises: one line, exit code 2
        say_error(str(error))
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
