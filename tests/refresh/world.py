"""The Codeforces the refresh tests see: original tiny problems, submissions and hacks.

Contest 9001 (2026-06-02) has six problems:

- A "Long Sum" (1400): sum of up to 2e5 numbers. Alice's hacked C++ keeps the numbers in
  an array of 5000 (wrong only for n > 5000, out of the fuzz baseline's reach); Bob's
  hacked Python prints the absolute value (fails an example); Erin's overflows an
  ``int`` (wrong answer on the final tests, but no hack test shows it). Frank's accepted
  C++ has Alice's bug (it does not reproduce the jury's answer); Grace's Python is right.
  The statement has ``$$$`` math and an image. Bob's hack has no published test.
- B "Any Pair" (1500): "If there are multiple answers, print any of them."
- C "Guess the Number": interactive (tagged).
- D "Tiny Max" (800): below the rating floor.
- E "Overflow Sum" (1600): Judy's hacked C++ overflows an ``int``; random inputs find it.
- F "Fresh Paint": not rated yet.

Contest 8990 started before the window, 9050 has not finished, and ``add_later_contest``
adds 9002 (one problem below the floor) for the incremental tests.
"""

from __future__ import annotations

import datetime
import html
from typing import Any

from .fake_codeforces import FakeCodeforces

START = int(datetime.datetime(2026, 6, 2, 14, 35, tzinfo=datetime.UTC).timestamp())
SINCE = "2026-06-01"
UNTIL = "2026-06-30"

BIG_N = 5001
HACK_TEST = f"{BIG_N}\n" + " ".join(["1"] * BIG_N) + "\n"

ALICE = """\
#include <cstdio>
long long a[5000];
int main() {
    int n;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i % 5000]);
    long long s = 0;
    for (int i = 0; i < n && i < 5000; i++) s += a[i];
    printf("%lld\\n", s);
}
"""
BOB = """\
n = int(input())
print(abs(sum(map(int, input().split()))))
"""
ERIN = """\
#include <cstdio>
int main() {
    int n, s = 0;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) { int x; scanf("%d", &x); s += x; }
    printf("%d\\n", s);
}
"""
FRANK = ALICE
GRACE = """\
import sys
data = sys.stdin.read().split()
print(sum(map(int, data[1:])))
"""
JUDY = """\
#include <cstdio>
int main() {
    int n, s = 0;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) { int x; scanf("%d", &x); s += x; }
    printf("%d\\n", s);
}
"""
KARL = """\
#include <cstdio>
int main() {
    int n;
    long long s = 0;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) { long long x; scanf("%lld", &x); s += x; }
    printf("%lld\\n", s);
}
"""
PAIR_WRONG = "n = int(input())\nprint(1, 1)\n"
PAIR_RIGHT = "n = int(input())\nprint(1, n)\n"

GOOD_LONG_SUM_VALIDATOR = """\
import re
import sys

INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")


def fail(message):
    sys.stderr.write(message + "\\n")
    sys.exit(1)


def ints(line, low, high, name):
    tokens = line.split(" ")
    values = []
    for token in tokens:
        if not INTEGER.fullmatch(token):
            fail(f"{name}: {token!r} is not an integer")
        value = int(token)
        if not low <= value <= high:
            fail(f"{name}: {value} is out of range")
        values.append(value)
    return values


try:
    text = sys.stdin.buffer.read().decode("ascii")
except UnicodeDecodeError:
    fail("not ASCII")
if not text:
    fail("empty input")
lines = (text[:-1] if text.endswith("\\n") else text).split("\\n")
if len(lines) != 2:
    fail(f"expected 2 lines, found {len(lines)}")
(n,) = ints(lines[0], 1, LIMIT_N, "n")
values = ints(lines[1], LOW_A, HIGH_A, "a")
if len(values) != n:
    fail(f"expected {n} values, found {len(values)}")
"""


def long_sum_validator() -> str:
    source = GOOD_LONG_SUM_VALIDATOR.replace("LIMIT_N", "200000")
    return source.replace("LOW_A", "-10**9").replace("HIGH_A", "10**9")


def lax_long_sum_validator() -> str:
    """Checks the layout but no bound on the values: the mutation check turns it down."""
    source = GOOD_LONG_SUM_VALIDATOR.replace("LIMIT_N", "200000")
    return source.replace("LOW_A", "-10**30").replace("HIGH_A", "10**30")


