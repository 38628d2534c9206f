"""Validator for "Convex Fort": exit 0 when stdin is a valid input, else 1 and the reason.

The format rules every refute validator shares are checked by the sandbox's reader
(refute_validate, see refute/sandbox/validate.py).
"""

from refute_validate import Reader, fail

C = 10**9


def half(dx: int, dy: int) -> int:
    """0 for directions with angle in [0, 180) degrees, 1 for [180, 360)."""
    return 0 if dy > 0 or (dy == 0 and dx > 0) else 1


def main() -> None:
    reader = Reader.stdin()
    (n,) = reader.ints(1, 3, 10**5, "n")
    xs, ys = [], []
    for i in range(1, n + 1):
        x, y = reader.ints(2, -C, C, f"vertex {i}")
        xs.append(x)
        ys.append(y)
    # Edge vectors; every turn must be a strict left turn (this also rules out repeated
    # vertices and three consecutive collinear vertices).
    ex = [xs[(i + 1) % n] - xs[i] for i in range(n)]
    ey = [ys[(i + 1) % n] - ys[i] for i in range(n)]
    wraps = 0
    for i in range(n):
        j = (i + 1) % n
        if ex[i] * ey[j] - ey[i] * ex[j] <= 0:
            fail(
                f"the polygon is not strictly convex in counterclockwise order: "
                f"no strict left turn at vertex {j + 1}"
            )
        # With every turn strictly between 0 and 180 degrees, the polygon is convex and
        # simple iff the edge directions go around exactly once: count the steps at which
        # the direction angle, taken in [0, 360), decreases.
        hi, hj = half(ex[i], ey[i]), half(ex[j], ey[j])
        if hi > hj:
            wraps += 1
    if wraps != 1:
        fail(f"the polygon winds around {wraps} times; it is not a simple convex polygon")
    (q,) = reader.ints(1, 1, 10**5, "q")
    for j in range(1, q + 1):
        reader.ints(2, -C, C, f"scout {j}")
    reader.end()


main()
