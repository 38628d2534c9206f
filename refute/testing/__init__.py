"""Test doubles that are useful beyond refute's own tests.

``ModelServer`` is a real local HTTP server speaking the OpenAI chat-completions and
Anthropic messages APIs (tool calls included), answering from a script: for tests of
custom agents, and for ``refute bench runner``. It only ever listens on 127.0.0.1.
"""

from ._model_server import (
    DEFAULT_API_KEY,
    Call,
    Empty,
    Fault,
    Hangup,
    Malformed,
    ModelServer,
    Reply,
    Request,
    Slow,
)

__all__ = [
    "DEFAULT_API_KEY",
    "Call",
    "Empty",
    "Fault",
    "Hangup",
    "Malformed",
    "ModelServer",
    "Reply",
    "Request",
    "Slow",
]
