#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

struct SegTree {
    int n;
    vector<ll> t;
    SegTree(int n) : n(n), t(2 * n, 0) {}
    void upd(int p, ll v) {
        p += n;
        if (v <= t[p]) return;
        for (t[p] = v; p > 1; p >>= 1) t[p >> 1] = max(t[p], t[p ^ 1]);
    }
    ll query(int l, int r) {  // max on [l, r)
        ll res = 0;
        for (l += n, r += n; l < r; l >>= 1, r >>= 1) {
            if (l & 1) res = max(res, t[l++]);
            if (r & 1) res = max(res, t[--r]);
        }
        return res;
    }
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int T;
    cin >> T;
    while (T--) {
        int n;
        ll d;
        cin >> n >> d;
        vector<ll> h(n), s(n);
        for (auto &x : h) cin >> x;
        for (auto &x : s) cin >> x;
        vector<ll> xs = h;
        sort(xs.begin(), xs.end());
        xs.erase(unique(xs.begin(), xs.end()), xs.end());
        SegTree st(xs.size());
        ll ans = 0;
        for (int i = 0; i < n; i++) {
            int l = lower_bound(xs.begin(), xs.end(), h[i] - d) - xs.begin();
            int r = lower_bound(xs.begin(), xs.end(), h[i] + d) - xs.begin();
            ll cur = st.query(l, r) + s[i];
            ans = max(ans, cur);
            st.upd(lower_bound(xs.begin(), xs.end(), h[i]) - xs.begin(), cur);
        }
        cout << ans << "\n";
    }
    return 0;
}
