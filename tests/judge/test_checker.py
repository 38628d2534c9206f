"""The default token checker and the reading of custom checkers' exit codes."""

from __future__ import annotations

from refute.judge import compare_tokens, interpret_checker
from refute.problems import CheckerSettings
from refute.sandbox import RunResult, RunStatus

TOLERANT = CheckerSettings(abs_tolerance=1e-6, rel_tolerance=1e-6)


def test_tokens_match_whatever_the_whitespace() -> None:
    assert compare_tokens("1  2\n3\n\n", "1 2 3").accepted


def test_yes_and_no_match_in_any_letter_case() -> None:
    assert compare_tokens("yes No YeS", "YES NO yes").accepted


def test_other_words_are_case_sensitive() -> None:
    result = compare_tokens("impossible", "Impossible")
    assert not result.accepted
    assert result.message == "token 1: expected 'Impossible', found 'impossible'"


def test_yes_does_not_match_no() -> None:
    assert not compare_tokens("yes", "NO").accepted


def test_missing_tokens_are_reported() -> None:
    assert compare_tokens("1 2", "1 2 3").message == "output ends after 2 tokens, expected 3"


def test_extra_tokens_are_reported() -> None:
    assert compare_tokens("1 2 3 4", "1 2 3").message == "extra output: 4 tokens, expected 3"


def test_empty_output_is_wrong_when_something_is_expected() -> None:
    assert not compare_tokens("", "0").accepted


def test_numbers_are_compared_exactly_without_a_tolerance() -> None:
    assert not compare_tokens("0.5", "0.50").accepted


def test_numbers_within_the_absolute_tolerance_match() -> None:
    assert compare_tokens("0.3333339", "0.333333", CheckerSettings(abs_tolerance=1e-6)).accepted


def test_numbers_beyond_the_absolute_tolerance_do_not_match() -> None:
    assert not compare_tokens("0.333335", "0.333333", CheckerSettings(abs_tolerance=1e-6)).accepted


def test_large_numbers_within_the_relative_tolerance_match() -> None:
    assert compare_tokens("1000000001", "1000000000", TOLERANT).accepted


def test_integers_and_floats_compare_as_numbers_with_a_tolerance() -> None:
    assert compare_tokens("3", "3.0000000", TOLERANT).accepted


def test_non_numbers_still_need_an_exact_match_with_a_tolerance() -> None:
    assert not compare_tokens("abc", "abd", TOLERANT).accepted


def test_nan_and_infinity_never_match_a_number() -> None:
    assert not compare_tokens("nan", "1.0", TOLERANT).accepted
    assert not compare_tokens("inf", "1e308", TOLERANT).accepted


def test_long_tokens_are_shortened_in_messages() -> None:
    message = compare_tokens("9" * 1000, "1").message
    assert len(message) < 120


def run(status: RunStatus, exit_code: int | None, stderr: str = "") -> RunResult:
    return RunResult(status=status, exit_code=exit_code, stderr=stderr)


def test_checker_exit_0_accepts_with_its_message() -> None:
    result = interpret_checker(run(RunStatus.OK, 0, "ok: 3 numbers\n"))
    assert (result.accepted, result.failed, result.message) == (True, False, "ok: 3 numbers")


def test_checker_exit_1_rejects_with_its_message() -> None:
    result = interpret_checker(run(RunStatus.RUNTIME_ERROR, 1, "cut 1 is not optimal\n"))
    assert (result.accepted, result.failed, result.message) == (
        False,
        False,
        "cut 1 is not optimal",
    )


def test_checker_exit_3_is_a_checker_failure() -> None:
    result = interpret_checker(run(RunStatus.RUNTIME_ERROR, 3, "reference answer invalid"))
    assert result.failed
    assert "reference answer invalid" in result.message


def test_checker_traceback_is_a_failure_not_a_rejection() -> None:
    stderr = 'Traceback (most recent call last):\n  File "checker.py"\nValueError: x\n'
    assert interpret_checker(run(RunStatus.RUNTIME_ERROR, 1, stderr)).failed


def test_checker_time_out_is_a_failure() -> None:
    assert interpret_checker(run(RunStatus.TIME_LIMIT, None)).failed


# -- tokens are bytes ------------------------------------------------------------------


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def test_tokens_with_bytes_that_are_not_utf8_match_when_equal() -> None:
    assert compare_tokens(_text(b"\xff 2\n"), _text(b"\xff\t2")).accepted


def test_tokens_with_different_bytes_that_are_not_utf8_do_not_match() -> None:
    result = compare_tokens(_text(b"1 \xfe"), _text(b"1 \xff"))
    assert result.message == "token 2: expected '\\xff', found '\\xfe'"


def test_only_ascii_whitespace_separates_tokens() -> None:
    """A no-break space (U+00A0) or a 0x85 byte is part of a token, as contest checkers
    read it; text splitting would have taken both for separators."""
    assert not compare_tokens("1\u00a02", "1 2").accepted
    assert compare_tokens("1\u00a02", "1\u00a02").accepted
    assert not compare_tokens(_text(b"1\x852"), "1 2").accepted
    assert compare_tokens("1\x0b2\x0c3\r\n", "1 2 3").accepted


def test_a_utf8_token_is_shown_as_text() -> None:
    assert compare_tokens("café", "cafe").message == "token 1: expected 'cafe', found 'café'"


def test_a_long_token_that_is_not_utf8_is_shown_cut() -> None:
    message = compare_tokens(_text(b"\xff" * 100), "1").message
    assert message == "token 1: expected '1', found '" + "\\xff" * 40 + "...'"


def test_yes_matches_in_any_case_next_to_bytes_that_are_not_utf8() -> None:
    assert compare_tokens(_text(b"yes \xff"), _text(b"YES \xff")).accepted


def test_numbers_with_a_tolerance_compare_as_bytes_too() -> None:
    assert compare_tokens("1.0000001 x", "1 x", TOLERANT).accepted
    assert not compare_tokens(_text(b"1.0\xff"), "1", TOLERANT).accepted
