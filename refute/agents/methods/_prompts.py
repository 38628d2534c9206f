"""The prompts of the model methods: benchmark data, versioned like the problems.

Change a word here and the numbers of a run are no longer comparable with runs before
it: bump :data:`PROMPT_VERSION` with any change to the text a model is shown (the
worked examples of ``few-shot`` included). Every attempt records the version.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...models import Message, ToolSpec
from ...sandbox import Language, LanguageFamily
from .._types import TaskView

PROMPT_VERSION = 1
"""The version of every prompt, worked example and tool description in this package."""

GENERATOR_SECONDS = 30
"""CPU seconds a program printing the failing input may take (REFUTE: 30 s per run)."""

OUTPUT_CHARS = 2000
"""Characters of a program's stdout (and of its stderr) the agentic model is shown."""

SYSTEM = (
    "You are an expert competitive programmer and a meticulous tester. You find the "
    "tests that break other people's solutions: given a problem and a submission that "
    "is known to be wrong, you produce a valid input on which it fails."
)

_WRONG = (
    "The submission above passes the example tests, but it is not correct: on some "
    "valid input it prints a wrong answer, crashes, or exceeds the time limit or the "
    "memory limit. Your task is to find such an input."
)

_VALID = (
    "The input must be a valid test of this problem. It must satisfy every constraint "
    "of the Input section: every bound on sizes and values, and every guarantee (for "
    "example that values are distinct, that a graph is connected, or that an answer "
    "exists). It must also follow the format exactly: single spaces between the numbers "
    "of a line, every line ending with a newline, nothing after the last line. An input "
    "that breaks a single constraint does not count, however the submission behaves on it."
)

_LANGUAGES = "Write it in Python 3 (<lang>Python 3</lang>) or C++17 (<lang>C++17</lang>)."


def _seconds(ms: int) -> str:
    value = ms / 1000
    return f"{value:g} second" + ("" if value == 1 else "s")


def _fence(code: str, tag: str = "") -> str:
    """``code`` in a Markdown fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in code.split("\n") if set(run) == {"`"}), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{tag}\n{code.rstrip(chr(10))}\n{ticks}"


def _pretty(language: str | None) -> str:
    """``C++17`` for ``C++ (c++17)``: the short name of a normalised language."""
    try:
        parsed = Language.parse(language or "")
    except ValueError:
        return language or "unknown language"
    if parsed.family is LanguageFamily.CPP:
        return f"C++{(parsed.std or 'c++17')[3:]}"
    return str(parsed)


def _tag(language: str | None) -> str:
    try:
        family = Language.parse(language or "").family
    except ValueError:
        return ""
    return {LanguageFamily.CPP: "cpp", LanguageFamily.C: "c"}.get(family, "python")


def limits(task: TaskView) -> str:
    """``Time limit: 1 second per test. Memory limit: 256 MB.``"""
    return (
        f"Time limit: {_seconds(task.time_limit_ms)} per test. "
        f"Memory limit: {task.memory_limit_mb} MB."
    )


def problem_parts(task: TaskView) -> list[str]:
    """The problem as a contestant reads it (title, limits, statement, formats, examples,
    note), in the blocks ``describe`` joins: no code of any kind."""
    parts = [
        f"# Problem: {task.name}",
        limits(task),
        "## Statement",
        task.statement.strip(),
        "## Input",
        task.input_format.strip(),
        "## Output",
        task.output_format.strip(),
        "## Examples",
    ]
    for number, example in enumerate(task.examples, 1):
        parts += [
            f"Example {number}, input:",
            _fence(example.input),
            f"Example {number}, output:",
            _fence(example.output),
        ]
    if task.notes.strip():
        parts += ["## Note", task.notes.strip()]
    return parts


def describe(task: TaskView) -> str:
    """The problem as a contestant reads it, then the incorrect submission, then (for
    oracle methods) the reference solution."""
    parts = problem_parts(task)
    parts += [
        f"# The incorrect submission ({task.incorrect_language})",
        _fence(task.incorrect_code, _tag(task.incorrect_language)),
    ]
    if task.reference_code is not None:
        parts += [
            f"# A correct solution ({_pretty(task.reference_language)})",
            "This solution is known to be correct. Compare the submission with it to see "
            "where they part ways.",
            _fence(task.reference_code, _tag(task.reference_language)),
        ]
    return "\n\n".join(parts)


def _action(name: str, code: str = "...", lang: str = "Python 3") -> str:
    return f"<action><name>{name}</name><code>\n{code}\n</code><lang>{lang}</lang></action>"


def _answer_format(names: Sequence[str]) -> str:
    actions = "\n".join(_action(name, f"(the source of {name})") for name in names)
    return (
        "Think it through first. Then end your answer with "
        + ("this action" if len(names) == 1 else "these actions, in this order")
        + ", in exactly this format:\n\n"
        + actions
        + "\n\nPut the raw source code inside <code>: no Markdown fence, no escaping. "
        + _LANGUAGES
    )


def one_shot(task: TaskView) -> str:
    """The request of ``zero-shot``, ``few-shot`` and ``with-correct``: a program that
    prints the failing input."""
    return "\n\n".join(
        [
            describe(task),
            "# Your task",
            _WRONG,
            _VALID,
            f"The submission is judged under the limits above: {_seconds(task.time_limit_ms)} "
            f"per test and {task.memory_limit_mb} MB of memory. Answer with a program "
            "that prints the failing input to standard output. It must print exactly "
            "one test input and nothing else, read nothing from standard input, "
            f"and finish within {GENERATOR_SECONDS} seconds. Printing the input from a "
            "program lets you build large tests easily.",
            _answer_format(["print_fail_case"]),
        ]
    )


def worked_answer(reasoning: str, code: str, lang: str) -> str:
    """A worked example's answer: its reasoning, then the action."""
    return f"{reasoning.strip()}\n\n{_action('print_fail_case', code.rstrip(), lang)}"


