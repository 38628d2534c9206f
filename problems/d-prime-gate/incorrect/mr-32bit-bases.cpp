#include <cstdio>

typedef unsigned long long u64;
typedef unsigned __int128 u128;

u64 mul(u64 a, u64 b, u64 m) { return (u128)a * b % m; }

u64 power(u64 a, u64 e, u64 m) {
    u64 r = 1;
    a %= m;
    while (e) {
        if (e & 1) r = mul(r, a, m);
        a = mul(a, a, m);
        e >>= 1;
    }
    return r;
}

// Miller-Rabin with the bases 2, 7 and 61 (exact for every 32-bit n).
bool is_prime(u64 n) {
    static const u64 bases[] = {2, 7, 61};
    if (n < 2) return false;
    for (u64 p : bases)
        if (n % p == 0) return n == p;
    u64 d = n - 1;
    int s = 0;
    while (d % 2 == 0) d /= 2, s++;
    for (u64 a : bases) {
        u64 x = power(a, d, n);
        if (x == 1 || x == n - 1) continue;
        bool composite = true;
        for (int i = 1; i < s && composite; i++) {
            x = mul(x, x, n);
            if (x == n - 1) composite = false;
        }
        if (composite) return false;
    }
    return true;
}

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        u64 n;
        std::scanf("%llu", &n);
        while (!is_prime(n)) n++;
        std::printf("%llu\n", n);
    }
    return 0;
}
