import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        pos += 1
        p = data[pos:pos + 2 * n:2]
        w = data[pos + 1:pos + 2 * n:2]
        pos += 2 * n
        # Smith's rule: cook by increasing time / impatience, ties by order number
        key = [(int(p[i]) / int(w[i]), i) for i in range(n)]
        key.sort()
        out.append(" ".join(str(i + 1) for _, i in key))
    sys.stdout.write("\n".join(out) + "\n")


main()
