#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        long long s, B;
        scanf("%lld %lld", &s, &B);
        // k kilometres cost (s+1) + ... + (s+k) = k (2s + k + 1) / 2; k(k+1)/2 <= 10^18 gives
        // k < 1.5 * 10^9, and for k <= 2 * 10^9 the product stays below 8.1 * 10^18.
        long long lo = 0, hi = 2000000000LL;
        while (lo < hi) {
            long long k = lo + (hi - lo + 1) / 2;
            if (k * (2 * s + k + 1) / 2 <= B) lo = k;
            else hi = k - 1;
        }
        printf("%lld\n", lo);
    }
    return 0;
}
