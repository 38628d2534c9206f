import sys

input = sys.stdin.readline

t = int(input())
seen = {}
for _ in range(t):
    n = int(input())
    pairs = 0
    for colour in map(int, input().split()):
        pairs += seen.get(colour, 0)
        seen[colour] = seen.get(colour, 0) + 1
    print(pairs)
