"""refute: a benchmark for language-model agents that falsify code.

An agent gets a competitive-programming problem and an incorrect submission, and must
produce a valid input on which that submission is judged wrong. Everything a user of the
Python API needs is importable from here; the subpackages hold one concept each:
``sandbox`` (running code in Docker), ``problems`` (packages on disk), ``judge``
(verdicts), ``agents`` (the agent interface and built-ins), ``runner`` (benchmark runs),
``results`` and ``stats`` (runs read back, compared, with intervals), ``hack`` (a stress
search against your own brute force), ``eval`` (REFUTE prediction files), ``models``
(language-model clients), ``importers`` and ``refresh`` (making packages), ``bench``
(performance figures), ``cli``.

>>> from refute import load_problems
>>> task = load_problems().task("charged-pair/int-overflow")
>>> task.submission.bug
'integer overflow'

A benchmark run (needs the sandbox image, ``refute sandbox build --offline``)::

    import asyncio
    from pathlib import Path
    from refute import RunConfig, default_problems_dir, run_benchmark

    config = RunConfig(problems_dir=default_problems_dir(), agent="fuzz", attempts=2)
    summary = asyncio.run(run_benchmark(config, Path("runs/fuzz")))
    print(summary.success_rate, summary.pass_at_k)
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("refute")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# The version is bound before the subpackages load: some of them read it.
from .agents import (
    Agent,
    AgentEntry,
    Budget,
    BudgetExceeded,
    Candidate,
    ExampleView,
    ProgramSource,
    TaskView,
    Toolbox,
    ToolRecord,
    ToolUsage,
    Validity,
    available_agents,
    resolve_agent,
)
from .errors import (
    AgentError,
    EvalError,
    ImporterError,
    ModelError,
    ProblemError,
    ProgramError,
    RefreshError,
    RefuteError,
    RunError,
    SandboxError,
)
from .eval import (
    EvalConfig,
    Evaluator,
    Prediction,
    PredictionResult,
    load_predictions,
    resolve_tasks,
    write_results,
)
from .hack import HackError, HackRequest, HackResult, hack
from .judge import (
    Judge,
    JudgeConfig,
    JudgeResult,
    Mode,
    Reason,
    TaskCheck,
    Verdict,
    check_task,
)
from .models import Model, get_model
from .problems import (
    IncorrectSubmission,
    LoadError,
    Problem,
    ProblemSet,
    Task,
    default_problems_dir,
    load_problem,
    load_problems,
)
from .results import Run, compare, leaderboard, load_run, load_runs
from .runner import (
    AttemptLog,
    AttemptRecord,
    Outcome,
    RunConfig,
    Summary,
    load_run_config,
    run_benchmark,
    select_tasks,
)
from .sandbox import (
    Language,
    Limits,
    Program,
    RunResult,
    RunStatus,
    Sandbox,
    SandboxConfig,
)

__all__ = [
    "Agent",
    "AgentEntry",
    "AgentError",
    "AttemptLog",
    "AttemptRecord",
    "Budget",
    "BudgetExceeded",
    "Candidate",
    "EvalConfig",
    "EvalError",
    "Evaluator",
    "ExampleView",
    "HackError",
    "HackRequest",
    "HackResult",
    "ImporterError",
    "IncorrectSubmission",
    "Judge",
    "JudgeConfig",
    "JudgeResult",
    "Language",
    "Limits",
    "LoadError",
    "Mode",
    "Model",
    "ModelError",
    "Outcome",
    "Prediction",
    "PredictionResult",
    "Problem",
    "ProblemError",
    "ProblemSet",
    "Program",
    "ProgramError",
    "ProgramSource",
    "Reason",
    "RefreshError",
    "RefuteError",
    "Run",
    "RunConfig",
    "RunError",
    "RunResult",
    "RunStatus",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "Summary",
    "Task",
    "TaskCheck",
    "TaskView",
    "ToolRecord",
    "ToolUsage",
    "Toolbox",
    "Validity",
    "Verdict",
    "__version__",
    "available_agents",
    "check_task",
    "compare",
    "default_problems_dir",
    "get_model",
    "hack",
    "leaderboard",
    "load_predictions",
    "load_problem",
    "load_problems",
    "load_run",
    "load_run_config",
    "load_runs",
    "resolve_agent",
    "resolve_tasks",
    "run_benchmark",
    "select_tasks",
    "write_results",
]
