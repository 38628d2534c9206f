"""Attempt programs for eval tests, as a model would write them."""

from __future__ import annotations

from typing import Any


def printing(text: str, lang: str = "Python 3") -> dict[str, str]:
    """A ``generate_inp`` that prints ``text`` exactly."""
    return {"code": f"import sys\nsys.stdout.write({text!r})\n", "lang": lang}


def attempt(generate: dict[str, Any], brute: dict[str, Any] | None = None) -> dict[str, Any]:
    """One REFUTE attempt; values are ``Any`` so that tests can write malformed ones."""
    return {"generate_inp": generate} | ({"solve_brute": brute} if brute else {})


RANDOM_PAIR_OF_CHARGES = {
    "code": (
        "import random, sys\n"
        "rng = random.Random(int(sys.argv[1]))\n"
        "n = rng.randint(2, 5)\n"
        "print(n)\n"
        "print(*[rng.randint(-9, 9) for _ in range(n)])\n"
    ),
    "lang": "Python 3",
}
"""A random generator for charged-pair: small n, small charges, negative ones too."""

BRUTE_CHARGED_PAIR = {
    "code": (
        "n = int(input())\n"
        "a = list(map(int, input().split()))\n"
        "print(max(a[i] * a[j] for i in range(n) for j in range(n) if i != j))\n"
    ),
    "lang": "PyPy 3-64",
}
"""A correct brute force for charged-pair."""

RANDOM_RIBBON = {
    "code": (
        "import random, sys\n"
        "rng = random.Random(int(sys.argv[1]))\n"
        "n = rng.randint(2, 6)\n"
        "print(n)\n"
        "print(*[rng.randint(1, 9) for _ in range(n)])\n"
    ),
    "lang": "Python 3",
}
