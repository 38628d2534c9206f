import sys
import math

input = sys.stdin.readline

t = int(input())
out = []
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    req = [-1] * 61
    ok = True
    for i in range(n - 1):
        d = a[i] ^ a[i + 1]
        if d == 0:
            ok = False
            break
        b = int(math.log2(d))  # highest differing bit
        want = a[i] >> b & 1  # a[i]^x must have 0 there
        if req[b] != -1 and req[b] != want:
            ok = False
            break
        req[b] = want
    if not ok:
        out.append(-1)
    else:
        out.append(sum(1 << b for b in range(61) if req[b] == 1))
print("\n".join(map(str, out)))
