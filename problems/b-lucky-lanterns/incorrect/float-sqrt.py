import sys
import math

input = sys.stdin.readline


def count(x):
    # lit lanterns are exactly the squares and the doubled squares
    return int(math.sqrt(x)) + int(math.sqrt(x // 2))


t = int(input())
res = []
for _ in range(t):
    l, r = map(int, input().split())
    res.append(count(r) - count(l - 1))
print("\n".join(map(str, res)))
