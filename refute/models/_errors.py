"""The faults of the model layer, each a :class:`~refute.errors.RefuteError` of one line."""

from __future__ import annotations

from ..errors import ModelError

__all__ = ["ModelConfigError", "ModelError", "ModelRequestError", "ModelUnavailableError"]


class ModelConfigError(ModelError):
    """The model cannot be used as configured: fatal for the whole run.

    An unknown provider, a missing or rejected API key (401, 403), a model or endpoint
    that does not exist (404). Retrying cannot help; the user must change a flag or an
    environment variable. The message names the model and what to check, e.g.
    ``openai/gpt-x: the API key was rejected (401); check OPENAI_API_KEY``.
    """


class ModelUnavailableError(ModelError):
    """The provider did not answer usefully after every retry: an infrastructure fault.

    Raised once rate limits (429), server errors (5xx), time-outs or connection errors
    outlast the :class:`~refute.models.RetryPolicy`. The runner counts it apart from
    agent failures, and ``--resume`` tries the attempt again.
    """


class ModelRequestError(ModelError):
    """The provider refused this one request (400, 413, 422, ...), e.g. a context too long.

    Fatal for the attempt that sent it, not for the run: another conversation may be
    accepted.
    """
