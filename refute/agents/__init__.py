"""Agents: what tries to refute an incorrect submission, and the tools it may use.

An agent implements the ``Agent`` protocol: ``attempt(task: TaskView, tools: Toolbox)
-> Candidate``. Built-ins: ``fuzz`` (no model) and the REFUTE paper's methods; custom
agents plug in by ``--agent package.module:ClassName`` or the ``refute.agents`` entry
point group.
"""

from ._metered import MeteredModel
from ._protocol import Agent
from ._registry import (
    ENTRY_POINT_GROUP,
    AgentEntry,
    UnknownAgentError,
    available_agents,
    resolve_agent,
)
from ._toolbox import BudgetExceeded, Toolbox, ToolRecord, ToolUsage, Validity
from ._types import Budget, Candidate, ExampleView, ProgramSource, TaskView

__all__ = [
    "ENTRY_POINT_GROUP",
    "Agent",
    "AgentEntry",
    "Budget",
    "BudgetExceeded",
    "Candidate",
    "ExampleView",
    "MeteredModel",
    "ProgramSource",
    "TaskView",
    "ToolRecord",
    "ToolUsage",
    "Toolbox",
    "UnknownAgentError",
    "Validity",
    "available_agents",
    "resolve_agent",
]
