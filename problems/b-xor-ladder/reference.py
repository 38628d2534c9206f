import sys

# For two different labels u and v, (u ^ x) < (v ^ x) depends only on the highest bit b
# where u and v differ (x does not change u ^ v): it holds iff bit b of x equals bit b
# of u. Each neighbouring pair therefore fixes one bit of x; equal neighbours or two pairs
# fixing the same bit differently make it impossible, and free bits are best left at 0.


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        a = list(map(int, data[pos + 1 : pos + 1 + n]))
        pos += 1 + n
        need: dict[int, int] = {}
        possible = True
        for i in range(n - 1):
            diff = a[i] ^ a[i + 1]
            if diff == 0:
                possible = False
                break
            bit = diff.bit_length() - 1
            value = (a[i] >> bit) & 1
            if need.setdefault(bit, value) != value:
                possible = False
                break
        if possible:
            out.append(sum(1 << bit for bit, value in need.items() if value))
        else:
            out.append(-1)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
