"""Reading REFUTE predictions files: good ones load, bad ones fail with their position."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from refute.eval import (
    Method,
    Prediction,
    PredictionsError,
    load_predictions,
    parse_predictions,
    resolve_tasks,
)
from refute.problems import ProblemSet, default_problems_dir, load_problems

from .programs import attempt, printing

Write = Callable[[Any], Path]


def standard(problem_id: str, *attempts: dict[str, Any]) -> dict[str, Any]:
    return {"problem_id": problem_id, "method": "standard", "attempts": list(attempts)}


def load_predictions_from(data: list[dict[str, Any]]) -> list[Prediction]:
    return parse_predictions(json.dumps(data), "preds.json")


def error_of(path: Path) -> str:
    with pytest.raises(PredictionsError) as raised:
        load_predictions(path)
    return str(raised.value)


def test_refute_readme_example_loads(write_predictions: Write) -> None:
    path = write_predictions(
        [standard("1975F", attempt({"code": 'print(1)\nprint("0")', "lang": "Python 3"}))]
    )
    (prediction,) = load_predictions(path)
    assert prediction.method is Method.STANDARD
    assert prediction.attempts[0].generate_inp.program().language.family == "python"


def test_codeforces_language_names_are_accepted(write_predictions: Write) -> None:
    langs = ["GNU C++17", "C++20 (GCC 13-64)", "Python 3", "PyPy 3-64", "cpp", "py"]
    path = write_predictions([standard("x", *(attempt(printing("1", lang)) for lang in langs))])
    assert len(load_predictions(path)[0].attempts) == len(langs)


def test_unknown_fields_are_ignored(write_predictions: Write) -> None:
    entry = standard("x", attempt(printing("1")) | {"response": "..."}) | {"model": "m"}
    assert len(load_predictions(write_predictions([entry]))) == 1


def test_randsearch_attempt_keeps_its_brute_force(write_predictions: Write) -> None:
    entry = {
        "problem_id": "x",
        "method": "randsearch",
        "attempts": [attempt(printing("1"), printing("2"))],
    }
    (prediction,) = load_predictions(write_predictions([entry]))
    assert prediction.attempts[0].solve_brute is not None


def test_file_that_is_not_json_is_an_error_with_its_position(write_predictions: Write) -> None:
    path = write_predictions('[{"problem_id": "x",\n  "method" "standard"}]')
    assert error_of(path) == (
        f"{path}: not valid JSON: Expecting ':' delimiter at line 2, column 12"
    )


def test_top_level_object_is_an_error(write_predictions: Write) -> None:
    path = write_predictions({"problem_id": "x"})
    assert error_of(path) == f"{path}: expected a JSON list of predictions, found an object"


def test_missing_field_names_its_position(write_predictions: Write) -> None:
    path = write_predictions(
        [standard("x", attempt(printing("1"))), {"problem_id": "y", "method": "standard"}]
    )
    assert error_of(path) == f"{path}: [1].attempts: required field is missing"


def test_unknown_language_names_its_position(write_predictions: Write) -> None:
    entries = [standard("x", attempt(printing("1"))) for _ in range(3)]
    entries.append(standard("y", attempt({"code": "fn main() {}", "lang": "Rust"})))
    path = write_predictions(entries)
    assert error_of(path).startswith(
        f"{path}: [3].attempts[0].generate_inp.lang: unknown language 'Rust'"
    )


def test_unknown_method_is_an_error(write_predictions: Write) -> None:
    path = write_predictions([standard("x") | {"method": "few_shot"}])
    assert error_of(path).startswith(f"{path}: [0].method: Input should be 'standard',")


def test_code_that_is_not_a_string_is_an_error(write_predictions: Write) -> None:
    path = write_predictions([standard("x", attempt({"code": 42, "lang": "py"}))])
    assert error_of(path) == (
        f"{path}: [0].attempts[0].generate_inp.code: Input should be a valid string"
    )


def test_randsearch_without_brute_force_is_an_error(write_predictions: Write) -> None:
    entry = {
        "problem_id": "x",
        "method": "randsearch",
        "attempts": [attempt(printing("1"), printing("2")), attempt(printing("1"))],
    }
    path = write_predictions([entry])
    assert error_of(path) == (
        f"{path}: [0].attempts[1].solve_brute: required for method 'randsearch'"
    )


def test_several_faults_report_the_first_and_count_the_rest(write_predictions: Write) -> None:
    path = write_predictions(
        [
            standard("x", attempt({"code": "", "lang": "Go"})),
            standard("y", attempt({"code": "", "lang": "Go"})),
        ]
    )
    assert error_of(path).endswith("(and 1 more)")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.json") == f"{tmp_path / 'nope.json'}: no such file"


def test_problem_id_may_be_a_task_id_or_a_problem_with_one_task(problems: ProblemSet) -> None:
    predictions = load_predictions_from(
        [standard("ribbon-cut"), standard("charged-pair/two-largest")]
    )
    tasks = resolve_tasks(predictions, problems, "preds.json")
    assert [task.id for task in tasks] == ["ribbon-cut/last-cut", "charged-pair/two-largest"]


def test_unknown_problem_names_its_position(problems: ProblemSet) -> None:
    predictions = load_predictions_from([standard("ribbon-cut"), standard("1975F")])
    with pytest.raises(
        PredictionsError,
        match=r"^preds.json: \[1\].problem_id: unknown "
        "problem '1975F'",
    ):
        resolve_tasks(predictions, problems, "preds.json")


def test_problem_with_several_tasks_must_be_named_by_task(problems: ProblemSet) -> None:
    predictions = load_predictions_from([standard("charged-pair")])
    with pytest.raises(
        PredictionsError,
        match=r"\[0\].problem_id: problem 'charged-pair' has "
        "2 incorrect submissions",
    ):
        resolve_tasks(predictions, problems, "preds.json")


def test_broken_problem_package_is_named(tmp_path: Path) -> None:
    shutil.copytree(default_problems_dir() / "ribbon-cut", tmp_path / "ribbon-cut")
    (tmp_path / "ribbon-cut" / "validator.py").unlink()
    predictions = load_predictions_from([standard("ribbon-cut")])
    with pytest.raises(
        PredictionsError,
        match=r"\[0\].problem_id: problem package 'ribbon-cut' "
        "is malformed: .*validator.py: missing",
    ):
        resolve_tasks(predictions, load_problems(tmp_path), "preds.json")
