"""Shared fixtures: one real sandbox (real Docker engine) for the whole test session."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from refute.sandbox import IMAGE, Sandbox, SandboxConfig, docker_client
from refute.sandbox._container import wait_for_removal

pytest_plugins = ["tests.support.fixtures"]
"""The scripted model server (``model_server``, ``make_model``) for every test folder."""

TEST_IMAGE = os.environ.get("REFUTE_TEST_IMAGE", IMAGE)


@pytest.fixture(scope="session")
async def sandbox() -> AsyncIterator[Sandbox]:
    """Both pools, two containers each, shared by every test in the session."""
    config = SandboxConfig(image=TEST_IMAGE, judge_workers=2, untrusted_workers=2)
    async with Sandbox(config) as started:
        yield started
        ids = started.container_ids()  # the adversarial tests replace some containers
    assert wait_for_removal(docker_client(), ids), "sandbox containers outlived the session"
