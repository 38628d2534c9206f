import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    answers = []
    for _ in range(t):
        n = int(data[pos])
        pos += 1
        counts: dict[int, int] = {}
        for token in data[pos : pos + n]:
            colour = int(token)
            counts[colour] = counts.get(colour, 0) + 1
        pos += n
        answers.append(sum(k * (k - 1) // 2 for k in counts.values()))
    sys.stdout.write("\n".join(map(str, answers)) + "\n")


main()
