#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<ll> a(n);
        for (auto &x : a) cin >> x;
        ll ans = 0;
        for (int r = 0; r < n; r++) {
            ll g = 0;
            for (int l = r; l >= 0; l--) {
                g = __gcd(g, a[l]);
                if (g == 1) {  // gcd stays 1 for all groups further left
                    ans += l + 1;
                    break;
                }
                ans += g;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
