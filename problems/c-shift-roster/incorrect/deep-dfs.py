import sys

sys.setrecursionlimit(10000)


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n, m = int(data[pos]), int(data[pos + 1])
        pos += 2
        adj = [[] for _ in range(n + 1)]
        for _ in range(m):
            u, v = int(data[pos]), int(data[pos + 1])
            pos += 2
            adj[u].append(v)
            adj[v].append(u)
        colour = [-1] * (n + 1)
        count = [0, 0]

        def paint(x, c):
            """Colour x's component, alternating colours; False on an odd cycle."""
            colour[x] = c
            count[c] += 1
            for y in adj[x]:
                if colour[y] == -1:
                    if not paint(y, c ^ 1):
                        return False
                elif colour[y] == c:
                    return False
            return True

        night, possible = 0, True
        for s in range(1, n + 1):
            if colour[s] == -1:
                count[0] = count[1] = 0
                if not paint(s, 0):
                    possible = False
                    break
                night += min(count)
        out.append(night if possible else -1)
    print("\n".join(map(str, out)))


main()
