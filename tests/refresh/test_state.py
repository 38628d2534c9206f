"""The state file and the page cache: atomic, readable, and strict about what they hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refute.refresh import Decision, StateError, StateFile
from refute.refresh._state import PageCache, ProblemEntry


def entry(key: str, decision: Decision) -> ProblemEntry:
    return ProblemEntry(
        key=key, contest_id=1, index=key[-1], decision=decision, run="r1", decided="now"
    )


def test_a_decision_is_saved_at_once_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = StateFile(path)
    state.decide(entry("1A", Decision.SKIPPED))
    assert not list(tmp_path.glob("*.part"))
    again = StateFile(path)
    assert again.data.problems["1A"].decision is Decision.SKIPPED


def test_a_missing_state_file_is_an_empty_state(tmp_path: Path) -> None:
    state = StateFile(tmp_path / "nothing-yet.json")
    assert state.data.problems == {} and not state.path.exists()


def test_an_unreadable_state_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    with pytest.raises(StateError, match=r"state\.json: not a refresh state file"):
        StateFile(path)


def test_a_state_file_from_a_newer_refute_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 99}))
    with pytest.raises(StateError, match="upgrade refute"):
        StateFile(path)


def test_the_page_cache_keeps_pages_until_dropped(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache")
    assert cache.get("/contest/1/problem/A") is None
    cache.put("/contest/1/problem/A", "<html>A</html>")
    assert cache.get("/contest/1/problem/A") == "<html>A</html>"
    cache.drop(["/contest/1/problem/A", "/never/cached"])
    assert cache.get("/contest/1/problem/A") is None
