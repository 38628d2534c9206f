#include <cstdio>
#include <numeric>
#include <utility>
#include <vector>

// For a fixed right end r, the gcds of a[l..r] take at most about log2(1e9) + 1 distinct
// values (each change at least halves the gcd). Keep them as (gcd, number of left ends)
// pairs, ordered by decreasing l; extending to r + 1 maps each gcd g to gcd(g, a[r+1]) and
// merges equal neighbours. The total is at most 5.00005e18, inside a signed 64-bit integer.

typedef long long ll;

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        std::scanf("%d", &n);
        std::vector<std::pair<ll, ll>> cur, next;  // (gcd, count)
        ll total = 0;
        for (int i = 0; i < n; i++) {
            ll a;
            std::scanf("%lld", &a);
            next.clear();
            next.push_back({a, 1});
            for (const auto &[g, c] : cur) {
                ll h = std::gcd(g, a);
                if (next.back().first == h)
                    next.back().second += c;
                else
                    next.push_back({h, c});
            }
            std::swap(cur, next);
            for (const auto &[g, c] : cur) total += g * c;
        }
        std::printf("%lld\n", total);
    }
    return 0;
}
