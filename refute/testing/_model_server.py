"""A scripted model server: real HTTP on 127.0.0.1 speaking the OpenAI and Anthropic APIs.

Tests run the real SDKs against it, so what is exercised is exactly what runs against a
real provider, down to the headers and the JSON on the wire. A test scripts the replies,
in order, then asserts on what the server received::

    server.script([
        Reply(tool_calls=[Call("run", {"code": "print(1)"})]),
        Fault(status=429, retry_after=1),
        Reply(text="the answer"),
    ])
    ...                                   # drive a model or an agent
    assert server.requests[0].body["tools"][0]["function"]["name"] == "run"

Each request takes the next scripted action; with none left it asks the responder, a
callback ``fn(request) -> action`` set with :meth:`ModelServer.respond_with` (for
answers that depend on the request, or the same answer forever). With neither, the
server answers 418 and says so, which the model layer reports as a refused request.

Actions:

- :class:`Reply` -- text and/or tool calls, with a stop reason and token counts.
- :class:`Fault` -- an HTTP error status (429, 500, 529, ...), optionally with
  ``Retry-After``.
- :class:`Slow` -- wait, then do another action (time-outs, concurrency).
- :class:`Malformed` -- 200 with a body that is not an answer: not JSON by default,
  or any bytes with any content type (an HTML page, ``{"foo": 1}``).
- :class:`Empty` -- 200 with a well-formed envelope and no content.
- :class:`Hangup` -- close the connection without answering.

The server also checks the API key (``x-api-key`` or else ``Authorization: Bearer``;
anything but :attr:`ModelServer.api_key` gets 401) and, when
:attr:`ModelServer.known_models` is set, answers 404 for any other model.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_API_KEY = "sk-refute-test"


@dataclass(frozen=True)
class Call:
    """A tool call in a scripted reply: the tool's name and its arguments.

    ``arguments`` is sent as given when it is a string (to script invalid JSON), else
    JSON-encoded for OpenAI and as an object for Anthropic. ``id`` defaults to
    ``call_<n>`` (OpenAI) or ``toolu_<n>`` (Anthropic), numbered across the server's life.
    """

    name: str
    arguments: dict[str, Any] | str = field(default_factory=dict)
    id: str | None = None


@dataclass(frozen=True)
class Reply:
    """A successful answer.

    ``stop_reason`` defaults to the provider's own word for "tool calls" when there are
    tool calls and for "finished" otherwise; give it to script e.g. a length stop
    (``"length"`` for OpenAI, ``"max_tokens"`` for Anthropic). ``model`` defaults to the
    requested model. ``reasoning`` becomes an Anthropic thinking block or an OpenAI
    ``reasoning_content`` field (as DeepSeek and vLLM send).
    """

    text: str = ""
    tool_calls: list[Call] = field(default_factory=list)
    stop_reason: str | None = None
    input_tokens: int = 10
    output_tokens: int = 5
    model: str | None = None
    reasoning: str | None = None


@dataclass(frozen=True)
class Fault:
    """An HTTP error: ``status`` with a provider-shaped error body.

    ``retry_after`` becomes the ``Retry-After`` header: seconds (a number) or an HTTP
    date (a string, sent as is).
    """

    status: int
    retry_after: float | str | None = None
    message: str = "scripted fault"


@dataclass(frozen=True)
class Slow:
    """Wait ``seconds`` (wall time, on the server), then perform ``then``."""

    seconds: float
    then: Action


@dataclass(frozen=True)
class Malformed:
    """A 200 whose body is not an answer of the API: by default JSON cut short.

    Give ``body`` and ``content_type`` for other cases: a proxy's HTML error page
    (``content_type="text/html"``), JSON of another shape (``b'{"foo": 1}'``).
    """

    body: bytes = b'{"choices": [ this is not json'
    content_type: str = "application/json"


@dataclass(frozen=True)
class Empty:
    """A 200 with a well-formed envelope but no content: no text, no tool calls."""


@dataclass(frozen=True)
class Hangup:
    """Close the connection without sending a response."""


Action = Reply | Fault | Slow | Malformed | Empty | Hangup
Responder = Callable[["Request"], Action]


@dataclass(frozen=True)
class Request:
    """One request as the server received it.

    ``headers`` has lower-case names; ``body`` is the decoded JSON (None for a GET or a
    body that is not JSON).
    """

    method: str
    path: str
    headers: dict[str, str]
    body: Any

    @property
    def provider(self) -> str:
        """``"anthropic"`` for the messages API, else ``"openai"``."""
        return "anthropic" if self.path.startswith("/v1/messages") else "openai"


class ModelServer:
    """The server; use as a context manager or call :meth:`start` and :meth:`stop`.

    Args:
        api_key: the only key accepted (default ``sk-refute-test``).
        known_models: when set, any other requested model gets 404.

    Example::

        with ModelServer() as server:
            server.script([Reply(text="hello")])
            client = AsyncOpenAI(base_url=server.openai_base_url, api_key=server.api_key)
            ...
    """

    def __init__(
        self, api_key: str = DEFAULT_API_KEY, known_models: Iterable[str] | None = None
    ) -> None:
        self.api_key = api_key
        self.known_models: set[str] | None = set(known_models) if known_models else None
        self._lock = threading.Lock()
        self._script: deque[Action] = deque()
        self._responder: Responder | None = None
        self._requests: list[Request] = []
        self._in_flight = 0
        self._peak = 0
        self._ids = 0
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> ModelServer:
        """Bind a free port on 127.0.0.1 and serve from a background thread."""
        handler = type("Handler", (_Handler,), {"model_server": self})
        self._httpd = _QuietHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},  # how soon stop() is noticed
            name="model-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; slow replies still waiting are cut short."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ModelServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        assert self._httpd is not None, "the server is not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def openai_base_url(self) -> str:
        """The value for ``OPENAI_BASE_URL`` (ends in ``/v1``)."""
        return f"{self.url}/v1"

    @property
    def anthropic_base_url(self) -> str:
        """The value for ``ANTHROPIC_BASE_URL`` (the SDK adds ``/v1/messages``)."""
        return self.url

    # -- scripting --------------------------------------------------------------------

    def script(self, actions: Iterable[Action]) -> None:
        """Queue actions; each request takes the next one."""
        with self._lock:
            self._script.extend(actions)

    def respond_with(self, responder: Responder | None) -> None:
        """Answer with ``responder(request)`` once the script is used up."""
        with self._lock:
            self._responder = responder

    @property
    def pending(self) -> int:
        """How many scripted actions are not used yet."""
        with self._lock:
            return len(self._script)

    # -- what was received ------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        """Every request received so far, in order of arrival (a copy)."""
        with self._lock:
            return list(self._requests)

    def completions(self) -> list[Request]:
        """The requests to the chat endpoints only (no model listings)."""
        return [r for r in self.requests if r.method == "POST"]

    @property
    def peak_concurrency(self) -> int:
        """The most chat requests that were being answered at the same time."""
        with self._lock:
            return self._peak

    # -- used by the handler ----------------------------------------------------------

    def _record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_action(self, request: Request) -> Action | None:
        with self._lock:
            if self._script:
                return self._script.popleft()
            responder = self._responder
        return responder(request) if responder is not None else None

    def _next_id(self) -> int:
        with self._lock:
            self._ids += 1
            return self._ids

    def _enter(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._peak = max(self._peak, self._in_flight)

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _QuietHTTPServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client hung up first (it timed out on a Slow reply)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    model_server: ModelServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body waits for
    # the client's delayed ACK, some 40 ms a request.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default per-request line on stderr."""

    def do_GET(self) -> None:
        request = self._read()
        if not request.path.startswith("/v1/models"):
            self._send_json(404, {"error": {"message": f"no route {request.path}"}})
            return
        if not self._authorised(request):
            return
        models = sorted(self.model_server.known_models or {"test-model"})
        data = [
            {"id": m, "object": "model", "type": "model", "created": 0, "owned_by": "refute"}
            for m in models
        ]
        self._send_json(200, {"object": "list", "data": data, "has_more": False})

    def do_POST(self) -> None:
        request = self._read()
        if request.path not in ("/v1/chat/completions", "/v1/messages"):
            self._send_json(404, {"error": {"message": f"no route {request.path}"}})
            return
        server = self.model_server
        server._enter()
        try:
            if not self._authorised(request):
                return
            model = request.body.get("model") if isinstance(request.body, dict) else None
            if server.known_models is not None and model not in server.known_models:
                self._send_error(request, 404, f"The model `{model}` does not exist")
                return
            action = server._next_action(request)
            if action is None:
                self._send_error(request, 418, "model_server: no scripted reply left")
                return
            self._perform(request, action)
        finally:
            server._leave()

    # -- helpers ----------------------------------------------------------------------

    def _read(self) -> Request:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(method=self.command, path=self.path, headers=headers, body=body)
        self.model_server._record(request)
        return request

    def _authorised(self, request: Request) -> bool:
        # Anthropic's SDK sends x-api-key (older versions) or a bearer token (newer ones).
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        key = request.headers.get("x-api-key", bearer)
        if key == self.model_server.api_key:
            return True
        self._send_error(request, 401, "invalid x-api-key / Incorrect API key provided")
        return False

    def _perform(self, request: Request, action: Action) -> None:
        server = self.model_server
        while isinstance(action, Slow):
            server._sleep(action.seconds)
            action = action.then
        if isinstance(action, Hangup):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif isinstance(action, Fault):
            headers = {}
            if action.retry_after is not None:
                headers["retry-after"] = str(action.retry_after)
            self._send_error(request, action.status, action.message, headers)
        elif isinstance(action, Malformed):
            self._send_raw(200, action.body, action.content_type)
        elif isinstance(action, Empty):
            self._send_json(200, _empty_body(request))
        else:
            self._send_json(200, self._reply_body(request, action))

    def _reply_body(self, request: Request, reply: Reply) -> dict[str, Any]:
        model = reply.model or request.body.get("model", "test-model")
        if request.provider == "anthropic":
            return self._anthropic_reply(model, reply)
        return self._openai_reply(model, reply)

    def _openai_reply(self, model: str, reply: Reply) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
        if reply.reasoning is not None:
            message["reasoning_content"] = reply.reasoning
        if reply.tool_calls:
            message["tool_calls"] = [
                {
                    "id": call.id or f"call_{self.model_server._next_id()}",
                    "type": "function",
                    "function": {
                        "name": call.name,
                        "arguments": call.arguments
                        if isinstance(call.arguments, str)
                        else json.dumps(call.arguments),
                    },
                }
                for call in reply.tool_calls
            ]
        finish = reply.stop_reason or ("tool_calls" if reply.tool_calls else "stop")
        return {
            "id": f"chatcmpl-{self.model_server._next_id()}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": reply.input_tokens,
                "completion_tokens": reply.output_tokens,
                "total_tokens": reply.input_tokens + reply.output_tokens,
            },
        }

    def _anthropic_reply(self, model: str, reply: Reply) -> dict[str, Any]:
        content: list[dict[str, Any]] = []
        if reply.reasoning is not None:
            content.append({"type": "thinking", "thinking": reply.reasoning, "signature": "sig"})
        if reply.text:
            content.append({"type": "text", "text": reply.text})
        for call in reply.tool_calls:
            arguments = call.arguments
            content.append(
                {
                    "type": "tool_use",
                    "id": call.id or f"toolu_{self.model_server._next_id()}",
                    "name": call.name,
                    "input": json.loads(arguments) if isinstance(arguments, str) else arguments,
                }
            )
        stop = reply.stop_reason or ("tool_use" if reply.tool_calls else "end_turn")
        return {
            "id": f"msg_{self.model_server._next_id()}",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": {"input_tokens": reply.input_tokens, "output_tokens": reply.output_tokens},
        }

    def _send_error(
        self,
        request: Request,
        status: int,
        message: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        if request.provider == "anthropic":
            kind = {401: "authentication_error", 404: "not_found_error", 429: "rate_limit_error"}
            body: dict[str, Any] = {
                "type": "error",
                "error": {"type": kind.get(status, "api_error"), "message": message},
            }
        else:
            body = {"error": {"message": message, "type": "error", "code": str(status)}}
        self._send_json(status, body, headers)

    def _send_json(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        self._send_raw(status, json.dumps(body).encode(), "application/json", headers)

    def _send_raw(
        self, status: int, raw: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)


def _empty_body(request: Request) -> dict[str, Any]:
    model = request.body.get("model", "test-model") if isinstance(request.body, dict) else ""
    if request.provider == "anthropic":
        return {
            "id": "msg_empty",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": [],
            "stop_reason": "end_turn",
            "usage": {"input_tokens": 10, "output_tokens": 0},
        }
    return {
        "id": "chatcmpl-empty",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": None}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 0, "total_tokens": 10},
    }
