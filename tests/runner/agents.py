"""Agents for the runner's fault tests: deterministic, so two runs can be compared exactly."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

from refute.agents import Budget, Candidate, ProgramSource, TaskView, Toolbox
from refute.problems import default_problems_dir

AGENT_FILE = Path(__file__)


class SteadyAgent:
    """Submits, by the attempt's seed, either the first example or the submission's known
    failing input (read from the bundled problem set: a test agent may peek): the same
    answer for the same seed, however loaded the machine.

    Each attempt runs its own program in the untrusted pool and hands the input over as
    a generator, so both pools work in every attempt. ``pause`` seconds are slept first
    (a run lasts long enough to be disturbed); ``hold_file``, when given, is created at
    the start of ``run_program`` in the first ``hold_tries`` tries of an attempt, which
    then run a program that sleeps ``hold`` seconds (a container can be killed under it).
    With ``swallow`` it catches any exception of its tool and gives up, as a sloppy
    custom agent would.
    """

    name: ClassVar[str] = "steady"
    oracle: ClassVar[bool] = False
    needs_model: ClassVar[bool] = False
    budget: ClassVar[Budget] = Budget(program_runs=2, validity_checks=2, stress_seconds=0)

    def __init__(
        self,
        pause: float = 0.0,
        hold_file: str = "",
        hold: float = 0.0,
        hold_tries: int = 1,
        swallow: bool = False,
    ):
        self.pause = pause
        self.swallow = swallow
        self.hold_tries = hold_tries
        self.hold_file = Path(hold_file) if hold_file else None
        self.hold = hold
        self.tries: dict[str, int] = {}

    async def attempt(self, task: TaskView, tools: Toolbox) -> Candidate:
        key = f"{task.task_id}#{tools.seed}"
        self.tries[key] = self.tries.get(key, 0) + 1
        await asyncio.sleep(self.pause)
        text = self.choose(task, tools.seed)
        held = self.hold_file is not None and self.tries[key] <= self.hold_tries
        wait = self.hold if held else 0.0
        if wait:
            assert self.hold_file is not None
            self.hold_file.write_text(key)
        program = f"import sys, time\ntime.sleep({wait})\nsys.stdout.write({text!r})\n"
        try:
            run = await tools.run_program(ProgramSource(code=program))
        except Exception as error:
            if not self.swallow:
                raise
            return Candidate(failure=f"my tool failed ({error}); giving up")
        if not run.ok:
            return Candidate(failure=f"own program: {run.describe()}")
        return Candidate(generator=ProgramSource(code=program.replace(f"({wait})", "(0)")))

    @staticmethod
    def choose(task: TaskView, seed: int) -> str:
        problem, _, name = task.task_id.partition("/")
        failing = default_problems_dir() / problem / "incorrect" / f"{name}.fail.in"
        if seed % 2 or not failing.is_file():
            return task.examples[0].input
        return failing.read_text()
