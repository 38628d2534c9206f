"""Checking that a task is sound: what ``refute problems check`` runs for each task."""

from __future__ import annotations

from pydantic import BaseModel

from ..problems import Example, Task
from ..sandbox import Program, SandboxError
from ._judge import Judge
from ._models import JudgeResult, Verdict, excerpt


class CheckItem(BaseModel):
    """One property of a task, checked: its name, whether it holds, and why not."""

    name: str
    ok: bool
    message: str = ""


class TaskCheck(BaseModel):
    """Whether a task is usable: every ``CheckItem`` holds.

    Args:
        task_id: the task checked.
        ok: every check passed.
        reasons: one line per failed check.
        checks: every check made, in order.
        judged: the judge's result on the task's known failing input (``None`` when the
            checks stopped before it).
    """

    task_id: str
    ok: bool
    reasons: list[str]
    checks: list[CheckItem]
    judged: JudgeResult | None = None


async def check_task(judge: Judge, task: Task) -> TaskCheck:
    """Check that ``task`` is sound.

    - the validator accepts every example and the known failing input, and rejects
      every input in the package's ``invalid/`` folder;
    - the reference solution passes every example;
    - the incorrect submission passes every example (else it is trivially refutable);
    - the known failing input refutes the incorrect submission.

    >>> report = await check_task(Judge(sandbox.judge), task)   # doctest: +SKIP
    >>> report.ok, report.reasons                                # doctest: +SKIP
    (True, [])
    """
    problem, submission = task.problem, task.submission
    checks: list[CheckItem] = []
    judged: JudgeResult | None = None

    def add(name: str, ok: bool, message: str = "") -> None:
        checks.append(CheckItem(name=name, ok=ok, message=message))

    async def passes(program_name: str, program: Program, example: Example) -> None:
        check_name = f"{program_name} passes example {example.name}"
        run = await judge.run(problem, program, example.input)
        if not run.ok:
            add(
                check_name,
                False,
                f"{program_name} {run.describe()}"
                + (f": {excerpt(run.stderr, 200)}" if run.stderr else ""),
            )
            return
        result, _ = await judge.check(problem, example.input, run.stdout, example.answer)
        add(
            check_name,
            result.accepted and not result.failed,
            "" if result.accepted else result.message,
        )

    try:
        for example in problem.examples:
            validation = await judge.validate(problem, example.input)
            add(f"validator accepts example {example.name}", validation.valid, validation.message)
            await passes("reference", problem.reference, example)
            await passes("incorrect submission", submission.program, example)
            if not checks[-1].ok:
                checks[-1].message = "trivially refutable: " + checks[-1].message
        validation = await judge.validate(problem, submission.fail_input)
        add("validator accepts the failing input", validation.valid, validation.message)
        for bad in problem.invalid_inputs:
            validation = await judge.validate(problem, bad.input)
            add(
                f"validator rejects invalid/{bad.name}.in",
                not validation.valid,
                "" if not validation.valid else "accepted it",
            )
        judged = await judge.judge(task, submission.fail_input)
        add(
            "the failing input refutes the incorrect submission",
            judged.verdict is Verdict.REFUTED,
            "" if judged.refuted else f"{judged.verdict}: {judged.message}",
        )
    except SandboxError as error:
        add("the sandbox stays up", False, f"sandbox failure: {error}")

    reasons = [
        f"{item.name}: no: {item.message}" if item.message else f"{item.name}: no"
        for item in checks
        if not item.ok
    ]
    return TaskCheck(task_id=task.id, ok=not reasons, reasons=reasons, checks=checks, judged=judged)
