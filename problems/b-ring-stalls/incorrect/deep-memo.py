import sys

sys.setrecursionlimit(10000)


def best_on_path(values):
    """Largest sum of pairwise non-adjacent elements of values (none taken is allowed)."""
    memo = [None] * len(values)

    def best_from(i):
        if i >= len(values):
            return 0
        if memo[i] is None:
            memo[i] = max(best_from(i + 1), values[i] + best_from(i + 2))
        return memo[i]

    return best_from(0)


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        p = [int(x) for x in data[pos + 1 : pos + 1 + n]]
        pos += 1 + n
        if n == 1:
            out.append(max(0, p[0]))
        else:
            # place 1 closed (the rest is a path) or place n closed
            out.append(max(best_on_path(p[1:]), best_on_path(p[:-1])))
    print("\n".join(map(str, out)))


main()
