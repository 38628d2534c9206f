#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n, k;
        cin >> n >> k;
        vector<int> s(n + 1);
        for (int i = 1; i <= n; i++) {
            int a;
            cin >> a;
            s[i] = s[i - 1] + a;
        }
        // max slope between (i, s[i]) and (j, s[j]) with j - i >= k
        vector<pair<ll, ll>> h;  // lower hull
        auto cross = [](pair<ll, ll> a, pair<ll, ll> b, pair<ll, ll> c) {
            return (b.first - a.first) * (c.second - a.second) - (b.second - a.second) * (c.first - a.first);
        };
        ll bn = 0, bd = 0;
        for (int j = k; j <= n; j++) {
            pair<ll, ll> p = {j - k, s[j - k]};
            while (h.size() >= 2 && cross(h[h.size() - 2], h.back(), p) <= 0) h.pop_back();
            h.push_back(p);
            pair<ll, ll> q = {j, s[j]};
            int lo = 0, hi = h.size() - 1;
            while (lo < hi) {
                int m = (lo + hi) / 2;
                if (cross(h[m], q, h[m + 1]) < 0) lo = m + 1;
                else hi = m;
            }
            ll num = q.second - h[lo].second, den = q.first - h[lo].first;
            if (bd == 0 || num * bd > bn * den) bn = num, bd = den;
        }
        cout << fixed << setprecision(9) << (long double)bn / bd << "\n";
    }
    return 0;
}
