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
        vector<pair<ll, ll>> a(n);  // {deadline, time}
        for (auto &[d, p] : a) cin >> p >> d;
        sort(a.begin(), a.end());
        ll cur = 0;
        int cnt = 0;
        for (auto [d, p] : a) {
            if (cur + p <= d) {
                cur += p;
                cnt++;
            }
        }
        cout << cnt << '\n';
    }
    return 0;
}
