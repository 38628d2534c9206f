"""Choosing submissions as REFUTE did: which incorrect ones make tasks, which correct one
is the reference, and which hack tests are known valid failing inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from ..sandbox import Language, LanguageFamily, UnknownLanguageError
from ._api import CfSubmission, Hack

HACKED = "CHALLENGED"
"""The verdict of a submission that passed the pretests and was then hacked."""

INCORRECT_VERDICTS = frozenset({HACKED, "WRONG_ANSWER"})
FINAL_TESTSET = "TESTS"


class HackTest(BaseModel):
    """A successful hack's test: a valid input on which the defender's solution failed.

    Args:
        hack_id: the hack's id.
        input: the test (``Hack.test``), ending in a newline.
        answer: the jury's answer from the judge protocol, or ``None`` when it has none.
        answer_truncated: the protocol cut the answer short (it ends in ``...``); only its
            complete tokens are compared.
        defender: the defender's handles.
        hacker: the hacker's handles.
        created: when the hack was made (seconds since the epoch).
    """

    model_config = ConfigDict(frozen=True)

    hack_id: int
    input: str
    answer: str | None = None
    answer_truncated: bool = False
    defender: tuple[str, ...] = ()
    hacker: tuple[str, ...] = ()
    created: int = 0


class RankedSubmission(BaseModel):
    """A submission in C++ or Python that may become a task (or the reference).

    Args:
        submission: the API's submission.
        language: its language, mapped with ``Language.parse``.
        author_rating: the best rating among its authors, when known.
        hack: for a hacked submission, the hack test that broke it (when it has one).
    """

    model_config = ConfigDict(frozen=True)

    submission: CfSubmission
    language: Language
    author_rating: int | None = None
    hack: HackTest | None = None

    @property
    def hacked(self) -> bool:
        return self.submission.verdict == HACKED

    @property
    def author(self) -> str:
        return self.submission.author.label

    @property
    def language_name(self) -> str:
        """Its language's name as the package records it (``GNU C++17``, ``PyPy 3-64``)."""
        return language_name(self.submission.programming_language)


class Ranking(BaseModel):
    """Candidates in order of preference, and how many were left out and why."""

    candidates: list[RankedSubmission]
    left_out: dict[str, int]


def jury_answer(protocol: str) -> tuple[str | None, bool]:
    """The ``Answer:`` section of a hack's judge protocol, and whether it was cut short.

    >>> jury_answer("Input:\\n1 2\\n\\nOutput:\\n4\\n\\nAnswer:\\n3\\n\\nTime:\\n15\\n")
    ('3\\n', False)
    >>> jury_answer("Answer:\\n1 2 3 4...\\n")
    ('1 2 3\\n', True)
    """
    sections = re.split(r"(?:^|\n\n)([A-Z][A-Za-z ]*):\n", protocol)
    found = dict(zip(sections[1::2], sections[2::2], strict=False))
    answer = found.get("Answer")
    if answer is None:
        return None, False
    answer = answer.strip("\n")
    truncated = answer.endswith("...")
    if truncated:
        kept = answer.removesuffix("...").split()
        answer = " ".join(kept[:-1])  # the last token may be cut in the middle
    return (answer + "\n" if answer else ""), truncated


def hack_tests(hacks: Iterable[Hack], index: str) -> tuple[list[HackTest], list[str]]:
    """The successful hacks on problem ``index`` with a usable test, and why others are not.

    >>> tests, reasons = hack_tests(contest_hacks, "A")     # doctest: +SKIP
    >>> reasons                                              # doctest: +SKIP
    ['hack 7: successful but its test is not published (generated or too large)']
    """
    tests: list[HackTest] = []
    reasons: list[str] = []
    for hack in sorted(hacks, key=lambda h: h.id):
        if hack.problem.index != index or hack.verdict != "HACK_SUCCESSFUL":
            continue
        if not hack.test or not hack.test.strip():
            reasons.append(
                f"hack {hack.id}: successful but its test is not published (generated or too large)"
            )
            continue
        protocol = hack.judge_protocol.protocol if hack.judge_protocol else ""
        answer, truncated = jury_answer(protocol)
        text = hack.test.replace("\r\n", "\n")
        tests.append(
            HackTest(
                hack_id=hack.id,
                input=text if text.endswith("\n") else text + "\n",
                answer=answer,
                answer_truncated=truncated,
                defender=hack.defender.handles,
                hacker=hack.hacker.handles,
                created=hack.creation_time_seconds,
            )
        )
    return tests, reasons


