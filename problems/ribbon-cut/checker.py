"""Checker for "Cutting the Ribbon": any cut with the smallest difference is accepted.

Usage: checker.py INPUT OUTPUT ANSWER. Exit 0 = accepted, 1 = wrong answer, 3 = the
reference answer itself is wrong (a judge fault); the message goes to stderr.
"""

import re
import sys

INTEGER = re.compile(r"-?[0-9]{1,20}")


def verdict(code: int, message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.exit(code)


def read_cut(path: str, n: int, who: str, bad: int) -> int:
    with open(path, encoding="utf-8", errors="replace") as handle:
        tokens = handle.read().split()
    if len(tokens) != 1:
        verdict(bad, f"{who}: expected one integer, found {len(tokens)} tokens")
    if not INTEGER.fullmatch(tokens[0]):
        verdict(bad, f"{who}: {tokens[0][:30]!r} is not an integer")
    k = int(tokens[0])
    if not 1 <= k <= n - 1:
        verdict(bad, f"{who}: cut {k} is out of range [1, {n - 1}]")
    return k


def main() -> None:
    input_path, output_path, answer_path = sys.argv[1:4]
    with open(input_path) as handle:
        data = handle.read().split()
    n = int(data[0])
    weights = list(map(int, data[1 : n + 1]))
    total = sum(weights)

    def difference(k: int) -> int:
        return abs(total - 2 * sum(weights[:k]))

    expected = difference(read_cut(answer_path, n, "reference answer", 3))
    k = read_cut(output_path, n, "output", 1)
    found = difference(k)
    if found > expected:
        verdict(1, f"cut {k} leaves a difference of {found}, but {expected} is possible")
    if found < expected:
        verdict(
            3, f"cut {k} leaves a difference of {found}, better than the reference's {expected}"
        )
    verdict(0, f"ok: cut {k}, difference {found}")


main()
