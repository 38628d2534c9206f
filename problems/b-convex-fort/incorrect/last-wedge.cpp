#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

struct P {
    ll x, y;
    P operator-(const P &o) const { return {x - o.x, y - o.y}; }
};
ll cr(P a, P b) { return a.x * b.y - a.y * b.x; }

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<P> p(n);
    for (auto &v : p) cin >> v.x >> v.y;
    int q;
    cin >> q;
    while (q--) {
        P s;
        cin >> s.x >> s.y;
        ll a = cr(p[1] - p[0], s - p[0]), b = cr(p[n - 1] - p[0], s - p[0]);
        if (a < 0 || b > 0) {
            cout << "OUTSIDE\n";
            continue;
        }
        // find the triangle p0, p[l], p[l+1] of the fan containing s
        int l = 1, r = n - 2;
        while (r - l > 1) {
            int m = (l + r) / 2;
            if (cr(p[m] - p[0], s - p[0]) >= 0) l = m;
            else r = m;
        }
        ll c = cr(p[l + 1] - p[l], s - p[l]);
        if (c < 0) cout << "OUTSIDE\n";
        else if (c == 0 || a == 0 || b == 0) cout << "BORDER\n";
        else cout << "INSIDE\n";
    }
    return 0;
}
