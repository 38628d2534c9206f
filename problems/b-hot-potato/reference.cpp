#include <cstdio>

// The throws form walks on the complete graph K_k. Its adjacency matrix J - I has the
// eigenvalue k - 1 once and -1 with multiplicity k - 1, which gives, for walks of length n:
//   from s back to s:        ((k-1)^n + (k-1) * (-1)^n) / k
//   from s to a given e != s: ((k-1)^n - (-1)^n) / k
// k < 10^9 + 7, so k is invertible modulo the prime.

typedef long long ll;
const ll MOD = 1000000007LL;

ll power(ll base, ll exp) {
    base %= MOD;
    ll result = 1;
    while (exp > 0) {
        if (exp & 1) result = result * base % MOD;
        base = base * base % MOD;
        exp >>= 1;
    }
    return result;
}

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        ll n, k, s, e;
        std::scanf("%lld %lld %lld %lld", &n, &k, &s, &e);
        ll pw = power(k - 1, n);
        ll sign = (n % 2 == 0) ? 1 : MOD - 1;  // (-1)^n modulo MOD
        ll numerator;
        if (s == e) {
            numerator = (pw + sign * ((k - 1) % MOD)) % MOD;
        } else {
            numerator = (pw + MOD - sign) % MOD;
        }
        ll answer = numerator * power(k, MOD - 2) % MOD;
        std::printf("%lld\n", answer);
    }
    return 0;
}
