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
        ll k;
        cin >> n >> k;
        unordered_map<ll, int> cnt;
        ll ans = 0;
        for (int i = 0; i < n; i++) {
            ll x;
            cin >> x;
            auto it = cnt.find(x ^ k);
            if (it != cnt.end()) ans += it->second;
            cnt[x]++;
        }
        cout << ans << '\n';
    }
    return 0;
}
