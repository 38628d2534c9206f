import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    q = int(data[1])
    s = data[2]
    MOD = 10**9 + 7
    B = 131
    h = [0] * (n + 1)
    pw = [1] * (n + 1)
    for i in range(n):
        h[i + 1] = (h[i] * B + s[i]) % MOD
        pw[i + 1] = pw[i] * B % MOD
    out = []
    pos = 3
    for _ in range(q):
        l1 = int(data[pos]) - 1
        r1 = int(data[pos + 1])
        l2 = int(data[pos + 2]) - 1
        r2 = int(data[pos + 3])
        pos += 4
        len1 = r1 - l1
        len2 = r2 - l2
        lo, hi = 0, min(len1, len2)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if (h[l1 + mid] - h[l1] * pw[mid]) % MOD == (h[l2 + mid] - h[l2] * pw[mid]) % MOD:
                lo = mid
            else:
                hi = mid - 1
        if lo == min(len1, len2):
            out.append("<" if len1 < len2 else (">" if len1 > len2 else "="))
        else:
            out.append("<" if s[l1 + lo] < s[l2 + lo] else ">")
    sys.stdout.write("\n".join(out) + "\n")


main()
