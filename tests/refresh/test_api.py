"""The Codeforces client: shapes, pacing, backoff on the call limit and on 5xx/429."""

from __future__ import annotations

import time

import pytest

from refute.refresh import USER_AGENT, CodeforcesError

from . import world as fixtures
from .conftest import fast_client
from .fake_codeforces import CALL_LIMIT, FakeCodeforces


async def test_contests_are_read_with_gym_left_out(
    site: FakeCodeforces, world: fixtures.World
) -> None:
    async with fast_client(site) as client:
        contests = await client.contests()
    assert [(c.id, c.phase) for c in contests] == [
        (9050, "BEFORE"),
        (9001, "FINISHED"),
        (8990, "FINISHED"),
    ]
    assert site.seen[0].query == {"gym": "false"}


async def test_contest_data_is_read_in_the_documented_shapes(
    site: FakeCodeforces, world: fixtures.World
) -> None:
    async with fast_client(site) as client:
        problems = await client.contest_problems(9001)
        hacks = await client.hacks(9001)
        submissions = await client.submissions(9001)
        ratings = await client.rating_changes(9001)
        archive = await client.problemset()
    assert [p.key for p in problems] == ["9001A", "9001B", "9001C", "9001D", "9001E", "9001F"]
    assert site.seen[0].query == {"contestId": "9001", "from": "1", "count": "1"}
    assert hacks[0].defender.handles == ("alice",) and hacks[1].test is None
    assert submissions[0].programming_language == "GNU C++17"
    assert submissions[0].passed_test_count == 14
    assert ratings["frank"] == 2400
    assert "9001F" not in {p.key for p in archive}  # not rated yet


async def test_the_call_limit_is_waited_out(site: FakeCodeforces, world: fixtures.World) -> None:
    site.fail("contest.hacks", CALL_LIMIT, CALL_LIMIT)
    async with fast_client(site) as client:
        hacks = await client.hacks(9001)
        assert client.stats.retries == 2
    assert len(hacks) == len(fixtures.HACKS)
    assert site.calls("contest.hacks") == 3


async def test_server_errors_and_429_are_retried(
    site: FakeCodeforces, world: fixtures.World
) -> None:
    site.fail("contest.status", 502, 429)
    site.fail("/contest/9001/problem/A", 503)
    async with fast_client(site) as client:
        assert await client.submissions(9001)
        assert "Long Sum" in await client.page("/contest/9001/problem/A")
        assert client.stats.retries == 3


async def test_a_refusal_that_never_ends_is_an_error(site: FakeCodeforces) -> None:
    site.fail("contest.list", *[CALL_LIMIT] * 3)
    async with fast_client(site, max_attempts=3) as client:
        with pytest.raises(CodeforcesError, match=r"Call limit exceeded \(3 attempts\)"):
            await client.contests()


async def test_other_refusals_fail_at_once_with_the_comment(site: FakeCodeforces) -> None:
    site.fail("contest.hacks", "contestId: Contest with id 1 not found")
    async with fast_client(site) as client:
        with pytest.raises(CodeforcesError, match="Contest with id 1 not found") as raised:
            await client.hacks(1)
    assert raised.value.comment == "contestId: Contest with id 1 not found"
    assert site.calls("contest.hacks") == 1


async def test_an_unrated_contest_has_no_rating_changes(site: FakeCodeforces) -> None:
    site.fail("contest.ratingChanges", "contestId: Rating changes are unavailable for this contest")
    async with fast_client(site) as client:
        assert await client.rating_changes(9001) == {}


async def test_a_missing_page_is_an_error(site: FakeCodeforces) -> None:
    async with fast_client(site) as client:
        with pytest.raises(CodeforcesError, match="HTTP 404"):
            await client.page("/contest/1/problem/Z")


async def test_requests_are_paced_and_say_who_is_calling(
    site: FakeCodeforces, world: fixtures.World
) -> None:
    started = time.monotonic()
    async with fast_client(site, rate_limit_s=0.1) as client:
        for _ in range(3):
            await client.contests()
    assert time.monotonic() - started >= 0.2
    assert {s.user_agent for s in site.seen} == {USER_AGENT}
    assert USER_AGENT.startswith("refute/") and "+http" in USER_AGENT