def overflow_sum_validator() -> str:
    source = GOOD_LONG_SUM_VALIDATOR.replace("LIMIT_N", "100")
    return source.replace("LOW_A", "1").replace("HIGH_A", "10**9")


def problem_page(
    index: str,
    title: str,
    legend: str,
    input_spec: str,
    output_spec: str,
    examples: list[tuple[str, str]],
    note: str = "",
    time_limit: str = "1 second",
    extra: str = "",
) -> str:
    """A problem page laid out as Codeforces lays it out."""
    samples = []
    for number, (given, expected) in enumerate(examples):
        if number == 0:  # the newer layout: one div per line
            lines = "".join(
                f'<div class="test-example-line test-example-line-even">{html.escape(line)}</div>'
                for line in given.rstrip("\n").split("\n")
            )
        else:
            lines = html.escape(given)
        samples.append(
            '<div class="input"><div class="title">Input</div>'
            f"<pre>{lines}</pre></div>"
            '<div class="output"><div class="title">Output</div>'
            f"<pre>{html.escape(expected)}</pre></div>"
        )
    note_html = (
        f'<div class="note"><div class="section-title">Note</div>{note}</div>' if note else ""
    )
    return f"""<!DOCTYPE html>
<html><head><title>Problem - {index} - Codeforces</title></head><body>
<div id="body"><div class="problemindexholder" problemindex="{index}">
<div class="ttypography"><div class="problem-statement">
<div class="header"><div class="title">{index}. {html.escape(title)}</div>
<div class="time-limit"><div class="property-title">time limit per test</div>{time_limit}</div>
<div class="memory-limit"><div class="property-title">memory limit per test</div>256 megabytes</div>
<div class="input-file"><div class="property-title">input</div>standard input</div>
<div class="output-file"><div class="property-title">output</div>standard output</div>
</div>
<div>{legend}</div>
<div class="input-specification"><div class="section-title">Input</div>{input_spec}</div>
<div class="output-specification"><div class="section-title">Output</div>{output_spec}</div>
{extra}
<div class="sample-tests"><div class="section-title">Examples</div>
<div class="sample-test">{"".join(samples)}</div></div>
{note_html}
</div></div></div></div></body></html>
"""


def submission_page(source: str) -> str:
    return (
        "<html><body><div class='roundbox'>"
        '<pre id="program-source-text" class="prettyprint lang-cpp linenums program-source">'
        f"{html.escape(source)}</pre></div></body></html>"
    )


LONG_SUM_PAGE = problem_page(
    "A",
    "Long Sum",
    legend=(
        "<p>You are given $$$n$$$ integers. Compute "
        "$$$a_1 + a_2 + \\ldots + a_n$$$.</p>"
        "<p>The sum of <b>all</b> of them, as the picture shows:</p>"
        '<center><img src="/predownloaded/ab/cd/long-sum.png" style="max-width: 100%;"></center>'
    ),
    input_spec=(
        "<p>The first line contains an integer $$$n$$$ ($$$1 \\le n \\le 2 \\cdot 10^5$$$).</p>"
        "<p>The second line contains $$$n$$$ integers $$$a_i$$$ "
        "($$$-10^9 \\le a_i \\le 10^9$$$).</p>"
    ),
    output_spec="<p>Print the sum.</p>",
    examples=[("3\n1 2 3\n", "6\n"), ("1\n-5\n", "-5\n")],
    note="<p>In the first example, $$$1 + 2 + 3 = 6$$$.</p>",
)

ANY_PAIR_PAGE = problem_page(
    "B",
    "Any Pair",
    legend="<p>Find two numbers $$$x \\le y$$$ between $$$1$$$ and $$$n$$$.</p>",
    input_spec="<p>One integer $$$n$$$ ($$$2 \\le n \\le 100$$$).</p>",
    output_spec=(
        "<p>Print $$$x$$$ and $$$y$$$. If there are multiple answers, print any of them.</p>"
    ),
    examples=[("2\n", "1 2\n")],
)

OVERFLOW_SUM_PAGE = problem_page(
    "E",
    "Overflow Sum",
    legend="<p>Add up $$$n$$$ positive integers.</p>",
    input_spec=(
        "<p>The first line contains $$$n$$$ ($$$1 \\le n \\le 100$$$).</p>"
        "<p>The second line contains $$$n$$$ integers $$$a_i$$$ ($$$1 \\le a_i \\le 10^9$$$).</p>"
    ),
    output_spec="<p>Print the sum.</p>",
    examples=[("2\n3 4\n", "7\n")],
)


