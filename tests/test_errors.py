"""Every exception class refute defines is a ``RefuteError``, so one ``except`` catches them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import refute
from refute.errors import RefuteError


def _modules() -> list[str]:
    # __main__ modules run the CLI when imported; they define no exception.
    names = [info.name for info in pkgutil.walk_packages(refute.__path__, "refute.")]
    return sorted(name for name in names if not name.endswith("__main__"))


def _exception_classes() -> list[tuple[str, type[BaseException]]]:
    found = []
    for name in _modules():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
            ):
                found.append((f"{name}.{attribute}", value))
    return found


def test_the_walk_finds_the_known_areas() -> None:
    names = {qualified.rsplit(".", 1)[1] for qualified, _ in _exception_classes()}
    assert {"SandboxError", "PackageError", "ModelError", "CompileError"} <= names


@pytest.mark.parametrize(
    "kind", [kind for _, kind in _exception_classes()], ids=[q for q, _ in _exception_classes()]
)
def test_every_exception_class_is_a_refute_error(kind: type[BaseException]) -> None:
    assert issubclass(kind, RefuteError)


def test_each_subpackage_re_exports_its_area_base_unchanged() -> None:
    from refute import errors, models, problems, refresh, sandbox

    assert sandbox.SandboxError is errors.SandboxError
    assert models.ModelError is errors.ModelError
    assert refresh.RefreshError is errors.RefreshError
    assert issubclass(problems.PackageError, errors.ProblemError)


def test_the_cli_prints_a_refute_error_as_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = subprocess.run(
        [sys.executable, "-m", "refute.cli", "problems", "list", "--problems-dir", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"error: problems directory {missing} does not exist"
    ]
