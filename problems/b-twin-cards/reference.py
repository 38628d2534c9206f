import sys
from collections import Counter

MOD = 998244353

# If number v forms the pair, choose its two cards in C(cnt_v, 2) ways; every other number w
# contributes either nothing or one of its cnt_w cards: (1 + cnt_w) ways.
# Answer = sum over v of C(cnt_v, 2) * prod over w != v of (1 + cnt_w).


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        counts = list(Counter(data[pos + 1 : pos + 1 + n]).values())
        pos += 1 + n
        m = len(counts)
        suffix = [1] * (m + 1)
        for i in range(m - 1, -1, -1):
            suffix[i] = suffix[i + 1] * (1 + counts[i]) % MOD
        answer = 0
        prefix = 1
        for i, c in enumerate(counts):
            answer = (answer + c * (c - 1) // 2 % MOD * prefix % MOD * suffix[i + 1]) % MOD
            prefix = prefix * (1 + c) % MOD
        out.append(answer)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
