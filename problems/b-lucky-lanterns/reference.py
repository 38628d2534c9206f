import sys
from math import isqrt

# sigma is multiplicative; sigma(2^a) is always odd and, for an odd prime p,
# sigma(p^b) = 1 + p + ... + p^b is odd exactly when b is even. So sigma(m) is odd iff the
# odd part of m is a perfect square, i.e. iff m = s^2 or m = 2 * s^2.


def lit_up_to(x: int) -> int:
    return isqrt(x) + isqrt(x // 2)


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        l = int(data[1 + 2 * i])
        r = int(data[2 + 2 * i])
        out.append(lit_up_to(r) - lit_up_to(l - 1))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
