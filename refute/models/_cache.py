"""The on-disk response cache: one JSON file per completion, keyed by everything asked."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..files import atomic_write, cache_dir
from ._types import Completion, Message, Sampling, ToolSpec

_log = logging.getLogger(__name__)

_KEY_VERSION = 1
"""Bump when the key's recipe changes, so old entries are no longer found."""


def default_cache_dir() -> Path:
    """``responses/`` under :func:`refute.files.cache_dir`, the base the sandbox's compile
    cache shares: ``$REFUTE_CACHE_DIR/refute/responses`` when set, else
    ``~/.cache/refute/responses`` (``$XDG_CACHE_HOME`` honoured)."""
    return cache_dir() / "responses"


class ResponseCache:
    """Completions on disk, so that re-running an attempt costs nothing and replays exactly.

    The key is a SHA-256 of the provider, base URL, model, messages, tools, sampling and
    the attempt key: two attempts of one task (different attempt keys) get their own
    samples, and a re-run of the same attempt finds its answers. Writes are atomic (a
    temporary file renamed into place), so a crash never leaves a half-written entry,
    and an unreadable entry counts as a miss.

    Args:
        directory: where entries live (default :func:`default_cache_dir`).

    Example::

        cache = ResponseCache(Path("/tmp/responses"))
        model = get_model("openai/gpt-4o-mini", cache=cache)
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()

    @staticmethod
    def key(
        *,
        provider: str,
        base_url: str,
        model: str,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec] | None,
        sampling: Sampling,
        attempt_key: str | None,
    ) -> str:
        """The hex SHA-256 naming the completion of exactly this request."""
        payload = {
            "version": _KEY_VERSION,
            "provider": provider,
            "base_url": base_url.rstrip("/"),
            "model": model,
            "messages": [m.model_dump(mode="json") for m in messages],
            "tools": [t.model_dump(mode="json") for t in tools or ()],
            # None fields are left out so that a new optional setting keeps old keys.
            "sampling": sampling.model_dump(mode="json", exclude_none=True),
            "attempt_key": attempt_key,
        }
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry for ``key`` lives."""
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Completion | None:
        """The stored completion, or None (absent or unreadable)."""
        try:
            return Completion.model_validate_json(self.path(key).read_bytes())
        except (OSError, ValidationError):
            return None

    def put(self, key: str, completion: Completion) -> None:
        """Store ``completion``; a failure to write is logged, never raised (the answer
        is already paid for and is still returned)."""
        path = self.path(key)
        try:
            atomic_write(path, completion.model_dump_json())
        except OSError as error:
            _log.warning("response cache: cannot write %s: %s", path, error)
