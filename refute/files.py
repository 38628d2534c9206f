"""Where refute keeps its files, and how it writes them so that a crash never leaves half a file.

Helpers used everywhere instead of local copies:

- :func:`atomic_write`: the new content appears whole or not at all;
- :func:`writable_dir`: a folder made and proven writable before any work goes there;
- :func:`cache_dir`: the per-user cache (compiled judge binaries, model responses);
- :func:`bundled_dir`: a folder that ships with refute (the problem set, the image's build
  context), whether refute runs from a checkout or from an installed wheel;
- :func:`checkout_root`: the source tree refute runs from, if it runs from one.

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "out" / "note.txt"
>>> atomic_write(target, "whole\\n")
>>> target.read_text()
'whole\\n'
>>> sorted(p.name for p in target.parent.iterdir())  # no temporary file left behind
['note.txt']
"""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import tempfile
from pathlib import Path

import platformdirs

__all__ = ["atomic_write", "bundled_dir", "cache_dir", "checkout_root", "writable_dir"]

_CHECKOUT = Path(__file__).resolve().parents[1]
"""The source tree's root when refute runs from a checkout (editable install)."""

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import, before any thread could race on it


def atomic_write(path: Path, data: str | bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one rename.

    The content goes to a uniquely named temporary file beside ``path`` first, so that two
    writers never share a temporary file and a reader sees the old content or the new, never
    a mix. The parent folder is created when missing. With ``durable``, the file is flushed
    to disk before the rename (for state that a resumed job must find after a power loss).

    Args:
        path: the file to write.
        data: its new content.
        durable: ``fsync`` before the rename (default ``False``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".part"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; give what open() would
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def writable_dir(folder: Path, probe: str = ".write-test") -> None:
    """Make ``folder`` (and its parents) and write and remove a probe file in it, named
    ``<probe>-<pid>``; raises ``OSError`` where that fails.

    Permissions alone say nothing for root, and a read-only or full file system shows only
    on writing: so a command checks its output folder this way before any work, and no
    result is lost at the end.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "run"
    >>> writable_dir(folder)
    >>> list(folder.iterdir())  # made, and the probe gone
    []
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{probe}-{os.getpid()}"
    target.write_bytes(b"")
    target.unlink()


def cache_dir() -> Path:
    """The per-user cache: ``$REFUTE_CACHE_DIR/refute`` when set, else the platform's cache
    folder (``$XDG_CACHE_HOME/refute``, by default ``~/.cache/refute`` on Linux).

    >>> cache_dir().name
    'refute'
    """
    override = os.environ.get("REFUTE_CACHE_DIR")
    if override:
        return Path(override) / "refute"
    return platformdirs.user_cache_path("refute")


def checkout_root() -> Path | None:
    """The source tree refute runs from (an editable install), or ``None`` for an installed
    package: then any git repository around site-packages is somebody else's.

    >>> root = checkout_root()
    >>> root is None or (root / "pyproject.toml").is_file()
    True
    """
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "problems").is_dir():
        return _CHECKOUT
    return None


def bundled_dir(name: str) -> Path:
    """A folder that ships with refute: ``refute/data/<name>`` inside an installed package
    (the wheel carries ``problems/`` and ``sandbox/`` there), else ``<checkout>/<name>`` when
    refute runs from its source tree, where those folders are kept.

    >>> (bundled_dir("problems") / "charged-pair" / "problem.toml").is_file()
    True
    """
    packaged = Path(str(importlib.resources.files("refute"))) / "data" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name
