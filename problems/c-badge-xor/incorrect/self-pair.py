import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        k = int(data[pos + 1])
        pos += 2
        cnt = Counter(map(int, data[pos:pos + n]))
        pos += n
        ans = 0
        for v, c in cnt.items():
            w = v ^ k
            if v < w:
                ans += c * cnt.get(w, 0)
        out.append(ans)
    print("\n".join(map(str, out)))


main()
