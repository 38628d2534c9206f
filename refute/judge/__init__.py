"""The judge: does a candidate input refute a task's incorrect submission? And, for the
solve side of the falsification gap (``SolutionJudge``), is a program a correct solution?

It knows problems and the sandbox's pools (the judge pool; the untrusted pool only for
solutions, which are model-written), and nothing of agents or predictions.

Example::

    from refute.judge import Judge, JudgeConfig, Mode
    from refute.problems import load_problems
    from refute.sandbox import Sandbox

    async with Sandbox() as sandbox:
        judge = Judge(sandbox.judge, JudgeConfig(mode=Mode.STRICT, runs=5))
        task = load_problems().task("charged-pair/int-overflow")
        result = await judge.judge(task, "3\\n-1 100000 100000\\n")
        print(result.verdict, result.reason, result.message)
        # REFUTED WRONG_ANSWER run 1: wrong answer: token 1: expected ...
"""

from ._check import CheckItem, TaskCheck, check_task
from ._checker import CHECKER_FILES, compare_tokens, interpret_checker
from ._judge import Judge, Validation
from ._models import (
    REFUTE_MEMORY_MB,
    REFUTE_TIME_MS,
    STRICT_TIME_FACTOR,
    CheckResult,
    JudgeConfig,
    JudgeResult,
    Mode,
    Reason,
    RunRecord,
    Stage,
    Timings,
    Verdict,
)
from ._solution import SolutionJudge, SolutionResult, SolutionTest, SolutionVerdict, solution_tests

__all__ = [
    "CHECKER_FILES",
    "REFUTE_MEMORY_MB",
    "REFUTE_TIME_MS",
    "STRICT_TIME_FACTOR",
    "CheckItem",
    "CheckResult",
    "Judge",
    "JudgeConfig",
    "JudgeResult",
    "Mode",
    "Reason",
    "RunRecord",
    "SolutionJudge",
    "SolutionResult",
    "SolutionTest",
    "SolutionVerdict",
    "Stage",
    "TaskCheck",
    "Timings",
    "Validation",
    "Verdict",
    "check_task",
    "compare_tokens",
    "interpret_checker",
    "solution_tests",
]
