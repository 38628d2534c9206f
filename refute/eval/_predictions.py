"""REFUTE's predictions file: reading it, with errors that point at the bad entry."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from ..errors import EvalError
from ..problems import PackageError, ProblemSet, Task, UnknownTaskError
from ..sandbox import Language, Program


class PredictionsError(EvalError):
    """A predictions file that cannot be used; the message names the file and position."""


class Method(StrEnum):
    """How an attempt's programs are used (REFUTE's three methods)."""

    STANDARD = "standard"
    """``generate_inp`` prints one candidate input, which is judged."""
    RANDSEARCH = "randsearch"
    """``generate_inp`` is a random generator (seed in ``argv[1]``) searched against the
    incorrect submission with the model's ``solve_brute`` as the trusted side."""
    RANDSEARCH_ORACLE = "randsearch_oracle"
    """As ``randsearch``, with the problem's reference solution as the trusted side."""


class Submission(BaseModel):
    """A program in a predictions file: ``{"code": ..., "lang": "Python 3"}``."""

    model_config = ConfigDict(frozen=True)

    code: str
    lang: str

    @field_validator("lang")
    @classmethod
    def _known_language(cls, value: str) -> str:
        Language.parse(value)
        return value

    def program(self) -> Program:
        return Program(source=self.code, language=Language.parse(self.lang))


class Attempt(BaseModel):
    """One attempt: an input generator, and for ``randsearch`` a brute-force solver."""

    model_config = ConfigDict(frozen=True)

    generate_inp: Submission
    solve_brute: Submission | None = None


class Prediction(BaseModel):
    """One entry of a predictions file: a problem (or task) id, a method, attempts.

    Fields other than these are ignored, so files carrying extra data still load.
    """

    model_config = ConfigDict(frozen=True)

    problem_id: str
    method: Method
    attempts: list[Attempt]


_PREDICTIONS = TypeAdapter(list[Prediction])


def position(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a path: ``(3, 'attempts', 0, 'lang')`` -> ``[3].attempts[0].lang``."""
    parts = [f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc]
    return "".join(parts).lstrip(".")


def _first(source: str, messages: list[str]) -> PredictionsError:
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    return PredictionsError(f"{source}: {messages[0]}{more}")


def parse_predictions(text: str, source: str = "predictions") -> list[Prediction]:
    """Parse a predictions file's text; ``source`` names it in error messages.

    >>> try:
    ...     parse_predictions('[{"problem_id": "ribbon-cut", "method": "standard", '
    ...         '"attempts": [{"generate_inp": {"code": "print(1)", "lang": "Rust"}}]}]',
    ...         "preds.json")
    ... except PredictionsError as error:
    ...     print(error)                                     # doctest: +ELLIPSIS
    preds.json: [0].attempts[0].generate_inp.lang: unknown language 'Rust': ...
    """
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise PredictionsError(
            f"{source}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    if not isinstance(raw, list):
        raise PredictionsError(f"{source}: expected a JSON list of predictions, found {_kind(raw)}")
    try:
        predictions = _PREDICTIONS.validate_python(raw)
    except ValidationError as error:
        messages = [f"{position(item['loc'])}: {_message(item)}" for item in error.errors()]
        raise _first(source, messages) from None
    missing = [
        f"[{i}].attempts[{j}].solve_brute: required for method 'randsearch'"
        for i, prediction in enumerate(predictions)
        if prediction.method is Method.RANDSEARCH
        for j, attempt in enumerate(prediction.attempts)
        if attempt.solve_brute is None
    ]
    if missing:
        raise _first(source, missing)
    return predictions


def _message(item: Any) -> str:
    if item["type"] == "missing":
        return "required field is missing"
    message = str(item["msg"])
    return message.removeprefix("Value error, ")


def _kind(value: Any) -> str:
    names = {dict: "an object", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def load_predictions(path: Path) -> list[Prediction]:
    """Read and parse a predictions file; every fault is a ``PredictionsError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PredictionsError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise PredictionsError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise PredictionsError(f"{path}: cannot read: {error.strerror or error}") from None
    return parse_predictions(text, str(path))


def resolve_tasks(
    predictions: list[Prediction], problems: ProblemSet, source: str = "predictions"
) -> list[Task]:
    """The task of each prediction; its ``problem_id`` is a task id, or a problem id with
    exactly one incorrect submission. Raises ``PredictionsError`` naming the entry."""
    tasks = []
    messages = []
    for index, prediction in enumerate(predictions):
        try:
            tasks.append(problems.task(prediction.problem_id))
        except (UnknownTaskError, PackageError) as error:
            messages.append(f"[{index}].problem_id: {error}")
    if messages:
        raise _first(source, messages)
    return tasks
