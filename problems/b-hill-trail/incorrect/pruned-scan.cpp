#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

// best[i] = s_i + the best total of a stop j < i within d metres of h_i. Scanning j from
// i - 1 downwards, the scan stops as soon as no earlier stop can beat what was found:
// upto[j] is the best total among stops 0..j, reachable or not.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        ll d;
        scanf("%d %lld", &n, &d);
        vector<ll> h(n), s(n), best(n), upto(n);
        for (auto &x : h) scanf("%lld", &x);
        for (auto &x : s) scanf("%lld", &x);
        ll answer = 0;
        for (int i = 0; i < n; i++) {
            ll before = 0;
            for (int j = i - 1; j >= 0 && upto[j] > before; j--)
                if (llabs(h[i] - h[j]) <= d) before = max(before, best[j]);
            best[i] = before + s[i];
            upto[i] = max(i ? upto[i - 1] : 0, best[i]);
            answer = max(answer, best[i]);
        }
        printf("%lld\n", answer);
    }
    return 0;
}
