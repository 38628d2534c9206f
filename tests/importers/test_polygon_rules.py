"""Polygon's names in refute's terms, and reading problem.xml: no sandbox needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.importers._polygon_read import read_polygon
from refute.importers._polygon_rules import BUILT_IN_CHECKERS, language_name, standard_checker
from refute.importers._polygon_statement import olymp_to_latex
from refute.importers._polygon_xml import numbered_path, read_spec
from refute.problems import CheckerSettings

from .conftest import FIXTURES

POLYGON = FIXTURES / "polygon"


@pytest.mark.parametrize(
    ("polygon_type", "language"),
    [
        ("cpp.g++17", "C++17"),
        ("cpp.g++", "C++17"),
        ("cpp.g++11", "C++17"),
        ("cpp.g++20", "C++20"),
        ("cpp.gcc14-64-msys2-g++23", "C++23"),
        ("cpp.msys2-mingw64-9-g++17", "C++17"),
        ("c.gcc", "GNU C11"),
        ("python.3", "Python 3"),
        ("python.pypy3", "PyPy 3"),
        ("python.2", None),
        ("java11", None),
        ("kotlin.19", None),
    ],
)
def test_polygon_source_types_map_to_sandbox_languages(
    polygon_type: str, language: str | None
) -> None:
    assert language_name(polygon_type) == language


def test_standard_checkers_are_recognised_by_name() -> None:
    assert standard_checker("std::lcmp.cpp") == "lcmp"
    assert standard_checker("std::rcmp6") == "rcmp6"
    assert standard_checker("checker.cpp") is None
    assert standard_checker(None) is None


def test_only_checkers_equivalent_to_the_token_comparison_are_built_in() -> None:
    assert BUILT_IN_CHECKERS["rcmp9"] == CheckerSettings(abs_tolerance=1e-9, rel_tolerance=1e-9)
    assert BUILT_IN_CHECKERS["wcmp"] == CheckerSettings()
    for line_based in ("lcmp", "fcmp", "uncmp", "rcmp", "acmp", "dcmp"):
        assert line_based not in BUILT_IN_CHECKERS


def test_test_paths_follow_the_printf_pattern() -> None:
    assert numbered_path("tests/%02d", 3) == "tests/03"
    assert numbered_path("tests/%02d.a", 12) == "tests/12.a"
    assert numbered_path("tests/%d", 7) == "tests/7"
    assert numbered_path("files/tests/validator-tests/%03d", 5) == "files/tests/validator-tests/005"


def test_olymp_markup_becomes_latex_sections_without_examples() -> None:
    tex = olymp_to_latex(
        "\\begin{problem}{Name}{standard input}{standard output}{1 second}{256 megabytes}\n"
        "Legend.\n\\InputFile\nIn.\n\\OutputFile\nOut.\n\\Examples\n"
        "\\exmp{1 2\n}{3\n}%\n\\exmpfile{example.01}{example.01.a}%\n\\Note\nNote.\n"
        "\\end{problem}\n"
    )
    assert "Name" not in tex and "exmp" not in tex and "1 2" not in tex
    assert "\\section*{Input}\nIn." in tex
    assert "\\section*{Output}\nOut." in tex
    assert "\\section*{Notes}\nNote." in tex


def test_problem_xml_gives_limits_tests_and_solutions() -> None:
    spec = read_spec(POLYGON / "generated")
    assert (spec.short_name, spec.time_limit_ms, spec.memory_limit_bytes) == (
        "sum-of-numbers",
        500,
        64 << 20,
    )
    assert [t.cmd for t in spec.tests] == [
        "gen 3 10",
        "gen 5 10",
        "gen 4 1000000000 > $",
        "gen 100 1000000000 7",
    ]
    assert [(s.tag, s.source.type) for s in spec.solutions] == [
        ("main", "python.3"),
        ("wrong-answer", "cpp.g++17"),
        ("time-limit-exceeded", "python.3"),
    ]
    assert spec.checker is not None and spec.checker.name is None


def test_the_script_form_of_a_test_command_runs_the_generator_alone(tmp_path: Path) -> None:
    package = read_polygon(POLYGON / "generated")
    calls = [(t.generator.name, t.generator.args) for t in package.tests if t.generator]
    assert calls[2] == ("gen", ["4", "1000000000"])
    assert all(t.stored is None for t in package.tests)
