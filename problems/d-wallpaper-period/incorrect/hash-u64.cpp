#include <cstdio>
#include <vector>

// p is a period exactly when the prefix and the suffix of length n - p are equal; compare
// them by polynomial hashes, arithmetic modulo 2^64 for free.
typedef unsigned long long u64;

int main() {
    int n;
    static char s[200005];
    if (std::scanf("%d %200004s", &n, s) != 2) return 1;
    const u64 BASE = 131;
    std::vector<u64> h(n + 1, 0), pw(n + 1, 1);
    for (int i = 0; i < n; i++) {
        h[i + 1] = h[i] * BASE + (u64)s[i];
        pw[i + 1] = pw[i] * BASE;
    }
    auto part = [&](int from, int length) { return h[from + length] - h[from] * pw[length]; };
    for (int p = 1; p <= n; p++)
        if (part(0, n - p) == part(p, n - p)) {
            std::printf("%d\n", p);
            return 0;
        }
    return 0;
}
