"""Bundled tasks that random generation breaks, each with a C++ generator written for
``refute bench hack``: a contestant's usual ``gen SEED`` (mt19937, small sizes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HackTask:
    """A bundled task (``problem/submission``) and the generator the bench gives both loops."""

    task_id: str
    generator: str


OVERFLOW_PAIRS = """#include <cstdio>
#include <cstdlib>
#include <random>
// 2..6 charges of magnitude up to 10^0 .. 10^5: two large positives overflow int.
int main(int argc, char **argv) {
    std::mt19937_64 rng(std::atoll(argv[1]));
    int n = 2 + rng() % 5;
    long long top = 1;
    for (int k = rng() % 6; k > 0; k--) top *= 10;
    std::printf("%d\\n", n);
    for (int i = 0; i < n; i++)
        std::printf("%lld%c", (long long)(rng() % (2 * top + 1)) - top, i + 1 < n ? ' ' : '\\n');
}
"""

RIDGE_HEIGHTS = """#include <cstdio>
#include <cstdlib>
#include <random>
// 1..3 test cases of 1..6 heights in 1..1000: equal heights are rare but come.
int main(int argc, char **argv) {
    std::mt19937 rng(std::atoi(argv[1]));
    int t = 1 + rng() % 3;
    std::printf("%d\\n", t);
    while (t--) {
        int n = 1 + rng() % 6;
        std::printf("%d\\n", n);
        for (int i = 0; i < n; i++) std::printf("%u%c", 1 + rng() % 1000, i + 1 < n ? ' ' : '\\n');
    }
}
"""

HILL_STEPS = """#include <cstdio>
#include <cstdlib>
#include <random>
// 1..2 trails of 1..5 hills (heights 1..300, scores 1..9) and a step limit d in 0..59.
int main(int argc, char **argv) {
    std::mt19937 rng(std::atoi(argv[1]));
    int t = 1 + rng() % 2;
    std::printf("%d\\n", t);
    while (t--) {
        int n = 1 + rng() % 5;
        int d = rng() % 60;
        std::printf("%d %d\\n", n, d);
        for (int i = 0; i < n; i++) std::printf("%u%c", 1 + rng() % 300, i + 1 < n ? ' ' : '\\n');
        for (int i = 0; i < n; i++) std::printf("%u%c", 1 + rng() % 9, i + 1 < n ? ' ' : '\\n');
    }
}
"""

HACK_TASKS = (
    HackTask("charged-pair/int-overflow", OVERFLOW_PAIRS),
    HackTask("c-ridge-beacons/ties", RIDGE_HEIGHTS),
    HackTask("b-hill-trail/exclusive-bound", HILL_STEPS),
)
"""C++ solutions and references only, without custom checkers: the bash loop's ``cmp``
is then as right as the judge's token comparison, and both loops do the same work."""
