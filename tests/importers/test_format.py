"""The package-format additions importers need: C++ validators and checkers, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.problems import Origin, PackageError, load_problem
from refute.sandbox import LanguageFamily

TOML = """id = "p"
name = "P"
source = "test"
time_limit_ms = 1000
memory_limit_mb = 256
"""


def package(root: Path, toml: str = TOML, files: dict[str, str | None] | None = None) -> Path:
    """A minimal package ``root/p``; ``files`` add, replace or (``None``) remove files."""
    directory = root / "p"
    contents: dict[str, str | None] = {
        "problem.toml": toml,
        "statement.md": "Legend.\n\n## Input\n\nIn.\n\n## Output\n\nOut.\n",
        "examples/1.in": "1\n",
        "examples/1.ans": "1\n",
        "reference.py": "print(input())\n",
        "validator.py": "input()\n",
        "incorrect/wa.py": "print(2)\n",
        "incorrect/wa.fail.in": "1\n",
        **(files or {}),
    }
    for name, text in contents.items():
        if text is None:
            continue
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return directory


def errors_of(directory: Path) -> list[str]:
    with pytest.raises(PackageError) as raised:
        load_problem(directory)
    return [str(error) for error in raised.value.errors]


def test_a_cpp_validator_and_checker_are_loaded_as_cpp(tmp_path: Path) -> None:
    cpp = "int main() {}\n"
    files = {"validator.py": None, "validator.cpp": cpp, "checker.cpp": cpp}
    directory = package(tmp_path, files=files)
    problem = load_problem(directory)
    assert problem.validator.language.family is LanguageFamily.CPP
    assert problem.checker is not None and problem.checker.language.std == "c++20"


def test_a_python_and_a_cpp_validator_together_are_an_error(tmp_path: Path) -> None:
    directory = package(tmp_path, files={"validator.cpp": "int main() {}\n"})
    assert errors_of(directory) == [
        f"{directory}: more than one validator: validator.py, validator.cpp"
    ]


def test_a_missing_validator_is_still_named_validator_py(tmp_path: Path) -> None:
    directory = package(tmp_path)
    (directory / "validator.py").unlink()
    assert errors_of(directory) == [f"{directory}/validator.py: missing"]


def test_origin_and_submission_provenance_are_read(tmp_path: Path) -> None:
    toml = TOML + (
        '\n[origin]\nimporter = "kattis"\nsource = "pkg"\nid = "pkg"\n\n'
        '[incorrect.wa]\nauthor_rating = 1900\norigin = "submissions/wrong_answer/wa.py"\n'
    )
    problem = load_problem(package(tmp_path, toml))
    assert problem.origin == Origin(importer="kattis", source="pkg", id="pkg")
    assert problem.incorrect[0].author_rating == 1900
    assert problem.incorrect[0].origin == "submissions/wrong_answer/wa.py"


def test_unknown_origin_keys_and_negative_author_ratings_are_errors(tmp_path: Path) -> None:
    toml = TOML + (
        '\n[origin]\nimporter = "kattis"\nsource = "pkg"\nid = "pkg"\nurl = "x"\n\n'
        "[incorrect.wa]\nauthor_rating = -1\n"
    )
    directory = package(tmp_path, toml)
    assert errors_of(directory) == [
        f"{directory}/problem.toml: incorrect.wa.author_rating: "
        "Input should be greater than or equal to 0",
        f"{directory}/problem.toml: origin.url: unknown field",
    ]
