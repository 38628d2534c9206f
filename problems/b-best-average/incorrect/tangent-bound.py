import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n, k = int(data[pos]), int(data[pos + 1])
        pos += 2
        s = [0] * (n + 1)
        for i in range(n):
            s[i + 1] = s[i] + int(data[pos + i])
        pos += n
        hx, hy = [], []  # lower hull of (i, s[i]), i <= j - k
        bn, bd = 0, 0
        for j in range(k, n + 1):
            px, py = j - k, s[j - k]
            while len(hx) >= 2 and (hx[-1] - hx[-2]) * (py - hy[-2]) - (hy[-1] - hy[-2]) * (px - hx[-2]) <= 0:
                hx.pop()
                hy.pop()
            hx.append(px)
            hy.append(py)
            qx, qy = j, s[j]
            # tangent from (qx, qy): slope to q increases along the hull, then decreases
            lo, hi = 0, len(hx) - 2
            while lo < hi:
                m = (lo + hi) // 2
                if (qx - hx[m]) * (hy[m + 1] - hy[m]) - (qy - hy[m]) * (hx[m + 1] - hx[m]) < 0:
                    lo = m + 1
                else:
                    hi = m
            num, den = qy - hy[lo], qx - hx[lo]
            if bd == 0 or num * bd > bn * den:
                bn, bd = num, den
        out.append("%.9f" % (bn / bd))
    print("\n".join(out))


main()
