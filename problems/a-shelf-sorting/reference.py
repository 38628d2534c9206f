import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    answers = []
    for _ in range(t):
        n = int(data[pos])
        a = list(map(int, data[pos + 1 : pos + 1 + n]))
        pos += 1 + n
        b = sorted(a)
        # The fixed shelf must be exactly b, so every position where a and b differ must lie
        # in the block; and any block covering them all holds the right multiset.
        wrong = [i for i in range(n) if a[i] != b[i]]
        if not wrong:
            answers.append(n * (n + 1) // 2)
        else:
            first, last = wrong[0], wrong[-1]
            answers.append((first + 1) * (n - last))
    sys.stdout.write("\n".join(map(str, answers)) + "\n")


main()
