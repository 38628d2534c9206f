"""Loading problem packages: the bundled set, and every kind of malformed package."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from refute.problems import (
    PackageError,
    ProblemsDirError,
    UnknownTaskError,
    default_problems_dir,
    load_problem,
    load_problems,
)
from refute.sandbox import LanguageFamily

CopyPackage = Callable[[str], Path]


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) with ``new`` in the file at ``path``."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


def errors_of(directory: Path) -> list[str]:
    with pytest.raises(PackageError) as raised:
        load_problem(directory)
    return [str(error) for error in raised.value.errors]


# -- the bundled set ---------------------------------------------------------------


def test_bundled_problems_load_without_errors() -> None:
    problems = load_problems()
    assert problems.errors == []
    assert len(problems.problems) >= 3


def test_bundled_set_has_cpp_and_python_incorrect_submissions() -> None:
    families = {task.submission.program.language.family for task in load_problems().tasks()}
    assert LanguageFamily.CPP in families
    assert LanguageFamily.PYTHON in families


def test_task_id_is_problem_id_slash_submission_name() -> None:
    task = load_problems().task("charged-pair/int-overflow")
    assert task.id == "charged-pair/int-overflow"
    assert task.submission.path.name == "int-overflow.cpp"
    assert task.submission.fail_input_path.name == "int-overflow.fail.in"


def test_submission_metadata_comes_from_problem_toml() -> None:
    submission = load_problems().task("charged-pair/int-overflow").submission
    assert submission.language == "GNU C++17"
    assert submission.bug == "integer overflow"
    assert submission.note and "32-bit" in submission.note


def test_statement_is_split_into_legend_input_output_and_note() -> None:
    statement = load_problems().problem("ribbon-cut").statement
    assert statement.legend.startswith("A ribbon is made of")
    assert statement.input.startswith("The first line contains")
    assert statement.output.startswith("Print one integer")
    assert "either answer is" in statement.note


def test_custom_checker_is_loaded_when_present() -> None:
    problems = load_problems()
    assert problems.problem("ribbon-cut").checker is not None
    assert problems.problem("charged-pair").checker is None


# -- how packages are read ---------------------------------------------------------


def test_examples_are_ordered_numerically(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    (directory / "examples" / "10.in").write_text("2\n1 1\n")
    (directory / "examples" / "10.ans").write_text("1\n")
    names = [example.name for example in load_problem(directory).examples]
    assert names == ["1", "2", "3", "10"]


def test_language_defaults_to_the_file_extension(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", 'language = "Python 3"\n', "")
    submission = load_problem(directory).incorrect[1]
    assert submission.language == "py"
    assert submission.program.language.family is LanguageFamily.PYTHON


def test_checker_tolerances_are_read(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(
        directory / "problem.toml",
        "[reference]",
        "[checker]\nabs_tolerance = 1e-6\nrel_tolerance = 1e-9\n\n[reference]",
    )
    settings = load_problem(directory).checker_settings
    assert (settings.abs_tolerance, settings.rel_tolerance) == (1e-6, 1e-9)


def test_directories_starting_with_dot_or_underscore_are_skipped(
    problems_root: Path, copy_package: CopyPackage
) -> None:
    copy_package("ribbon-cut")
    (problems_root / ".cache").mkdir()
    (problems_root / "_drafts").mkdir()
    problems = load_problems(problems_root)
    assert [p.id for p in problems.problems] == ["ribbon-cut"]
    assert problems.errors == []


# -- malformed packages: each fault names its file and field -------------------------


def test_missing_validator_names_the_file(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    (directory / "validator.py").unlink()
    assert errors_of(directory) == [f"{directory}/validator.py: missing"]


def test_bad_toml_names_the_file_and_position(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", "rating = 1100", "rating = = 1100")
    (error,) = errors_of(directory)
    assert error.startswith(f"{directory}/problem.toml: invalid TOML: ")
    assert "line 5" in error


def test_bad_field_type_names_the_field(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", "rating = 1100", 'rating = "hard"')
    (error,) = errors_of(directory)
    assert error.startswith(f"{directory}/problem.toml: rating: Input should be a valid integer")


def test_missing_required_field_is_named(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", "time_limit_ms = 1000\n", "")
    assert errors_of(directory) == [
        f"{directory}/problem.toml: time_limit_ms: required field is missing"
    ]


def test_unknown_field_is_an_error_not_ignored(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", "rating = 1100", "ratng = 1100")
    assert errors_of(directory) == [f"{directory}/problem.toml: ratng: unknown field"]


def test_id_must_equal_the_directory_name(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", 'id = "charged-pair"', 'id = "charged-pairs"')
    (error,) = errors_of(directory)
    assert error.startswith(f"{directory}/problem.toml: id: 'charged-pairs' must equal")


def test_unknown_language_names_the_submission_field(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", 'language = "Python 3"', 'language = "Rust 2021"')
    (error,) = errors_of(directory)
    assert error.startswith(
        f"{directory}/problem.toml: incorrect.two-largest.language: unknown language 'Rust 2021'"
    )


def test_language_must_match_the_file_extension(copy_package: CopyPackage) -> None:
    directory = copy_package("charged-pair")
    edit(directory / "problem.toml", 'language = "Python 3"', 'language = "GNU C++17"')
    assert errors_of(directory) == [
        f"{directory}/problem.toml: incorrect.two-largest.language: language 'GNU C++17' "
        "does not match the file two-largest.py"
    ]


def test_missing_failing_input_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "incorrect" / "last-cut.fail.in").unlink()
    assert errors_of(directory) == [
        f"{directory}/incorrect/last-cut.fail.in: missing: every incorrect submission "
        "needs a known failing input"
    ]


def test_empty_failing_input_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "incorrect" / "last-cut.fail.in").write_text("\n")
    (error,) = errors_of(directory)
    assert error.startswith(f"{directory}/incorrect/last-cut.fail.in: empty")


def test_failing_input_without_a_submission_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "incorrect" / "typo.fail.in").write_text("2\n1 1\n")
    assert errors_of(directory) == [
        f"{directory}/incorrect/typo.fail.in: failing input without a submission named 'typo'"
    ]


def test_unexpected_file_in_incorrect_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "incorrect" / "last-cut.fail.txt").write_text("2\n1 1\n")
    (error,) = errors_of(directory)
    assert error.startswith(f"{directory}/incorrect/last-cut.fail.txt: unexpected file")


def test_submission_settings_without_a_file_are_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    edit(directory / "problem.toml", "[incorrect.last-cut]", "[incorrect.last-cutt]")
    assert errors_of(directory) == [
        f"{directory}/problem.toml: incorrect.last-cutt: no submission "
        "incorrect/last-cutt.cpp or incorrect/last-cutt.py"
    ]


def test_example_without_answer_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "examples" / "2.ans").unlink()
    assert errors_of(directory) == [
        f"{directory}/examples/2.ans: missing: every example input needs an answer"
    ]


def test_statement_without_output_section_is_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    edit(directory / "statement.md", "## Output", "## Result")
    assert errors_of(directory) == [f"{directory}/statement.md: missing section '## Output'"]


def test_two_reference_solutions_are_an_error(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "reference.cpp").write_text("int main() {}\n")
    assert errors_of(directory) == [
        f"{directory}: more than one reference solution: reference.cpp, reference.py"
    ]


def test_every_fault_of_a_package_is_reported(copy_package: CopyPackage) -> None:
    directory = copy_package("ribbon-cut")
    edit(directory / "problem.toml", "rating = 1200", 'rating = "x"')
    (directory / "validator.py").unlink()
    (directory / "incorrect" / "last-cut.fail.in").unlink()
    assert len(errors_of(directory)) == 3


def test_package_error_message_is_one_line_naming_the_first_fault(
    copy_package: CopyPackage,
) -> None:
    directory = copy_package("ribbon-cut")
    (directory / "validator.py").unlink()
    (directory / "checker.py").write_bytes(b"\xff\xfe")
    with pytest.raises(PackageError) as raised:
        load_problem(directory)
    assert str(raised.value) == (
        f"problem package 'ribbon-cut' is malformed: {directory}/validator.py: missing (and 1 more)"
    )


# -- a problem set with broken packages ----------------------------------------------


def test_a_broken_package_does_not_stop_the_others(
    problems_root: Path, copy_package: CopyPackage
) -> None:
    copy_package("charged-pair")
    broken = copy_package("ribbon-cut")
    (broken / "validator.py").unlink()
    problems = load_problems(problems_root)
    assert [p.id for p in problems.problems] == ["charged-pair"]
    assert [str(e) for e in problems.errors] == [f"{broken}/validator.py: missing"]
    assert list(problems.broken()) == ["ribbon-cut"]


def test_asking_for_a_task_of_a_broken_package_raises_its_faults(
    problems_root: Path, copy_package: CopyPackage
) -> None:
    (copy_package("ribbon-cut") / "validator.py").unlink()
    with pytest.raises(PackageError, match=r"validator\.py: missing"):
        load_problems(problems_root).task("ribbon-cut/last-cut")


def test_problem_id_with_one_task_names_that_task() -> None:
    assert load_problems().task("ribbon-cut").id == "ribbon-cut/last-cut"


def test_problem_id_with_several_tasks_is_ambiguous() -> None:
    with pytest.raises(
        UnknownTaskError,
        match="has 2 incorrect submissions; name one task: "
        "charged-pair/int-overflow, charged-pair/two",
    ):
        load_problems().task("charged-pair")


def test_unknown_problem_is_an_error() -> None:
    with pytest.raises(UnknownTaskError, match="unknown problem 'nope'"):
        load_problems().task("nope/x")


def test_unknown_submission_lists_the_known_ones() -> None:
    with pytest.raises(UnknownTaskError, match=r"no incorrect submission 'x' \(it has: last-cut\)"):
        load_problems().task("ribbon-cut/x")


def test_missing_problems_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ProblemsDirError, match="does not exist"):
        load_problems(tmp_path / "nowhere")


def test_problems_directory_can_be_set_by_environment(
    problems_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFUTE_PROBLEMS_DIR", str(problems_root))
    assert default_problems_dir() == problems_root


def test_default_problems_directory_is_the_bundled_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFUTE_PROBLEMS_DIR", raising=False)
    assert (default_problems_dir() / "charged-pair" / "problem.toml").is_file()
