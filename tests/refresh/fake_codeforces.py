"""A fake Codeforces: real HTTP on 127.0.0.1 serving API JSON and HTML pages.

The API answers in the shapes of codeforces.com/apiHelp (``{"status": "OK", "result":
...}`` or ``{"status": "FAILED", "comment": ...}``); pages are whatever HTML the test
registered. Faults are scripted per API method or page path, and every request is kept
so that tests can assert on what was fetched::

    with FakeCodeforces() as site:
        site.api["contest.list"] = [...]
        site.fail("contest.hacks", CALL_LIMIT)     # the first call is refused, the next not
        site.pages["/contest/1/problem/A"] = "<html>..."
        ...
        assert site.calls("contest.hacks") == 2
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

CALL_LIMIT = "Call limit exceeded"
"""A scripted fault: ``status: FAILED`` with Codeforces' call-limit comment (HTTP 503,
as the real API answers)."""


@dataclass(frozen=True)
class Seen:
    """One request: the path and the query parameters, and its User-Agent."""

    path: str
    query: dict[str, str]
    user_agent: str


class FakeCodeforces:
    """The fake site; use as a context manager.

    Attributes:
        api: method name -> ``result`` (or a callable of the query giving it).
        pages: path -> HTML.
    """

    def __init__(self) -> None:
        self.api: dict[str, Any] = {}
        self.pages: dict[str, str] = {}
        self.seen: list[Seen] = []
        self._faults: dict[str, deque[str | int]] = {}
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FakeCodeforces:
        handler = type("Handler", (_Handler,), {"site": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._httpd is not None and self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def fail(self, target: str, *faults: str | int) -> None:
        """Answer the next requests of an API method (or a page path) with these faults:
        ``CALL_LIMIT``, another ``FAILED`` comment, or an HTTP status."""
        with self._lock:
            self._faults.setdefault(target, deque()).extend(faults)

    def calls(self, method: str) -> int:
        """API calls of ``method`` received so far."""
        return sum(1 for s in self.seen if s.path == f"/api/{method}")

    def page_fetches(self) -> list[str]:
        """Paths of the page requests received so far (not the API's)."""
        return [s.path for s in self.seen if not s.path.startswith("/api/")]

    def _fault(self, target: str) -> str | int | None:
        with self._lock:
            queue = self._faults.get(target)
            return queue.popleft() if queue else None


class _Handler(BaseHTTPRequestHandler):
    site: FakeCodeforces
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        site = self.site
        with site._lock:
            site.seen.append(Seen(parts.path, query, self.headers.get("user-agent", "")))
        fault = site._fault(parts.path.removeprefix("/api/"))
        if parts.path.startswith("/api/"):
            self._api(parts.path.removeprefix("/api/"), query, fault)
        else:
            self._page(parts.path, fault)

    def _api(self, method: str, query: dict[str, str], fault: str | int | None) -> None:
        if isinstance(fault, int):
            self._send(fault, b"<html>busy</html>", "text/html")
            return
        if fault is not None:
            status = 503 if fault == CALL_LIMIT else 400
            self._json(status, {"status": "FAILED", "comment": fault})
            return
        if method not in self.site.api:
            self._json(400, {"status": "FAILED", "comment": f"method {method} is not served"})
            return
        result = self.site.api[method]
        if callable(result):
            answer: Callable[[dict[str, str]], Any] = result
            result = answer(query)
        self._json(200, {"status": "OK", "result": result})

    def _page(self, path: str, fault: str | int | None) -> None:
        if isinstance(fault, int):
            self._send(fault, b"<html>busy</html>", "text/html")
            return
        html = self.site.pages.get(path)
        if html is None:
            self._send(404, b"<html>no such page</html>", "text/html")
            return
        self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")

    def _json(self, status: int, body: Any) -> None:
        self._send(status, json.dumps(body).encode("utf-8"), "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