def _problem(index: str, name: str, rating: int | None, tags: list[str]) -> dict[str, Any]:
    problem: dict[str, Any] = {
        "contestId": 9001,
        "index": index,
        "name": name,
        "type": "PROGRAMMING",
        "tags": tags,
    }
    if rating is not None:
        problem["rating"] = rating
        problem["points"] = 500.0
    return problem


PROBLEMS = [
    _problem("A", "Long Sum", 1400, ["implementation", "math"]),
    _problem("B", "Any Pair", 1500, ["constructive algorithms"]),
    _problem("C", "Guess the Number", 1700, ["binary search", "interactive"]),
    _problem("D", "Tiny Max", 800, ["implementation"]),
    _problem("E", "Overflow Sum", 1600, ["implementation"]),
    _problem("F", "Fresh Paint", None, ["greedy"]),
]


def _party(handle: str, contest: int = 9001, kind: str = "CONTESTANT") -> dict[str, Any]:
    return {
        "contestId": contest,
        "members": [{"handle": handle}],
        "participantType": kind,
        "ghost": False,
        "room": 3,
        "startTimeSeconds": START,
    }


def _submission(
    sid: int,
    index: str,
    handle: str,
    language: str,
    verdict: str,
    passed: int,
    testset: str = "TESTS",
    minute: int = 10,
) -> dict[str, Any]:
    problem = next(p for p in PROBLEMS if p["index"] == index)
    return {
        "id": sid,
        "contestId": 9001,
        "creationTimeSeconds": START + 60 * minute,
        "relativeTimeSeconds": 60 * minute,
        "problem": problem,
        "author": _party(handle),
        "programmingLanguage": language,
        "verdict": verdict,
        "testset": testset,
        "passedTestCount": passed,
        "timeConsumedMillis": 46,
        "memoryConsumedBytes": 0,
    }


def _hack(
    hid: int,
    index: str,
    hacker: str,
    defender: str,
    verdict: str,
    test: str | None,
    answer: str | None,
    minute: int = 60,
) -> dict[str, Any]:
    problem = next(p for p in PROBLEMS if p["index"] == index)
    hack: dict[str, Any] = {
        "id": hid,
        "creationTimeSeconds": START + 60 * minute,
        "hacker": _party(hacker),
        "defender": _party(defender),
        "verdict": verdict,
        "problem": problem,
    }
    if test is not None:
        hack["test"] = test
    if answer is not None:
        shown = test if test is not None and len(test) < 200 else (test or "")[:200] + "..."
        hack["judgeProtocol"] = {
            "manual": "false",
            "protocol": (
                "Solution verdict:\nWRONG_ANSWER\n\nChecker:\nwrong answer 1st numbers "
                f"differ\n\nInput:\n{shown}\n\nOutput:\n0\n\nAnswer:\n{answer}\n\n"
                "Time:\n15\n\nMemory:\n0\n"
            ),
            "verdict": "Successful hacking attempt",
        }
    return hack


SUBMISSIONS = [
    _submission(1001, "A", "alice", "GNU C++17", "CHALLENGED", 14, minute=12),
    _submission(1002, "A", "bob", "Python 3", "CHALLENGED", 10, minute=15),
    _submission(1003, "A", "carol", "Java 21", "CHALLENGED", 16),
    _submission(1004, "A", "erin", "GNU C++17", "WRONG_ANSWER", 20),
    _submission(1005, "A", "zed", "GNU C++17", "WRONG_ANSWER", 1, testset="PRETESTS"),
    _submission(1010, "A", "frank", "GNU C++17", "OK", 40),
    _submission(1011, "A", "grace", "Python 3", "OK", 40),
    _submission(1012, "A", "heidi", "PyPy 3-64", "OK", 8, testset="PRETESTS"),
    _submission(1030, "B", "alice", "Python 3", "CHALLENGED", 3),
    _submission(1031, "B", "grace", "Python 3", "OK", 12),
    _submission(1040, "C", "alice", "GNU C++17", "CHALLENGED", 5),
    _submission(1050, "D", "alice", "GNU C++17", "CHALLENGED", 5),
    _submission(1020, "E", "judy", "GNU C++17", "CHALLENGED", 9, minute=20),
    _submission(1021, "E", "karl", "GNU C++20 (64)", "OK", 30),
    _submission(1060, "F", "alice", "GNU C++17", "CHALLENGED", 5),
]

