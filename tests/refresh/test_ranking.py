"""Which submissions become tasks and references, in which order; which hacks count."""

from __future__ import annotations

from typing import Any

from refute.refresh import (
    CfSubmission,
    Hack,
    hack_tests,
    jury_answer,
    rank_accepted,
    rank_incorrect,
)
from refute.sandbox import LanguageFamily

from . import world as fixtures

SUBMISSIONS = [CfSubmission.model_validate(s) for s in fixtures.SUBMISSIONS]
HACKS = [Hack.model_validate(h) for h in fixtures.HACKS]


def submission(sid: int, handle: str, verdict: str, passed: int, **fields: Any) -> CfSubmission:
    raw = fixtures._submission(
        sid, "A", handle, fields.pop("language", "GNU C++17"), verdict, passed
    )
    raw.update(fields)
    return CfSubmission.model_validate(raw)


def test_the_jury_answer_comes_from_the_judge_protocol() -> None:
    protocol = "Input:\n3\n1 2 3\n\nOutput:\n5\n\nAnswer:\n6\n\nChecker:\nwrong\n"
    assert jury_answer(protocol) == ("6\n", False)
    assert jury_answer("Input:\n1\n\nOutput:\n5\n") == (None, False)


def test_a_cut_jury_answer_keeps_only_its_whole_tokens() -> None:
    assert jury_answer("Answer:\n10 20 30...\n\nTime:\n15\n") == ("10 20\n", True)


def test_successful_hacks_with_a_test_are_kept_and_the_others_explained() -> None:
    tests, reasons = hack_tests(HACKS, "A")
    assert [t.hack_id for t in tests] == [501]
    assert tests[0].input == fixtures.HACK_TEST and tests[0].answer == f"{fixtures.BIG_N}\n"
    assert tests[0].defender == ("alice",) and tests[0].hacker == ("dave",)
    assert reasons == [
        "hack 502: successful but its test is not published (generated or too large)"
    ]


def test_incorrect_submissions_rank_hacked_first_then_tests_passed_then_rating() -> None:
    tests, _ = hack_tests(HACKS, "A")
    ranking = rank_incorrect(SUBMISSIONS, tests, fixtures.RATINGS, "A")
    assert [c.submission.id for c in ranking.candidates] == [1001, 1002, 1004]
    assert ranking.candidates[0].hack is not None and ranking.candidates[0].hack.hack_id == 501
    assert ranking.candidates[1].hack is None  # bob's hack has no published test
    assert ranking.left_out == {
        "language Java 21": 1,
        "wrong answer on the pretests or the first test": 1,
    }


def test_a_higher_rated_author_breaks_a_tie() -> None:
    pool = [
        submission(1, "erin", "CHALLENGED", 7),
        submission(2, "frank", "CHALLENGED", 7),
        submission(3, "grace", "CHALLENGED", 9),
    ]
    ranking = rank_incorrect(pool, [], fixtures.RATINGS, "A")
    assert [c.submission.id for c in ranking.candidates] == [3, 2, 1]
    assert ranking.candidates[1].author_rating == 2400


def test_only_final_accepted_submissions_in_cpp_or_python_make_references() -> None:
    ranking = rank_accepted(SUBMISSIONS, fixtures.RATINGS, "A")
    assert [c.submission.id for c in ranking.candidates] == [1010, 1011]
    assert ranking.left_out == {"accepted on PRETESTS only": 1}
    assert ranking.candidates[1].language.family is LanguageFamily.PYTHON


def test_cpp_is_preferred_as_the_reference_between_equal_authors() -> None:
    pool = [
        submission(1, "anon", "OK", 40, language="Python 3"),
        submission(2, "anon2", "OK", 40, language="GNU C++20 (64)"),
    ]
    assert [c.submission.id for c in rank_accepted(pool, {}, "A").candidates] == [2, 1]


def test_older_codeforces_language_names_are_understood() -> None:
    pool = [submission(1, "anon", "OK", 40, programmingLanguage="GNU G++17 7.3.0")]
    (candidate,) = rank_accepted(pool, {}, "A").candidates
    assert candidate.language.family is LanguageFamily.CPP
    assert candidate.language_name == "GNU C++17 7.3.0"
