#include <cmath>
#include <cstdio>

typedef unsigned long long u64;

bool is_power(u64 c, int b, u64 n) {
    unsigned __int128 r = 1;
    for (int i = 0; i < b; i++) {
        r *= c;
        if (r > n) return false;
    }
    return r == n;
}

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        u64 n;
        std::scanf("%llu", &n);
        int answer = 1;
        // 2^30 > 10^9, so no height above 30 is possible
        for (int b = 30; b >= 2 && answer == 1; b--) {
            long long a = std::llround(std::pow((long double)n, 1.0L / b));
            for (long long c = a - 1; c <= a + 1; c++)
                if (c >= 2 && is_power((u64)c, b, n)) answer = b;
        }
        std::printf("%d\n", answer);
    }
    return 0;
}
