"""Checker for "Rising Streaks": any permutation with exactly k streaks is accepted.

Usage: checker.py INPUT OUTPUT ANSWER. Exit 0 = accepted, 1 = wrong answer, 3 = the
reference answer itself is wrong (a judge fault); the message goes to stderr.
"""

import re
import sys

INTEGER = re.compile(r"-?[0-9]{1,20}")


def verdict(code: int, message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.exit(code)


def streaks(p: list[int]) -> int:
    total = 0
    run = 1
    for i in range(1, len(p)):
        run = run + 1 if p[i] > p[i - 1] else 1
        total += run - 1
    return total


def read_answers(
    path: str, tests: list[tuple[int, int]], who: str, bad: int
) -> list[list[int] | None]:
    """One entry per test case: None for -1, else the permutation (checked)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        tokens = handle.read().split()
    pos = 0
    result: list[list[int] | None] = []
    for case, (n, k) in enumerate(tests, 1):
        if pos >= len(tokens):
            verdict(bad, f"{who}: test case {case}: the output ended early")
        if tokens[pos] == "-1":
            result.append(None)
            pos += 1
            continue
        chunk = tokens[pos : pos + n]
        pos += n
        if len(chunk) < n:
            verdict(bad, f"{who}: test case {case}: expected {n} integers")
        for token in chunk:
            if not INTEGER.fullmatch(token):
                verdict(bad, f"{who}: test case {case}: {token[:30]!r} is not an integer")
        p = [int(token) for token in chunk]
        if sorted(p) != list(range(1, n + 1)):
            verdict(bad, f"{who}: test case {case}: not a permutation of 1..{n}")
        found = streaks(p)
        if found != k:
            verdict(bad, f"{who}: test case {case}: {found} streaks instead of {k}")
        result.append(p)
    if pos != len(tokens):
        verdict(bad, f"{who}: extra output after the last test case")
    return result


def main() -> None:
    input_path, output_path, answer_path = sys.argv[1:4]
    with open(input_path) as handle:
        data = handle.read().split()
    t = int(data[0])
    tests = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(t)]
    expected = read_answers(answer_path, tests, "reference answer", 3)
    found = read_answers(output_path, tests, "output", 1)
    for case, (mine, theirs) in enumerate(zip(found, expected, strict=True), 1):
        if mine is None and theirs is not None:
            verdict(1, f"test case {case}: printed -1, but a permutation exists")
        if mine is not None and theirs is None:
            verdict(3, f"test case {case}: the reference printed -1, but the output is valid")
    verdict(0, f"ok: {t} test case(s)")


main()
