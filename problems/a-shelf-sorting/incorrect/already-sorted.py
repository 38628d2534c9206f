import sys

input = sys.stdin.readline


def solve():
    n = int(input())
    a = list(map(int, input().split()))
    b = sorted(a)
    L = 0
    while L < n and a[L] == b[L]:
        L += 1
    R = n - 1
    while R >= 0 and a[R] == b[R]:
        R -= 1
    # l can be anything up to L, r anything from R
    return (L + 1) * (n - R)


t = int(input())
print("\n".join(str(solve()) for _ in range(t)))
