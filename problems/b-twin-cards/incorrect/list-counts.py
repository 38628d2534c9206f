import sys

MOD = 998244353


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        cards = data[pos + 1 : pos + 1 + n]
        pos += 1 + n
        # how many cards show each number, in order of first appearance
        numbers, counts = [], []
        for card in cards:
            if card in numbers:
                counts[numbers.index(card)] += 1
            else:
                numbers.append(card)
                counts.append(1)
        # the pair's number v: C(cnt_v, 2) ways; any other number w: none or one of its cards
        m = len(counts)
        suffix = [1] * (m + 1)
        for i in range(m - 1, -1, -1):
            suffix[i] = suffix[i + 1] * (1 + counts[i]) % MOD
        answer, prefix = 0, 1
        for i, c in enumerate(counts):
            answer = (answer + c * (c - 1) // 2 % MOD * prefix % MOD * suffix[i + 1]) % MOD
            prefix = prefix * (1 + c) % MOD
        out.append(answer)
    print("\n".join(map(str, out)))


main()
