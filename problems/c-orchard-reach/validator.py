"""Validator for "Orchard Walks": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

LIMIT = 2 * 10**5


def check_tree(n: int, ends: list[int], case: int) -> None:
    """ends holds u_1, v_1, u_2, v_2, ...: n - 1 edges; they must form a tree on 1..n."""
    parent = list(range(n + 1))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(n - 1):
        u, v = ends[2 * i], ends[2 * i + 1]
        if u == v:
            fail(f"test case {case}: footpath {i + 1} is a loop at tree {u}")
        a, b = root(u), root(v)
        if a == b:
            fail(f"test case {case}: footpath {i + 1} ({u} {v}) closes a cycle or repeats a path")
        parent[a] = b
    # n - 1 edges without a cycle on n vertices: the graph is connected, hence a tree.


def main() -> None:
    reader = Reader.stdin()
    (t,) = reader.ints(1, 1, 10**4, "t")
    total = 0
    for case in range(1, t + 1):
        (n,) = reader.ints(1, 1, LIMIT, f"n of test case {case}")
        total += n
        if total > LIMIT:
            fail(f"test case {case}: the sum of n exceeds {LIMIT}")
        values = reader.rows(n - 1, 3, 1, 10**9, f"a footpath of test case {case}")
        ends: list[int] = []
        for i in range(n - 1):
            u, v = values[3 * i], values[3 * i + 1]
            if u > n or v > n:
                fail(f"test case {case}: footpath {i + 1} names a tree outside 1..{n}")
            ends += (u, v)
        check_tree(n, ends, case)
    reader.end()


main()
