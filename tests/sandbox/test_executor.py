"""The in-container executor keeps its state in objects, not in module-level variables.

Its behaviour is tested through real containers (``test_adversarial``, ``test_pool``,
``test_bytes``); here, what it leaves at module level when loaded as it is shipped.
"""

from __future__ import annotations

import ast
import struct
import types
from typing import Any

from refute.sandbox._container import executor_source

IMMUTABLE = (int, float, str, bytes, type(None), frozenset, struct.Struct)
"""Values that cannot change once bound (a ``struct.Struct`` has no setter)."""
CODE = (types.FunctionType, types.BuiltinFunctionType, types.ModuleType)


def _loaded() -> dict[str, Any]:
    """The executor's module namespace, executed from the source the host ships."""
    namespace: dict[str, Any] = {"__name__": "refute_executor"}
    exec(compile(executor_source(), "_executor.py", "exec"), namespace)
    return namespace


def _constant(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_constant(item) for item in value)
    if isinstance(value, types.MappingProxyType):
        return all(_constant(item) for item in value.values())
    if isinstance(value, types.GenericAlias) or type(value).__module__ == "typing":
        return True  # a type alias, or a typing form such as ``TypeAlias``
    return isinstance(value, IMMUTABLE)


def _mutable_state(namespace: dict[str, Any]) -> list[str]:
    """Module globals and class attributes that hold a value which can change."""
    found = []
    for name, value in namespace.items():
        if name.startswith("__") or isinstance(value, CODE):
            continue
        if isinstance(value, type) and value.__module__ != namespace.get("__name__"):
            continue  # an imported class
        if isinstance(value, type):
            found += [
                f"{name}.{attribute}"
                for attribute, held in vars(value).items()
                if not attribute.startswith("__")
                and not callable(held)
                and not isinstance(held, (staticmethod, classmethod, property))
                and not _constant(held)
            ]
        elif not _constant(value):
            found.append(name)
    return found


def test_the_executor_keeps_no_mutable_state_at_module_level() -> None:
    assert _mutable_state(_loaded()) == []


def test_the_check_finds_state_left_at_module_level() -> None:
    namespace = {
        "__name__": "module",
        "LIMIT": 3,
        "_SEEN": [0],
        "_INDEX": {},
        "Holder": type("Holder", (), {"x": [], "__module__": "module"}),
    }
    assert _mutable_state(namespace) == ["_SEEN", "_INDEX", "Holder.x"]


def test_the_executor_rebinds_no_module_level_name() -> None:
    tree = ast.parse(executor_source())
    rebinding = [
        node.lineno for node in ast.walk(tree) if isinstance(node, (ast.Global, ast.Nonlocal))
    ]
    assert rebinding == []
