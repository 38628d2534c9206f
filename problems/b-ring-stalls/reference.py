import sys


def best_on_path(values: list[int]) -> int:
    """Largest sum of a set of pairwise non-adjacent elements of a path (empty allowed)."""
    without_last, best = 0, 0
    for x in values:
        without_last, best = best, max(best, without_last + x)
    return best


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        p = list(map(int, data[pos + 1 : pos + 1 + n]))
        pos += 1 + n
        if n == 1:
            out.append(max(0, p[0]))
        else:
            # Either place 1 stays closed (the rest is a path), or place n stays closed.
            out.append(max(best_on_path(p[1:]), best_on_path(p[:-1])))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
