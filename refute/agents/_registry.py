"""Finding agents by name: built-ins, the ``refute.agents`` entry points, ``module:Class``."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import AgentError
from ._protocol import Agent

ENTRY_POINT_GROUP = "refute.agents"


class UnknownAgentError(AgentError):
    """``--agent`` names nothing that can be loaded."""


AgentFactory = Callable[..., Agent]


@dataclass(frozen=True)
class AgentEntry:
    """An agent users can select: its name, where it comes from, and how to build it."""

    name: str
    origin: str
    factory: AgentFactory
    description: str

    @property
    def needs_model(self) -> bool:
        return bool(getattr(self.factory, "needs_model", False))

    @property
    def oracle(self) -> bool:
        return bool(getattr(self.factory, "oracle", False))


def _builtins() -> dict[str, AgentEntry]:
    from .fuzz import FuzzAgent
    from .methods import METHODS

    classes: list[Any] = [FuzzAgent, *METHODS]
    return {cls.name: _entry(cls.name, "built-in", cls) for cls in classes}


def _entry(name: str, origin: str, factory: Any) -> AgentEntry:
    doc = (getattr(factory, "__doc__", None) or "").strip().splitlines()
    return AgentEntry(name=name, origin=origin, factory=factory, description=doc[0] if doc else "")


def available_agents() -> list[AgentEntry]:
    """Every agent that can be selected by name: built-ins first, then entry points."""
    found = dict(_builtins())
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in found:
            continue
        try:
            found[point.name] = _entry(point.name, f"entry point {point.value}", point.load())
        except Exception as error:  # a broken plug-in must not hide the others
            found[point.name] = AgentEntry(
                name=point.name,
                origin=f"entry point {point.value}",
                factory=_broken(point.name, error),
                description=f"cannot be loaded: {error}",
            )
    return list(found.values())


def _broken(name: str, error: Exception) -> AgentFactory:
    def fail(*args: object, **kwargs: object) -> Agent:
        raise UnknownAgentError(f"agent {name!r} cannot be loaded: {error}")

    return fail


def _import(name: str) -> ModuleType:
    """A module by dotted name, or by file path (``examples/my_agent.py``)."""
    if name.endswith(".py"):
        path = Path(name)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None or not path.is_file():
            raise ImportError(f"no Python file at {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        return module
    return importlib.import_module(name)


def resolve_agent(spec: str) -> AgentEntry:
    """The agent named ``spec``: a registered name, ``package.module:ClassName`` or
    ``path/to/file.py:ClassName``.

    >>> resolve_agent("fuzz").origin
    'built-in'
    """
    if ":" in spec:
        module_name, _, attribute = spec.rpartition(":")
        try:
            module = _import(module_name)
        except (ImportError, OSError) as error:
            raise UnknownAgentError(
                f"--agent {spec}: cannot import {module_name}: {error}"
            ) from error
        factory = getattr(module, attribute, None)
        if factory is None:
            raise UnknownAgentError(f"--agent {spec}: {module_name} has no {attribute!r}")
        if not callable(getattr(factory, "attempt", None)):
            raise UnknownAgentError(f"--agent {spec}: {attribute} has no attempt() method")
        return _entry(str(getattr(factory, "name", attribute)), spec, factory)
    for entry in available_agents():
        if entry.name == spec:
            return entry
    names = ", ".join(entry.name for entry in available_agents())
    raise UnknownAgentError(f"--agent {spec}: no such agent (available: {names})")
