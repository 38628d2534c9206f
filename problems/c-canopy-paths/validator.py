"""Validator for "Canopy Walkways": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

LIMIT = 2 * 10**5


def check_tree(n: int, parent: list[int]) -> None:
    """parent[i] for i in 2..n: following parents from every platform must reach platform 1."""
    state = [0] * (n + 1)  # 0 = unknown, 1 = on the current walk, 2 = reaches the root
    state[1] = 2
    for start in range(2, n + 1):
        walk = []
        v = start
        while state[v] == 0:
            state[v] = 1
            walk.append(v)
            v = parent[v]
        if state[v] == 1:
            fail(f"line 2: the parents contain a cycle through platform {v}: not a tree")
        for u in walk:
            state[u] = 2


def main() -> None:
    reader = Reader.stdin()
    n, q = reader.ints(2, 1, LIMIT, "n and q")
    if n < 2:
        fail(f"line 1: n = {n} is out of range [2, {LIMIT}]")
    parent = [0, 0, *reader.ints(n - 1, 1, n, "parents")]
    for i in range(2, n + 1):
        if parent[i] == i:
            fail(f"line 2: platform {i} cannot be its own parent")
    check_tree(n, parent)
    reader.ints(n - 1, 1, 10**9, "walkway lengths")
    reader.rows(q, 2, 1, n, "a question")
    reader.end()


main()
