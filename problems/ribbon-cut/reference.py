import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    weights = list(map(int, data[1 : n + 1]))
    total = sum(weights)
    prefix = 0
    best_k, best_difference = 1, None
    for k in range(1, n):
        prefix += weights[k - 1]
        difference = abs(total - 2 * prefix)
        if best_difference is None or difference < best_difference:
            best_k, best_difference = k, difference
    print(best_k)


main()