HACKS = [
    _hack(501, "A", "dave", "alice", "HACK_SUCCESSFUL", HACK_TEST, str(BIG_N)),
    _hack(502, "A", "dave", "bob", "HACK_SUCCESSFUL", None, None),
    _hack(503, "A", "ivan", "alice", "HACK_UNSUCCESSFUL", "2\n1 1\n", None, minute=50),
    _hack(504, "B", "dave", "alice", "HACK_SUCCESSFUL", "3\n", "1 3"),
    _hack(505, "C", "dave", "alice", "HACK_SUCCESSFUL", "100\n", "7"),
    _hack(506, "D", "dave", "alice", "HACK_SUCCESSFUL", "1\n5\n", "5"),
    _hack(
        510,
        "E",
        "dave",
        "judy",
        "HACK_SUCCESSFUL",
        "3\n1000000000 1000000000 1000000000\n",
        "3000000000",
    ),
    _hack(511, "F", "dave", "alice", "HACK_SUCCESSFUL", "1\n", "1"),
]

RATINGS = {
    "alice": 1900,
    "bob": 1700,
    "carol": 1600,
    "erin": 1500,
    "frank": 2400,
    "grace": 2100,
    "judy": 1650,
    "karl": 2000,
}

SOURCES = {
    1001: ALICE,
    1002: BOB,
    1004: ERIN,
    1010: FRANK,
    1011: GRACE,
    1020: JUDY,
    1021: KARL,
    1030: PAIR_WRONG,
    1031: PAIR_RIGHT,
}


def _contest(cid: int, name: str, start: int, phase: str = "FINISHED") -> dict[str, Any]:
    return {
        "id": cid,
        "name": name,
        "type": "CF",
        "phase": phase,
        "frozen": False,
        "durationSeconds": 7200,
        "startTimeSeconds": start,
        "relativeTimeSeconds": 86400 * 10,
    }


class World:
    """Contest 9001 and its neighbours, served on ``site``; change the attributes to
    change what the site answers.

    Example::

        with FakeCodeforces() as site:
            world = World(site)
            world.add_later_contest()
    """

    def __init__(self, site: FakeCodeforces):
        self.site = site
        self.contests = [
            _contest(9050, "Refute Test Round 3", START + 86400 * 20, phase="BEFORE"),
            _contest(9001, "Refute Test Round 1 (Div. 2)", START),
            _contest(8990, "Refute Test Round 0", START - 86400 * 14),
        ]
        self.problems: dict[int, list[dict[str, Any]]] = {9001: PROBLEMS}
        self.hacks: dict[int, list[dict[str, Any]]] = {9001: HACKS}
        self.status: dict[int, list[dict[str, Any]]] = {9001: SUBMISSIONS}
        site.api["contest.list"] = lambda query: [] if query.get("gym") == "true" else self.contests
        site.api["contest.standings"] = self._standings
        site.api["problemset.problems"] = lambda query: {
            "problems": [p for ps in self.problems.values() for p in ps if "rating" in p],
            "problemStatistics": [],
        }
        site.api["contest.hacks"] = lambda query: self.hacks.get(int(query["contestId"]), [])
        site.api["contest.status"] = lambda query: self.status.get(int(query["contestId"]), [])
        site.api["contest.ratingChanges"] = lambda query: [
            {
                "contestId": int(query["contestId"]),
                "handle": handle,
                "rank": 1,
                "oldRating": rating,
                "newRating": rating + 10,
            }
            for handle, rating in RATINGS.items()
        ]
        site.pages["/contest/9001/problem/A"] = LONG_SUM_PAGE
        site.pages["/contest/9001/problem/B"] = ANY_PAIR_PAGE
        site.pages["/contest/9001/problem/E"] = OVERFLOW_SUM_PAGE
        for sid, source in SOURCES.items():
            site.pages[f"/contest/9001/submission/{sid}"] = submission_page(source)

    def _standings(self, query: dict[str, str]) -> dict[str, Any]:
        cid = int(query["contestId"])
        contest = next(c for c in self.contests if c["id"] == cid)
        return {"contest": contest, "problems": self.problems[cid], "rows": []}

    def add_later_contest(self) -> None:
        """Contest 9002 (2026-06-16): one problem, below the rating floor."""
        self.contests.insert(0, _contest(9002, "Refute Test Round 2", START + 86400 * 14))
        self.problems[9002] = [
            {
                "contestId": 9002,
                "index": "A",
                "name": "Easy One",
                "type": "PROGRAMMING",
                "rating": 900,
                "tags": [],
            }
        ]
