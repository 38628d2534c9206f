#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int t;
    scanf("%d", &t);
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<ll> a(n);
        bool ok = true;
        for (int i = 0; i < n; i++) {
            scanf("%lld", &a[i]);
            if (i > 0 && a[i] == a[i - 1]) {  // equal neighbours stay equal after any xor
                ok = false;
                break;
            }
        }
        if (!ok) {
            puts("-1");
            continue;
        }
        int need[60];
        memset(need, -1, sizeof need);
        ll x = 0;
        for (int i = 0; i + 1 < n && ok; i++) {
            int b = 63 - __builtin_clzll(a[i] ^ a[i + 1]);
            int v = a[i] >> b & 1;
            if (need[b] == -1) {
                need[b] = v;
                if (v) x |= 1LL << b;
            } else if (need[b] != v) {
                ok = false;
            }
        }
        printf("%lld\n", ok ? x : -1LL);
    }
    return 0;
}
