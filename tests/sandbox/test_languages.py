"""Language names map to the right compiler and mode, and unknown ones fail clearly."""

import re

import pytest

from refute.sandbox import SOURCE_SUFFIXES, Language, LanguageFamily, UnknownLanguageError


@pytest.mark.parametrize(
    ("name", "std"),
    [
        ("GNU C++17", "c++17"),
        ("GNU C++17 (64)", "c++17"),
        ("GNU C++14", "c++14"),
        ("GNU C++11", "c++11"),
        ("GNU C++20 (64)", "c++20"),
        ("C++20 (GCC 13-64)", "c++20"),
        ("C++23 (GCC 14-64, msys2)", "c++23"),
        ("C++17 (GCC 7-32)", "c++17"),
        ("cpp", "c++17"),
        ("c++", "c++17"),
    ],
)
def test_cpp_names_map_to_their_standard(name: str, std: str) -> None:
    language = Language.parse(name)
    assert language.family is LanguageFamily.CPP
    assert language.std == std


@pytest.mark.parametrize("name", ["Python 3", "python3", "py", "Python 3.8"])
def test_python_names_map_to_cpython(name: str) -> None:
    assert Language.parse(name).family is LanguageFamily.PYTHON


@pytest.mark.parametrize("name", ["PyPy 3", "PyPy 3-64", "pypy3"])
def test_pypy_names_map_to_pypy(name: str) -> None:
    assert Language.parse(name).family is LanguageFamily.PYPY


@pytest.mark.parametrize("name", ["Rust 2021", "Java 21", "Python 2", "PyPy 2", "", "C++98"])
def test_unknown_languages_are_a_clear_error(name: str) -> None:
    with pytest.raises(UnknownLanguageError, match=re.escape(repr(name))):
        Language.parse(name)


def test_extension_follows_the_family() -> None:
    assert Language.parse("GNU C++17").extension == "cpp"
    assert Language.parse("PyPy 3").extension == "py"


@pytest.mark.parametrize(
    ("name", "std"),
    [("c", "gnu17"), ("GNU C11", "gnu11"), ("C99", "gnu99"), ("gcc", "gnu17"), ("C23", "gnu23")],
)
def test_c_names_map_to_gnu_c(name: str, std: str) -> None:
    language = Language.parse(name)
    assert language.family is LanguageFamily.C
    assert language.std == std
    assert language.compiled
    assert language.extension == "c"


def test_py3_is_cpython() -> None:
    assert Language.parse("py3").family is LanguageFamily.PYTHON


@pytest.mark.parametrize(
    ("suffix", "family"),
    [(".c", "C"), (".cc", "CPP"), (".cxx", "CPP"), (".c++", "CPP"), (".py3", "PYTHON")],
)
def test_source_suffixes_name_their_family(suffix: str, family: str) -> None:
    assert SOURCE_SUFFIXES[suffix] is LanguageFamily[family]
