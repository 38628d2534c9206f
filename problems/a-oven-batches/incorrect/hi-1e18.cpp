#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int n;
ll m;
vector<ll> a, b;

bool ok(ll T) {
    ll cnt = 0;
    for (int i = 0; i < n; i++) {
        if (T < a[i]) continue;
        cnt += (T - a[i]) / b[i];
        if (cnt >= m) return true;
    }
    return false;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        cin >> n >> m;
        a.assign(n, 0);
        b.assign(n, 0);
        for (auto &x : a) cin >> x;
        for (auto &x : b) cin >> x;
        ll lo = 0, hi = 1e18;
        while (lo < hi) {
            ll mid = lo + (hi - lo) / 2;
            if (ok(mid)) hi = mid;
            else lo = mid + 1;
        }
        cout << lo << "\n";
    }
    return 0;
}
