"""What the SDK providers share: where to send, with which key, and one request's errors."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

from ._errors import ModelConfigError
from ._retry import call_sdk
from ._spec import ModelSpec


class SdkProvider:
    """A provider over a vendor's SDK: the key and the address come from the arguments,
    else from the environment (``key_variable``, ``base_url_variable``), else the vendor's
    own address; each request goes through ``call_sdk``, which turns the SDK's errors into
    ours. The SDK's own retries are off (subclasses build the client in ``_connect``): the
    model's ``RetryPolicy`` is the one retry loop.
    """

    key_variable: ClassVar[str]
    base_url_variable: ClassVar[str]
    official_base_url: ClassVar[str]
    missing_key_hint: ClassVar[str] = ""
    """Said after "no API key; set KEY_VARIABLE" when neither argument nor variable gives one."""

    def __init__(
        self, spec: ModelSpec, *, api_key: str | None, base_url: str | None, timeout_s: float
    ) -> None:
        key = api_key or os.environ.get(self.key_variable)
        if not key:
            raise ModelConfigError(
                f"{spec}: no API key; set {self.key_variable}{self.missing_key_hint}"
            )
        self.spec = spec
        url = base_url or os.environ.get(self.base_url_variable) or self.official_base_url
        self.base_url = url.rstrip("/")
        self._timeout_s = timeout_s
        self._connect(key)

    def _connect(self, key: str) -> None:
        """Build the SDK client (imported there: the SDKs take seconds to import, and most
        commands need neither)."""
        raise NotImplementedError

    async def _request(self, sdk: Any, request: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
        """``request()`` through ``call_sdk``; ``sdk`` is the module whose errors it raises."""
        return await call_sdk(
            sdk,
            request,
            model=str(self.spec),
            base_url=self.base_url,
            key_variable=self.key_variable,
            timeout_s=self._timeout_s,
        )
