import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n, m = int(data[pos]), int(data[pos + 1])
        pos += 2
        a = list(map(int, data[pos:pos + n]))
        pos += n
        b = list(map(int, data[pos:pos + n]))
        pos += n
        ovens = sorted(zip(a, b))
        xs = [x for x, _ in ovens]
        ys = [y for _, y in ovens]

        def enough(T):
            s = 0
            for i in range(n):
                if xs[i] + ys[i] > T:
                    break
                s += (T - xs[i]) // ys[i]
                if s >= m:
                    return True
            return False

        lo, hi = 0, min(xs[i] + m * ys[i] for i in range(n))
        while lo < hi:
            mid = (lo + hi) // 2
            if enough(mid):
                hi = mid
            else:
                lo = mid + 1
        out.append(lo)
    print("\n".join(map(str, out)))


main()
