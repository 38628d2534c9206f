"""Fixtures for the model layer's tests: the scripted server, models built against it."""

from __future__ import annotations

import socket

import pytest

# The fixtures model_server, make_model and model_provider come from tests.support.fixtures,
# registered for the whole suite in tests/conftest.py.


@pytest.fixture
def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, read, released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
