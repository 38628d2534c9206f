"""A Kattis package's input and output validators, adapted to refute's contracts.

``_adapters`` writes the wrappers; this module finds the validators, their flags and
headers, and decides which wrapper fits (``docs/importing.md``, "Validators").
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from ..problems import CheckerSettings, SourceFile, package_id
from . import _adapters
from ._kattis_meta import flag_list
from ._kattis_programs import CPP_SUFFIXES, PYTHON_SUFFIXES, main_source, validator_items
from ._kattis_tests import KattisTest
from ._skip import Skip

_ERRORS = (_adapters.AdapterError, OSError, UnicodeDecodeError)


def _cause(error: Exception, default: str) -> str:
    return "header not shipped" if "does not ship" in str(error) else default


def _testdata(directory: Path) -> dict[str, Any]:
    """``data/testdata.yaml`` (legacy) or ``data/test_group.yaml`` (2023-07), else the
    ``data/secret/`` one: settings for the whole test data."""
    for path in (
        directory / "data" / "testdata.yaml",
        directory / "data" / "test_group.yaml",
        directory / "data" / "secret" / "testdata.yaml",
        directory / "data" / "secret" / "test_group.yaml",
    ):
        if path.is_file():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                raise Skip(f"{path.name} does not parse: {error}", cause="bad package") from error
            return data if isinstance(data, dict) else {}
    return {}


def _named_flags(value: Any, name: str) -> list[str]:
    """Flags that may be given for all validators or as ``{validator name: flags}``."""
    if isinstance(value, dict):
        return flag_list(value.get(name))
    return flag_list(value)


def input_validator_flags(directory: Path, meta: dict[str, Any], name: str) -> list[str]:
    """The arguments Kattis passes to the input validator ``name``."""
    data = _testdata(directory)
    value = data.get("input_validator_flags", data.get("input_validator_args"))
    if value is None:
        value = meta.get("input_validator_flags", meta.get("input_validator_args"))
    return _named_flags(value, name)


def input_validator(directory: Path, origin: str, meta: dict[str, Any]) -> SourceFile:
    """``validator.py`` or ``validator.cpp`` for the package's input validators."""
    folder = next(
        (
            directory / name
            for name in ("input_validators", "input_format_validators", "input_validator")
            if (directory / name).is_dir()
        ),
        None,
    )
    items = validator_items(folder) if folder else []
    if not items:
        raise Skip("no input validator: refute needs one to judge inputs", cause="no validator")
    python: list[tuple[str, str, list[str], str]] = []
    cpp: list[Path] = []
    for item in items:
        source = main_source(item, (*PYTHON_SUFFIXES, ".ctd", *CPP_SUFFIXES))
        if source is None:
            raise Skip(
                f"input validator {item.name}: unsupported (Python, C++ or .ctd only)",
                cause="validator unsupported",
            )
        name = item.stem if item.is_file() else item.name
        flags = input_validator_flags(directory, meta, name)
        if source.suffix.lower() in PYTHON_SUFFIXES:
            text = source.read_text(encoding="utf-8")
            python.append((f"{package_id(source.stem)}.py", "python", flags, text))
        elif source.suffix == ".ctd":
            try:
                code = _adapters.ctd_to_python(source.read_bytes(), source.name)
            except _adapters.AdapterError as error:
                raise Skip(
                    f"input validator {item.name}: {error}", cause="validator unsupported"
                ) from error
            python.append((f"{package_id(source.stem)}_ctd.py", "ctd", flags, code))
        else:
            cpp.append(source)
    others = _adapters.python_input_validator(origin, python) if python else None
    if cpp:
        assert folder is not None
        parts = [_cpp_part(directory, folder, meta, source) for source in cpp]
        code = _adapters.cpp_input_validators(origin, parts, others)
        return SourceFile(source=code, extension="cpp")
    assert others is not None
    return SourceFile(source=others, extension="py")


def _cpp_part(
    directory: Path, folder: Path, meta: dict[str, Any], source: Path
) -> tuple[str, str, list[str]]:
    """``(name, source with its headers inlined, flags)`` of one C++ input validator."""
    name = source.parent.name if source.parent != folder else source.stem
    what = f"input validator {source.name}"
    inlined = _inlined(source, directory, folder, what, "validator unsupported")
    return name, inlined, input_validator_flags(directory, meta, name)


