import sys


def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7):
        if n % p == 0:
            return n == p
    # Fermat's little theorem: 2^(n-1) = 1 (mod n) for every odd prime n
    return pow(2, n - 1, n) == 1


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(1, t + 1):
        n = int(data[i])
        while not is_prime(n):
            n += 1
        out.append(n)
    print("\n".join(map(str, out)))


main()
