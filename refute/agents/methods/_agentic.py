"""REFUTE's agentic method: a tool-calling loop that runs code and submits when sure."""

from __future__ import annotations

from typing import Any, ClassVar

from ...errors import RefuteError
from ...models import Completion, Message, ToolCall
from ...sandbox import Language, RunResult, RunStatus, printable_text
from .._metered import MeteredModel
from .._toolbox import Toolbox
from .._types import Budget, Candidate, ProgramSource, TaskView
from ._common import ModelMethod, ask, cut_short, finish
from ._parse import Unparseable, parse_program
from ._prompts import AGENTIC_TOOLS, OUTPUT_CHARS, SYSTEM, agentic

MODEL_RUNS = 10
"""``run_program`` calls the model may make (REFUTE: 10 code executions)."""

SUBMISSIONS = 6
"""Submissions checked by the validator: the first, then up to five resubmissions after
an invalid one, each told the validator's message (REFUTE's protocol)."""

AGENTIC_BUDGET = Budget(
    program_runs=MODEL_RUNS + SUBMISSIONS,
    program_cpu_ms=30_000,
    incorrect_runs=10,
    validity_checks=SUBMISSIONS,
    stress_seconds=0,
)
"""The model's 10 runs plus one run per submitted program; 10 runs of the incorrect
submission, on a budget of their own; 5 validity checks, one per submission."""


class Agentic(ModelMethod):
    """A tool-calling loop: run code, run the incorrect code, submit with validity feedback.

    REFUTE's agent, on the provider's native tool calling. Tools: ``run_program(code,
    lang, stdin)`` (untrusted pool, up to 10 runs of 30 s CPU), ``run_incorrect(stdin)``
    (the submission under the judge's limits, up to 10 runs, a budget of its own),
    ``submit(code, lang)`` (a program printing the input, run once in the untrusted pool)
    and ``submit_input(input)``. The model sees status, exit code and output (stdout and
    stderr, each cut to 2000 characters), never timings, so that a replay from the
    response cache sees the same conversation. Every submission is checked by the
    validator: a valid one ends the attempt and is judged; an invalid one sends the
    validator's message back, up to 5 submissions in all. After the fifth invalid one,
    or when ``max_turns`` model calls have found nothing valid, the last submitted input
    is judged (it is then ``INVALID_INPUT``, like an invalid one-shot answer). An answer
    without a tool call ends the loop: its text is parsed like a zero-shot answer.

    Records ``turns``, ``program_runs``, ``incorrect_runs`` and ``submissions``.

    Args:
        max_turns: model calls per attempt (default 30).

    Example::

        refute run --agent agentic --model deepseek/deepseek-reasoner --agent-option max_turns=20
    """

    name: ClassVar[str] = "agentic"
    budget: ClassVar[Budget] = AGENTIC_BUDGET

    def __init__(self, max_turns: int = 30) -> None:
        if max_turns < 1:
            raise RefuteError(f"--agent-option max_turns={max_turns}: must be at least 1")
        self.max_turns = max_turns

    async def attempt_with(self, model: MeteredModel, task: TaskView, tools: Toolbox) -> Candidate:
        session = _Session(tools)
        conversation = [
            Message.system(SYSTEM),
            Message.user(
                agentic(
                    task,
                    program_runs=MODEL_RUNS,
                    incorrect_runs=self.budget.incorrect_runs,
                    submissions=SUBMISSIONS,
                )
            ),
        ]
        for _ in range(self.max_turns):
            completion = await ask(model, conversation, AGENTIC_TOOLS)
            session.turns += 1
            if isinstance(completion, str):
                return session.end(failure=completion)
            conversation.append(completion.message())
            if not completion.tool_calls:
                return session.final_answer(completion)
            for call in completion.tool_calls:
                reply = await session.handle(call)
                if isinstance(reply, Candidate):
                    return reply
                conversation.append(Message.tool(call.id, reply))
        return session.end(failure=f"no valid submission in {self.max_turns} turns")


