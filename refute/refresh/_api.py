"""The Codeforces API and site, politely: one call per interval, backoff on refusal.

Only the documented read-only methods are used (``contest.list``, ``contest.standings``,
``problemset.problems``, ``contest.hacks``, ``contest.status``, ``contest.ratingChanges``;
shapes as in codeforces.com/apiHelp). Sources and statements are not in the API: they are HTML
pages of the site, fetched with the same client and the same pacing.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from .. import __version__
from ..errors import RefreshError

CODEFORCES_URL = "https://codeforces.com"
PROJECT_URL = "https://github.com/refute-bench/refute"
"""Named in the User-Agent so that the site's operators know who is calling (placeholder)."""

USER_AGENT = f"refute/{__version__} (+{PROJECT_URL}; problem-set refresh)"

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CALL_LIMIT = "call limit exceeded"

_T = TypeVar("_T", bound=BaseModel)


class CodeforcesError(RefreshError):
    """The API refused a request (``status: FAILED`` with a comment), or the site failed.

    Args:
        message: one line for humans, naming the method or page.
        comment: the API's own ``comment``, when it gave one.
    """

    def __init__(self, message: str, comment: str | None = None):
        super().__init__(message)
        self.comment = comment


class _Shape(BaseModel):
    """API objects: camelCase on the wire, unknown fields ignored (the API adds fields)."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")


class Contest(_Shape):
    """A ``Contest`` of the API (only the fields the refresh reads)."""

    id: int
    name: str
    type: str = ""
    phase: str = ""
    duration_seconds: int = 0
    start_time_seconds: int | None = None


class CfProblem(_Shape):
    """A ``Problem`` of the API. ``rating`` is absent until Codeforces rates it."""

    contest_id: int | None = None
    index: str
    name: str = ""
    type: str = "PROGRAMMING"
    rating: int | None = None
    tags: list[str] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """``2000A``: contest id and index, Codeforces' usual name for a problem."""
        return f"{self.contest_id}{self.index}"


class Member(_Shape):
    handle: str
    name: str | None = None


class Party(_Shape):
    """Who took part: one member, or a team."""

    contest_id: int | None = None
    members: list[Member] = Field(default_factory=list)
    participant_type: str = ""
    team_name: str | None = None

    @property
    def handles(self) -> tuple[str, ...]:
        return tuple(sorted(member.handle for member in self.members))

    @property
    def label(self) -> str:
        return self.team_name or ", ".join(self.handles) or "?"


class JudgeProtocol(_Shape):
    manual: str | bool = False
    protocol: str = ""
    verdict: str = ""


class Hack(_Shape):
    """A ``Hack``: ``test`` is absent for some hacks (generated tests, hidden ones)."""

    id: int
    creation_time_seconds: int = 0
    hacker: Party
    defender: Party
    verdict: str | None = None
    problem: CfProblem
    test: str | None = None
    judge_protocol: JudgeProtocol | None = None


class CfSubmission(_Shape):
    """A Codeforces API ``Submission``; ``verdict`` is absent while it is being judged."""

    id: int
    contest_id: int | None = None
    creation_time_seconds: int = 0
    relative_time_seconds: int = 0
    problem: CfProblem
    author: Party
    programming_language: str = ""
    verdict: str | None = None
    testset: str = ""
    passed_test_count: int = 0


class RatingChange(_Shape):
    handle: str
    old_rating: int
    new_rating: int = 0


class ClientStats(BaseModel):
    """What the client did: calls per API method, pages fetched, retries."""

    api_calls: dict[str, int] = Field(default_factory=dict)
    pages: list[str] = Field(default_factory=list)
    retries: int = 0


