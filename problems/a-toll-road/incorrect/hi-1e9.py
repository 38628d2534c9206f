import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        s = int(data[2 * i + 1])
        B = int(data[2 * i + 2])
        lo, hi = 0, 10**9
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if mid * (2 * s + mid + 1) // 2 <= B:
                lo = mid
            else:
                hi = mid - 1
        out.append(lo)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
