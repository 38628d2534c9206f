#include <bits/stdc++.h>
using namespace std;
#define ll long long

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        ll m;
        cin >> n >> m;
        vector<ll> a(n), b(n);
        for (int i = 0; i < n; i++) cin >> a[i];
        for (int i = 0; i < n; i++) cin >> b[i];
        auto trays = [&](ll T) {
            ll s = 0;
            for (int i = 0; i < n; i++)
                if (T >= a[i]) s += (T - a[i]) / b[i];
            return s;
        };
        ll lo = 1, hi = 2e18, ans = hi;
        while (lo <= hi) {
            ll mid = lo + (hi - lo) / 2;
            if (trays(mid) >= m) {
                ans = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
