"""The public surface: what ``refute`` exports, and the walls between its subpackages.

Each subpackage keeps its implementation in private ``_modules`` behind its ``__init__``;
another subpackage may use only what that ``__init__`` exports. Every exported name means
one thing: a name exported by two subpackages is the same object in both.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections import defaultdict
from pathlib import Path

import pytest

import refute

PACKAGE_ROOT = Path(refute.__file__).resolve().parent


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every module or name a file imports, relative ones resolved."""
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def _private_owner(dotted: str) -> str | None:
    """The package that owns the first private part of ``dotted`` (``refute.sandbox`` for
    ``refute.sandbox._pool.X``), or ``None`` when every part is public."""
    parts = dotted.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def _cross_package_private_imports(root: Path = PACKAGE_ROOT) -> list[str]:
    faults = []
    for path in sorted(root.rglob("*.py")):
        importer = _module_name(path, root)
        for line, dotted in _imported(path, root):
            if not dotted.startswith("refute."):
                continue
            owner = _private_owner(dotted)
            if owner is not None and not (importer == owner or importer.startswith(owner + ".")):
                faults.append(f"{path.relative_to(root.parent)}:{line}: {dotted}")
    return faults


def test_no_module_imports_another_packages_private_module() -> None:
    assert _cross_package_private_imports() == []


def test_the_private_import_check_sees_a_violation(tmp_path: Path) -> None:
    # A tree shaped like refute/: its runner reaches into the sandbox's private module
    # (a fault) and into its own (fine).
    runner = tmp_path / "refute" / "runner"
    runner.mkdir(parents=True)
    (runner / "_probe.py").write_text(
        "from ..sandbox._pool import SandboxPool\nfrom ._records import Outcome\n"
    )
    assert _cross_package_private_imports(tmp_path / "refute") == [
        "refute/runner/_probe.py:1: refute.sandbox._pool",
        "refute/runner/_probe.py:1: refute.sandbox._pool.SandboxPool",
    ]


def _public_packages() -> list[str]:
    names = ["refute"]
    for info in pkgutil.walk_packages(refute.__path__, "refute."):
        if info.ispkg and not any(p.startswith("_") for p in info.name.split(".")):
            names.append(info.name)
    return names


@pytest.mark.parametrize("package", _public_packages())
def test_every_exported_name_imports(package: str) -> None:
    module = importlib.import_module(package)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{package} has no __all__"
    assert len(exported) == len(set(exported)), f"{package}.__all__ repeats a name"
    missing = [name for name in exported if not hasattr(module, name)]
    assert missing == []


def test_each_exported_name_means_one_thing_across_the_package() -> None:
    meanings: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for package in _public_packages():
        module = importlib.import_module(package)
        for name in module.__all__:
            meanings[name][id(getattr(module, name))].append(package)
    clashes = {name: sorted(p for ps in by.values() for p in ps) for name, by in meanings.items()}
    assert {n: ps for n, ps in clashes.items() if len(meanings[n]) > 1} == {}


def test_the_top_level_offers_the_documented_api() -> None:
    from refute import (  # noqa: F401  (the import is the test)
        Agent,
        Candidate,
        Evaluator,
        RefuteError,
        RunConfig,
        Summary,
        TaskView,
        Toolbox,
        Verdict,
        check_task,
        load_problems,
        run_benchmark,
    )