class CodeforcesClient:
    """An async client for the Codeforces API and pages; use as an async context manager.

    Every request (API call or page) waits until ``rate_limit_s`` has passed since the
    previous one: Codeforces allows one API call per two seconds. A refusal for the call
    limit (``status: FAILED``, ``comment: Call limit exceeded``), an HTTP 429 or 5xx, or
    a network failure is retried after ``backoff_s``, doubling up to ``max_backoff_s``,
    at most ``max_attempts`` times in all; any other ``FAILED`` is a ``CodeforcesError``.

    Args:
        base_url: the site (default ``https://codeforces.com``); the API is under ``/api``.
        rate_limit_s: least time between two requests (default 2.0).
        max_attempts: tries per request (default 6).
        backoff_s: the first retry's delay (default 2.0); doubles each time.
        max_backoff_s: the longest delay (default 60).
        timeout_s: per-request time-out (default 60).
        transport: an ``httpx`` transport, for tests (default: the network).

    Example::

        async with CodeforcesClient() as codeforces:
            contests = await codeforces.contests()
            hacks = await codeforces.hacks(contests[0].id)
            html = await codeforces.page(f"/contest/{contests[0].id}/problem/A")
    """

    def __init__(
        self,
        base_url: str = CODEFORCES_URL,
        *,
        rate_limit_s: float = 2.0,
        max_attempts: int = 6,
        backoff_s: float = 2.0,
        max_backoff_s: float = 60.0,
        timeout_s: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.rate_limit_s = rate_limit_s
        self.max_attempts = max(1, max_attempts)
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.stats = ClientStats()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT},
            timeout=timeout_s,
            transport=transport,
            follow_redirects=True,
        )
        self._pace = asyncio.Lock()
        self._last = 0.0

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> CodeforcesClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    # -- the methods ------------------------------------------------------------------

    async def contests(self, *, gym: bool = False) -> list[Contest]:
        """``contest.list``: every contest (or every gym contest), newest first."""
        result = await self.call("contest.list", {"gym": str(gym).lower()})
        return _parse_list(Contest, result, "contest.list")

    async def contest_problems(self, contest_id: int) -> list[CfProblem]:
        """The problems of a contest, from ``contest.standings`` with ``count=1``."""
        result = await self.call(
            "contest.standings", {"contestId": contest_id, "from": 1, "count": 1}
        )
        problems = result.get("problems", []) if isinstance(result, dict) else []
        return _parse_list(CfProblem, problems, "contest.standings")

    async def problemset(self) -> list[CfProblem]:
        """``problemset.problems``: every problem of the archive, with ratings and tags."""
        result = await self.call("problemset.problems", {})
        problems = result.get("problems", []) if isinstance(result, dict) else []
        return _parse_list(CfProblem, problems, "problemset.problems")

    async def hacks(self, contest_id: int) -> list[Hack]:
        """``contest.hacks``: every hack of a contest."""
        result = await self.call("contest.hacks", {"contestId": contest_id})
        return _parse_list(Hack, result, "contest.hacks")

    async def submissions(self, contest_id: int) -> list[CfSubmission]:
        """``contest.status``: every submission of a contest."""
        result = await self.call("contest.status", {"contestId": contest_id})
        return _parse_list(CfSubmission, result, "contest.status")

    async def rating_changes(self, contest_id: int) -> dict[str, int]:
        """``contest.ratingChanges``: each rated participant's rating before the contest.

        Unrated contests have none: the answer is then empty, not an error.
        """
        try:
            result = await self.call("contest.ratingChanges", {"contestId": contest_id})
        except CodeforcesError as error:
            if error.comment is not None:
                return {}  # e.g. "Rating changes are unavailable for this contest"
            raise
        return {
            change.handle: change.old_rating
            for change in _parse_list(RatingChange, result, "contest.ratingChanges")
        }

    async def page(self, path: str) -> str:
        """The HTML of a page of the site (``/contest/2000/problem/A``)."""
        response = await self._request(path, {})
        self.stats.pages.append(path)
        if response.status_code != 200:
            raise CodeforcesError(f"{self.base_url}{path}: HTTP {response.status_code}")
        return response.text

    # -- plumbing ---------------------------------------------------------------------

    async def call(self, method: str, params: Mapping[str, Any]) -> Any:
        """Call an API method; its ``result``, or ``CodeforcesError`` with the comment."""
        delay = self.backoff_s
        for attempt in range(1, self.max_attempts + 1):
            response = await self._request(f"/api/{method}", params)
            self.stats.api_calls[method] = self.stats.api_calls.get(method, 0) + 1
            try:
                body = response.json()
            except ValueError:
                body = None
            comment = str(body.get("comment", "")) if isinstance(body, dict) else ""
            if isinstance(body, dict) and body.get("status") == "OK":
                return body.get("result")
            limited = CALL_LIMIT in comment.lower()
            what = comment or f"HTTP {response.status_code}"
            if body is None:
                what += " (the answer is not JSON: a challenge page?)"
            if response.status_code not in RETRY_STATUSES and not limited:
                raise CodeforcesError(f"Codeforces API {method}: {what}", comment or None)
            if attempt == self.max_attempts:
                raise CodeforcesError(
                    f"Codeforces API {method}: {what} ({attempt} attempts)", comment or None
                )
            self.stats.retries += 1
            await asyncio.sleep(_retry_after(response, delay))
            delay = min(delay * 2, self.max_backoff_s)
        raise AssertionError("unreachable")

    async def _request(self, path: str, params: Mapping[str, Any]) -> httpx.Response:
        """One GET, paced; network failures and 429/5xx on pages are retried here."""
        delay = self.backoff_s
        for attempt in range(1, self.max_attempts + 1):
            response: httpx.Response | None = None
            async with self._pace:
                wait = self._last + self.rate_limit_s - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                try:
                    response = await self._http.get(path, params=dict(params))
                    failure = f"HTTP {response.status_code}"
                except httpx.TransportError as error:
                    failure = f"{type(error).__name__}: {error}"
                finally:
                    self._last = time.monotonic()
            if response is not None and (
                path.startswith("/api/") or response.status_code not in RETRY_STATUSES
            ):
                return response  # the API's refusals are read (and retried) by call()
            if attempt == self.max_attempts:
                raise CodeforcesError(f"{self.base_url}{path}: {failure} ({attempt} attempts)")
            self.stats.retries += 1
            await asyncio.sleep(_retry_after(response, delay) if response is not None else delay)
            delay = min(delay * 2, self.max_backoff_s)
        raise AssertionError("unreachable")


def _retry_after(response: httpx.Response, default: float) -> float:
    """The server's ``Retry-After`` (seconds) when it gave one, else ``default``."""
    value = response.headers.get("retry-after", "")
    if re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        return min(float(value), 300.0)
    return default


def _parse_list(shape: type[_T], result: Any, method: str) -> list[_T]:
    if not isinstance(result, list):
        raise CodeforcesError(f"Codeforces API {method}: expected a list, got {type(result)}")
    try:
        return [shape.model_validate(item) for item in result]
    except ValidationError as error:
        first = str(error).splitlines()[0]
        raise CodeforcesError(f"Codeforces API {method}: unexpected answer ({first})") from error
