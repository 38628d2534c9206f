import sys

input = sys.stdin.readline


def solve(a):
    # classic "no two adjacent" on a line
    prev, cur = 0, 0
    for x in a:
        prev, cur = cur, max(cur, prev + x)
    return cur


t = int(input())
ans = []
for _ in range(t):
    n = int(input())
    p = list(map(int, input().split()))
    # circle: place 1 and place n can't both be open
    ans.append(max(solve(p[1:]), solve(p[:-1])))
print("\n".join(map(str, ans)))
