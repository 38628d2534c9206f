import sys

sys.setrecursionlimit(10000)


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        pos += 1
        adj = [[] for _ in range(n + 1)]
        for _ in range(n - 1):
            u, v, w = int(data[pos]), int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            adj[u].append((v, w))
            adj[v].append((u, w))

        def distances(source):
            dist = [-1] * (n + 1)

            def walk(x, d):
                dist[x] = d
                for y, w in adj[x]:
                    if dist[y] < 0:
                        walk(y, d + w)

            walk(source, 0)
            return dist

        # the farthest tree from any tree is an end of a diameter
        first = distances(1)
        a = max(range(1, n + 1), key=lambda v: first[v])
        from_a = distances(a)
        b = max(range(1, n + 1), key=lambda v: from_a[v])
        from_b = distances(b)
        out.append(" ".join(str(max(from_a[v], from_b[v])) for v in range(1, n + 1)))
    print("\n".join(out))


main()
