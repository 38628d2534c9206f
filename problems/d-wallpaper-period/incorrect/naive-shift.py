import sys


def main():
    data = sys.stdin.read().split()
    n, s = int(data[0]), data[1]
    for p in range(1, n + 1):
        for i in range(n - p):
            if s[i] != s[i + p]:
                break
        else:
            print(p)
            return


main()