class _Session:
    """The counters and the last submission of one agentic attempt."""

    def __init__(self, tools: Toolbox) -> None:
        self.tools = tools
        self.turns = 0
        self.program_runs = 0
        self.incorrect_runs = 0
        self.submissions = 0
        self.last_input: str | None = None

    def metrics(self) -> dict[str, float]:
        return {
            "turns": float(self.turns),
            "program_runs": float(self.program_runs),
            "incorrect_runs": float(self.incorrect_runs),
            "submissions": float(self.submissions),
        }

    def end(self, *, failure: str) -> Candidate:
        """The end without a valid submission: the last invalid input if any, for the judge."""
        if self.last_input is not None:
            return finish(input=self.last_input, note=failure, metrics=self.metrics())
        return finish(failure=failure, metrics=self.metrics())

    def final_answer(self, completion: Completion) -> Candidate:
        program = parse_program(completion.text, "print_fail_case")
        if isinstance(program, Unparseable):
            why = f"unparseable answer: {program.reason}{cut_short(completion)}"
            return self.end(failure=why)
        return finish(generator=program, note="a final answer in text", metrics=self.metrics())

    async def handle(self, call: ToolCall) -> str | Candidate:
        """The tool's result for the model, or the candidate that ends the attempt."""
        if call.invalid_arguments is not None:
            return f"error: the arguments are not a JSON object: {call.invalid_arguments[:200]}"
        arguments = call.arguments
        if call.name == "run_program":
            return await self._run_program(arguments)
        if call.name == "run_incorrect":
            return await self._run_incorrect(arguments)
        if call.name == "submit":
            return await self._submit_program(arguments)
        if call.name == "submit_input":
            text = _text(arguments, "input")
            if text is None:
                return "error: submit_input needs 'input', a string"
            return await self._submit(text)
        names = ", ".join(spec.name for spec in AGENTIC_TOOLS)
        return f"error: there is no tool {call.name!r}; the tools are {names}"

    async def _run_program(self, arguments: dict[str, Any]) -> str:
        program = _program(arguments)
        if isinstance(program, str):
            return program
        if self.program_runs >= MODEL_RUNS:
            return f"error: all {MODEL_RUNS} program runs are used"
        stdin = arguments.get("stdin", "")
        if not isinstance(stdin, str):
            return "error: 'stdin' must be a string"
        self.program_runs += 1
        result = await self.tools.run_program(program, stdin)
        return _describe(result) + f"\n(program runs left: {MODEL_RUNS - self.program_runs})"

    async def _run_incorrect(self, arguments: dict[str, Any]) -> str:
        stdin = _text(arguments, "stdin")
        if stdin is None:
            return "error: run_incorrect needs 'stdin', a string"
        allowed = self.tools.budget.incorrect_runs
        if self.incorrect_runs >= allowed:
            return f"error: all {allowed} runs of the submission are used"
        self.incorrect_runs += 1
        result = await self.tools.run_incorrect(stdin)
        return (
            _describe(result) + f"\n(runs of the submission left: {allowed - self.incorrect_runs})"
        )

    async def _submit_program(self, arguments: dict[str, Any]) -> str | Candidate:
        program = _program(arguments)
        if isinstance(program, str):
            return program
        self.submissions += 1
        result = await self.tools.run_program(program)
        if not result.ok:
            return self._rejected(f"your program did not print an input: {_describe(result)}")
        return await self._checked(result.stdout)

    async def _submit(self, text: str) -> str | Candidate:
        self.submissions += 1
        return await self._checked(text)

    async def _checked(self, text: str) -> str | Candidate:
        self.last_input = text
        validity = await self.tools.validate(text)
        if validity.valid:
            return finish(input=text, metrics=self.metrics())
        return self._rejected(f"the input is not valid: {validity.message.strip()}")

    def _rejected(self, why: str) -> str | Candidate:
        left = SUBMISSIONS - self.submissions
        if left <= 0:
            return self.end(failure=f"no valid submission in {SUBMISSIONS}: {why}")
        return f"{why}\n(submissions left: {left})"


def _text(arguments: dict[str, Any], key: str) -> str | None:
    value = arguments.get(key)
    return value if isinstance(value, str) else None


def _program(arguments: dict[str, Any]) -> ProgramSource | str:
    """The program in a tool call's arguments, or the error to tell the model."""
    code, lang = _text(arguments, "code"), arguments.get("lang", "Python 3")
    if code is None or not code.strip():
        return "error: 'code' must be a non-empty string"
    if not isinstance(lang, str):
        return "error: 'lang' must be a string, 'Python 3' or 'C++17'"
    try:
        language = Language.parse(lang)
    except ValueError as error:
        return f"error: {error}"
    return ProgramSource(code=code, language=str(language))


def _clip(text: str) -> str:
    text = printable_text(text)  # program bytes that are not UTF-8, as \xNN for the model
    if len(text) <= OUTPUT_CHARS:
        return text
    return text[:OUTPUT_CHARS] + f"\n[... {len(text) - OUTPUT_CHARS} more characters not shown]"


def _describe(result: RunResult) -> str:
    """A run as the model sees it: how it ended and its output, without timings."""
    status = str(result.status)
    if result.status is RunStatus.RUNTIME_ERROR:
        how = f"signal {result.signal}" if result.signal else f"exit code {result.exit_code}"
        status += f" ({how})"
    parts = [f"status: {status}"]
    stdout = _clip(result.stdout) + (" [output limit reached]" if result.stdout_truncated else "")
    parts.append(f"stdout:\n{stdout}" if result.stdout else "stdout: (empty)")
    if result.stderr.strip():
        parts.append(f"stderr:\n{_clip(result.stderr)}")
    return "\n".join(parts)