def _inlined(source: Path, directory: Path, folder: Path, what: str, cause: str) -> str:
    """``source`` with its headers inlined, else a ``Skip`` naming ``what``, with ``cause``
    (or ``header not shipped``)."""
    try:
        return _adapters.inline_includes(source, directory, (folder, directory))
    except _ERRORS as error:
        raise Skip(f"{what}: {error}", cause=_cause(error, cause)) from error


def _has_case(tests: list[KattisTest]) -> bool:
    """Whether any answer has a word whose case could matter (not a number, not YES/NO)."""
    for test in tests:
        for token in (test.answer or "").split():
            if not any(c.isalpha() for c in token) or token.upper() in ("YES", "NO"):
                continue
            try:
                number = float(token)
            except ValueError:
                return True
            if not math.isfinite(number):  # "NaN", "Inf": Kattis takes "nan" for them too
                return True
    return False


def checker(
    directory: Path, meta: dict[str, Any], origin: str, tests: list[KattisTest]
) -> tuple[SourceFile | None, CheckerSettings]:
    """The checker for the package's output validation: a custom output validator
    wrapped, or Kattis' default one as tolerances or a ``checker.py``."""
    flags = flag_list(meta.get("validator_flags"))
    data = _testdata(directory)
    flags += flag_list(data.get("output_validator_flags") or data.get("output_validator_args"))
    folder = next(
        (
            directory / name
            for name in ("output_validators", "output_validator")
            if (directory / name).is_dir()
        ),
        None,
    )
    items = validator_items(folder) if folder else []
    custom = "custom" in str(meta.get("validation", "default")).split() or bool(items)
    if not custom:
        return default_checker(origin, flags, tests)
    if len(items) != 1:
        raise Skip(
            f"output validator: expected one program, found {len(items)}",
            cause="output validator unsupported",
        )
    item = items[0]
    source_path = main_source(item, (*PYTHON_SUFFIXES, *CPP_SUFFIXES))
    if source_path is None:
        raise Skip(
            f"output validator {item.name}: unsupported (Python or C++ only)",
            cause="output validator unsupported",
        )
    what = f"output validator {item.name}"
    if source_path.suffix.lower() in PYTHON_SUFFIXES:
        try:
            text = source_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise Skip(f"{what}: {error}", cause="output validator unsupported") from error
        code = _adapters.python_output_validator(origin, source_path.name, text, flags)
        return SourceFile(source=code, extension="py"), CheckerSettings()
    assert folder is not None
    text = _inlined(source_path, directory, folder, what, "output validator unsupported")
    code = _adapters.cpp_output_validator(origin, text, flags)
    return SourceFile(source=code, extension="cpp"), CheckerSettings()


def default_checker(
    origin: str, flags: list[str], tests: list[KattisTest]
) -> tuple[SourceFile | None, CheckerSettings]:
    """Kattis' default output validator: ``[checker]`` tolerances when they say the same,
    else a ``checker.py`` with its exact rules (case-insensitive words, exact spacing)."""
    known = {"case_sensitive", "space_change_sensitive"}
    numeric = {"float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"}
    values: dict[str, float] = {}
    index = 0
    while index < len(flags):
        flag = flags[index]
        if flag in numeric and index + 1 < len(flags):
            try:
                values[flag] = float(flags[index + 1])
            except ValueError as error:
                raise Skip(
                    f"validator_flags: {flag} needs a number", cause="output validator flags"
                ) from error
            index += 2
            continue
        if flag not in known:
            raise Skip(
                f"validator_flags: unknown flag {flag!r} for the default validator",
                cause="output validator flags",
            )
        index += 1
    absolute = values.get("float_absolute_tolerance", values.get("float_tolerance"))
    relative = values.get("float_relative_tolerance", values.get("float_tolerance"))
    case_sensitive = "case_sensitive" in flags
    space_sensitive = "space_change_sensitive" in flags
    if space_sensitive or (not case_sensitive and _has_case(tests)):
        code = _adapters.default_checker(
            origin,
            flags,
            case_sensitive=case_sensitive,
            space_sensitive=space_sensitive,
            abs_tolerance=absolute,
            rel_tolerance=relative,
        )
        return SourceFile(source=code, extension="py"), CheckerSettings()
    return None, CheckerSettings(abs_tolerance=absolute, rel_tolerance=relative)
