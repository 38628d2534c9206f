"""Telling infrastructure faults from the agent's, and when they should stop a run.

The agent is blamed only for what it did. An exception from the sandbox (the engine,
a lost container), the model service (after its retries) or the host's disk is the
infrastructure's: the attempt is recorded as ``infra_error``, left out of the score and
redone by ``--resume``. When such faults persist the run stops instead of recording
every remaining attempt as one more infrastructure error.
"""

from __future__ import annotations

import asyncio
import errno
from enum import StrEnum

from docker.errors import DockerException

from ..errors import RefuteError
from ..models import ModelUnavailableError
from ..sandbox import SandboxError, docker_client

STOP_AFTER = 3
"""Infrastructure errors in a row, with no other result between them, that stop a run."""

_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})
_TRANSPORT_MODULES = ("requests", "urllib3", "docker", "http.client")


class InfrastructureError(RefuteError):
    """The run stopped because the infrastructure kept failing (the message says which
    and how to resume); the attempts recorded so far are kept."""


class Cause(StrEnum):
    """Which part of the infrastructure failed."""

    SANDBOX = "sandbox"
    MODEL = "model"
    DISK = "disk"


def infrastructure_cause(error: BaseException) -> Cause | None:
    """The part of the infrastructure that ``error`` comes from, or ``None`` when it is
    not an infrastructure fault (then the agent raised it: the agent's fault).

    Docker's client raises ``DockerException`` for the engine's answers, and the
    ``requests`` library's ``ConnectionError`` (an ``OSError``) when the engine's socket
    is gone; neither is the agent's doing.
    """
    if isinstance(error, SandboxError | DockerException):
        return Cause.SANDBOX
    if isinstance(error, ModelUnavailableError):
        return Cause.MODEL
    if isinstance(error, OSError):
        if type(error).__module__.startswith(_TRANSPORT_MODULES):
            return Cause.SANDBOX
        if error.errno in _DISK_ERRNOS:
            return Cause.DISK
    return None


async def engine_trouble() -> str | None:
    """Why the Docker engine cannot be used now, or ``None`` when it answers a ping."""
    try:
        client = await asyncio.wait_for(asyncio.to_thread(docker_client), 30)
    except TimeoutError:
        return "the Docker engine did not answer within 30 s"
    except (SandboxError, DockerException, OSError) as error:
        return str(error)
    client.close()
    return None


class Health:
    """Watches finished attempts and says when the run must stop.

    It stops at once when an attempt failed in the sandbox and the engine no longer
    answers; otherwise after ``STOP_AFTER`` infrastructure errors in a row (the model
    service keeps failing after its own retries, containers keep dying).
    """

    def __init__(self, stop_after: int = STOP_AFTER):
        self.stop_after = stop_after
        self.in_a_row = 0

    async def after(self, cause: Cause | None, message: str) -> str | None:
        """Record one finished attempt; the reason to stop the run, if it must."""
        if cause is None:
            self.in_a_row = 0
            return None
        self.in_a_row += 1
        if cause is Cause.SANDBOX:
            trouble = await engine_trouble()
            if trouble is not None:
                return trouble
        if cause is Cause.DISK:
            return f"the disk failed: {message}"
        if self.in_a_row >= self.stop_after:
            what = "the model service" if cause is Cause.MODEL else "the sandbox"
            return f"{what} failed {self.in_a_row} attempts in a row; last: {message}"
        return None
