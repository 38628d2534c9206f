import sys


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
            u = int(data[pos])
            v = int(data[pos + 1])
            w = int(data[pos + 2])
            pos += 3
            adj[u].append((v, w))
            adj[v].append((u, w))
        parent = [0] * (n + 1)
        pw = [0] * (n + 1)
        order = [1]
        for v in order:
            for u, w in adj[v]:
                if u != parent[v]:
                    parent[u] = v
                    pw[u] = w
                    order.append(u)
        down = [0] * (n + 1)
        for v in reversed(order):
            p = parent[v]
            if p and down[v] + pw[v] > down[p]:
                down[p] = down[v] + pw[v]
        up = [0] * (n + 1)
        for v in order:
            kids = [(u, w) for u, w in adj[v] if u != parent[v]]
            for c, wc in kids:
                best = up[v]
                for s, ws in kids:
                    if s != c and down[s] + ws > best:
                        best = down[s] + ws
                up[c] = best + wc
        out.append(" ".join(str(max(down[v], up[v])) for v in range(1, n + 1)))
    print("\n".join(out))


main()
