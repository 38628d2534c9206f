import sys

input = sys.stdin.readline


def find(x):
    if parent[x] == x:
        return x
    parent[x] = find(parent[x])
    return parent[x]


n, q = map(int, input().split())
parent = list(range(n + 1))
size = [1] * (n + 1)
pairs = 0
out = []
for _ in range(q):
    u, v = map(int, input().split())
    a = find(u)
    b = find(v)
    if a != b:
        pairs += size[a] * size[b]
        parent[a] = b
        size[b] += size[a]
    out.append(pairs)
print("\n".join(map(str, out)))
