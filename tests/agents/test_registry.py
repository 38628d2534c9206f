"""Agents are found by name, by module:Class and by file.py:Class; bad names fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from refute.agents import UnknownAgentError, available_agents, resolve_agent

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "edge_case_agent.py"


def test_fuzz_is_built_in_and_needs_no_model() -> None:
    entry = resolve_agent("fuzz")
    assert entry.origin == "built-in" and not entry.needs_model and not entry.oracle
    assert "fuzz" in [e.name for e in available_agents()]


def test_module_colon_class() -> None:
    entry = resolve_agent("refute.agents.fuzz:FuzzAgent")
    assert entry.name == "fuzz"


def test_file_colon_class() -> None:
    entry = resolve_agent(f"{EXAMPLE}:EdgeCaseAgent")
    assert entry.name == "edge-case"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope", "no such agent"),
        ("no_such_module_xyz:Agent", "cannot import"),
        ("refute.agents.fuzz:Missing", "has no 'Missing'"),
        ("refute.agents:Budget", "has no attempt"),
    ],
)
def test_unknown_agents_are_clear_errors(spec: str, message: str) -> None:
    with pytest.raises(UnknownAgentError, match=message):
        resolve_agent(spec)
