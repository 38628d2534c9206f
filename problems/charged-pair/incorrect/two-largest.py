n = int(input())
charges = sorted(map(int, input().split()))
print(charges[-1] * charges[-2])
