#include <bits/stdc++.h>
using namespace std;
using ll = long long;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        ll k;
        cin >> n >> k;
        unordered_map<ll, int> cnt;
        cnt[0] = 1;
        ll pref = 0, ans = 0;
        for (int i = 0; i < n; i++) {
            ll a;
            cin >> a;
            pref += a - k;
            auto it = cnt.find(pref);
            if (it != cnt.end()) {
                ans += it->second;
                it->second++;
            } else {
                cnt[pref] = 1;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
