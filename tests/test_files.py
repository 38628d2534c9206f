"""refute.files: atomic writes, the cache directory, the bundled folders."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from refute.files import atomic_write, bundled_dir, cache_dir, writable_dir


def test_atomic_write_creates_the_parent_and_writes_text_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "note.txt"
    atomic_write(target, "größe\n")
    assert target.read_bytes() == "größe\n".encode()


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")
    atomic_write(target, b"new", durable=True)
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_failed_write_keeps_the_old_content_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")
    with pytest.raises(TypeError):
        atomic_write(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_atomic_write_gives_the_permissions_open_would(tmp_path: Path) -> None:
    target = tmp_path / "summary.json"
    atomic_write(target, "{}")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_writable_dir_makes_the_folder_and_leaves_no_probe(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    writable_dir(folder, probe=".results.json.write-test")
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_writable_dir_raises_oserror_where_no_folder_can_be(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError):
        writable_dir(blocker / "run")


def test_cache_dir_follows_refute_cache_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REFUTE_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path / "refute"


def test_cache_dir_follows_the_platform_convention(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REFUTE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "refute"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "refute"


def test_bundled_dir_finds_the_problems_and_the_image_context() -> None:
    assert (bundled_dir("problems") / "charged-pair" / "problem.toml").is_file()
    assert (bundled_dir("sandbox") / "Dockerfile").is_file()
