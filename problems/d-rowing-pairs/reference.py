import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n, d = int(data[pos]), int(data[pos + 1])
        a = sorted(map(int, data[pos + 2 : pos + 2 + n]))
        pos += 2 + n
        # after sorting, the partners of a[r] to its left are a[l..r-1] with a[r] - a[l] <= d,
        # and l only moves right as r grows
        pairs = 0
        left = 0
        for right in range(n):
            while a[right] - a[left] > d:
                left += 1
            pairs += right - left
        out.append(pairs)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