def one_shot_messages(task: TaskView, worked: Sequence[tuple[TaskView, str]] = ()) -> list[Message]:
    """The conversation of a one-shot method: system, the worked examples as earlier
    turns (``few-shot``), then the task."""
    messages = [Message.system(SYSTEM)]
    for example, answer in worked:
        messages += [Message.user(one_shot(example)), Message.assistant(answer)]
    messages.append(Message.user(one_shot(task)))
    return messages


def random_search(task: TaskView, *, stress_seconds: float) -> list[Message]:
    """The request of ``randsearch`` (generator and brute force) or, when the task shows
    the reference solution, ``randsearch-oracle`` (generator only)."""
    oracle = task.reference_code is not None
    time_limit = _seconds(task.time_limit_ms)
    generator = (
        "generate_tc: a random test generator. It gets a seed as its first command-line "
        "argument (sys.argv[1] in Python, argv[1] in C++) and must print exactly one "
        "valid test input, and nothing else, chosen at random from that seed: the same "
        "seed must give the same test. It runs thousands of times, each run within the "
        f"time limit ({time_limit}). Choose the kind of tests that are likely to expose "
        "the submission's mistake, and vary them."
    )
    if oracle:
        programs = [generator]
        how = (
            "Each generated test that satisfies the constraints is given to the submission "
            "and to the correct solution above; the first test on which their outputs "
            "differ is taken as the failing input."
        )
        names = ["generate_tc"]
    else:
        generator += " Keep the tests small enough for the brute force below to solve."
        programs = [
            generator,
            "solve_brute: a brute-force solution of the problem. Make it as simple as "
            "possible, so that it is certainly correct; it may be slow on large tests, "
            f"but it must solve your generator's tests within the time limit ({time_limit}). "
            "It reads the test from standard input and prints the answer in the format "
            "of the Output section.",
        ]
        how = (
            "Each generated test is given to the submission and to your brute force; the "
            "first test on which their outputs differ is taken as the failing input."
        )
        names = ["generate_tc", "solve_brute"]
    listed = "\n\n".join(f"{number}. {text}" for number, text in enumerate(programs, 1))
    text = "\n\n".join(
        [
            describe(task),
            "# Your task",
            _WRONG,
            "You will search for it at random. Write "
            + ("one program" if oracle else "two programs")
            + ":",
            listed,
            f"{how} The search runs for up to {stress_seconds:g} seconds.",
            _VALID,
            _answer_format(names),
        ]
    )
    return [Message.system(SYSTEM), Message.user(text)]


def agentic(task: TaskView, *, program_runs: int, incorrect_runs: int, submissions: int) -> str:
    """The first user turn of ``agentic``: the task and the tools' rules."""
    return "\n\n".join(
        [
            describe(task),
            "# Your task",
            _WRONG,
            _VALID,
            "You have tools. run_program runs a program of yours on an input you give "
            f"(up to {program_runs} runs, {GENERATOR_SECONDS} seconds each); use it to try "
            "ideas, to compute correct answers with a brute force, or to build large "
            "inputs. run_incorrect runs the submission on an input under the limits above "
            f"(up to {incorrect_runs} runs). You see at most {OUTPUT_CHARS} characters of "
            "a program's output.",
            "When you have the failing input, submit it: with submit, as a program that "
            "prints it (Python 3 or C++17, within "
            f"{GENERATOR_SECONDS} seconds), or with submit_input, as the input itself. A "
            "submission is checked against the constraints. A valid one ends the session "
            "and is judged; for an invalid one you are told what is wrong and may submit "
            f"again ({submissions} submissions in all).",
        ]
    )


def _schema(**fields: tuple[str, str]) -> dict[str, object]:
    return {
        "type": "object",
        "properties": {
            name: {"type": "string", "description": d} for name, (d, _) in fields.items()
        },
        "required": [name for name, (_, need) in fields.items() if need == "required"],
    }


_CODE = ("The program's source code.", "required")
_LANG = ("Its language: 'Python 3' or 'C++17'.", "required")

AGENTIC_TOOLS = (
    ToolSpec(
        name="run_program",
        description=(
            "Run a program you wrote on the given standard input. Returns how it ended, "
            f"its standard output and its standard error (each cut to {OUTPUT_CHARS} "
            f"characters). {GENERATOR_SECONDS} seconds of CPU per run."
        ),
        parameters=_schema(
            code=_CODE,
            lang=_LANG,
            stdin=("The standard input (default: empty).", "optional"),
        ),
    ),
    ToolSpec(
        name="run_incorrect",
        description=(
            "Run the incorrect submission on an input, under the problem's limits. Returns "
            "how it ended and its output. Use it to see how it behaves; it does not check "
            "whether the input is valid."
        ),
        parameters=_schema(stdin=("The input to run it on.", "required")),
    ),
    ToolSpec(
        name="submit",
        description=(
            "Submit a program that prints the failing input. The printed input is checked "
            "against the problem's constraints: a valid one ends the session; for an "
            "invalid one you get the reason and may submit again."
        ),
        parameters=_schema(code=_CODE, lang=_LANG),
    ),
    ToolSpec(
        name="submit_input",
        description=(
            "Submit the failing input itself. It is checked against the problem's "
            "constraints: a valid one ends the session; for an invalid one you get the "
            "reason and may submit again."
        ),
        parameters=_schema(input=("The complete input text.", "required")),
    ),
)
"""The tools of ``agentic``, as the model is offered them."""