def language_name(name: str) -> str:
    """A Codeforces language name as ``Language.parse`` reads it: the site's older
    ``GNU G++17 7.3.0`` style becomes ``GNU C++17 7.3.0``; other names are kept.

    >>> language_name("GNU G++17 7.3.0"), language_name("PyPy 3-64")
    ('GNU C++17 7.3.0', 'PyPy 3-64')
    """
    return re.sub(r"\bG\+\+(?=\s*\d)", "C++", name)


def language_of(submission: CfSubmission) -> Language | None:
    """The submission's language if the sandbox runs it (C++ or Python 3), else ``None``.

    >>> language_of(CfSubmission.model_validate({"id": 1, "problem": {"index": "A"},
    ...     "author": {"members": []}, "programmingLanguage": "Java 21"})) is None
    True
    """
    try:
        return Language.parse(language_name(submission.programming_language))
    except UnknownLanguageError:
        return None


def _rating(submission: CfSubmission, ratings: Mapping[str, int | None]) -> int | None:
    known = [r for h in submission.author.handles if (r := ratings.get(h)) is not None]
    return max(known) if known else None


def rank_incorrect(
    submissions: Sequence[CfSubmission],
    tests: Sequence[HackTest],
    ratings: Mapping[str, int | None],
    index: str,
) -> Ranking:
    """Incorrect submissions on problem ``index``, best first, as REFUTE ranks them.

    Kept: C++ and Python submissions that were hacked after passing the pretests
    (``CHALLENGED``) or got ``WRONG_ANSWER`` on the final tests after passing at least
    one test. Order: hacked first, then more tests passed before failing, then a
    higher-rated author (a subtler bug by a stronger author), then the older submission.
    A hacked submission carries the hack test that broke it: the first successful hack
    on the same defender made after the submission.
    """
    left_out: dict[str, int] = {}
    kept: list[RankedSubmission] = []
    for submission in submissions:
        if submission.problem.index != index or submission.verdict not in INCORRECT_VERDICTS:
            continue
        if submission.verdict == "WRONG_ANSWER" and (
            submission.testset != FINAL_TESTSET or submission.passed_test_count < 1
        ):
            _count(left_out, "wrong answer on the pretests or the first test")
            continue
        language = language_of(submission)
        if language is None:
            _count(left_out, f"language {submission.programming_language or '?'}")
            continue
        hack = _hack_of(submission, tests) if submission.verdict == HACKED else None
        kept.append(
            RankedSubmission(
                submission=submission,
                language=language,
                author_rating=_rating(submission, ratings),
                hack=hack,
            )
        )
    kept.sort(
        key=lambda c: (
            not c.hacked,
            -c.submission.passed_test_count,
            -(c.author_rating or 0),
            c.submission.id,
        )
    )
    return Ranking(candidates=kept, left_out=left_out)


def rank_accepted(
    submissions: Sequence[CfSubmission], ratings: Mapping[str, int | None], index: str
) -> Ranking:
    """Accepted submissions on problem ``index`` (``OK`` on the final tests), best first.

    Order: a higher-rated author, then C++ before Python (more room under the time
    limit on our machines), then the older submission.
    """
    left_out: dict[str, int] = {}
    kept: list[RankedSubmission] = []
    for submission in submissions:
        if submission.problem.index != index or submission.verdict != "OK":
            continue
        if submission.testset != FINAL_TESTSET:
            _count(left_out, f"accepted on {submission.testset or '?'} only")
            continue
        language = language_of(submission)
        if language is None:
            _count(left_out, f"language {submission.programming_language or '?'}")
            continue
        kept.append(
            RankedSubmission(
                submission=submission,
                language=language,
                author_rating=_rating(submission, ratings),
            )
        )
    kept.sort(
        key=lambda c: (
            -(c.author_rating or 0),
            c.language.family is not LanguageFamily.CPP,
            c.submission.id,
        )
    )
    return Ranking(candidates=kept, left_out=left_out)


def _hack_of(submission: CfSubmission, tests: Sequence[HackTest]) -> HackTest | None:
    """The successful hack that broke ``submission``: the first one on the same defender
    made after the submission (a hack names the defender, not the submission)."""
    handles = submission.author.handles
    after = [
        t for t in tests if t.defender == handles and t.created >= submission.creation_time_seconds
    ]
    return min(after, key=lambda t: (t.created, t.hack_id)) if after else None


def _count(counts: dict[str, int], reason: str) -> None:
    counts[reason] = counts.get(reason, 0) + 1
