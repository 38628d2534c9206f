#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

// without a triangle the sorted lengths grow like Fibonacci numbers,
// so only the K largest sticks of a range can matter
const int K = 44;

int n, q;
vector<vector<int>> seg;

vector<int> mergeTop(const vector<int> &a, const vector<int> &b) {
    vector<int> res;
    res.reserve(K);
    size_t i = 0, j = 0;
    while ((int)res.size() < K && (i < a.size() || j < b.size())) {
        if (j == b.size() || (i < a.size() && a[i] >= b[j])) res.push_back(a[i++]);
        else res.push_back(b[j++]);
    }
    return res;
}

void build(int node, int lo, int hi, const vector<int> &a) {
    if (lo == hi) {
        seg[node] = {a[lo]};
        return;
    }
    int mid = (lo + hi) / 2;
    build(2 * node, lo, mid, a);
    build(2 * node + 1, mid + 1, hi, a);
    seg[node] = mergeTop(seg[2 * node], seg[2 * node + 1]);
}

vector<int> query(int node, int lo, int hi, int l, int r) {
    if (r < lo || hi < l) return {};
    if (l <= lo && hi <= r) return seg[node];
    int mid = (lo + hi) / 2;
    return mergeTop(query(2 * node, lo, mid, l, r), query(2 * node + 1, mid + 1, hi, l, r));
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        cin >> n >> q;
        vector<int> a(n);
        for (auto &x : a) cin >> x;
        seg.assign(4 * n, {});
        build(1, 0, n - 1, a);
        while (q--) {
            int l, r;
            cin >> l >> r;
            vector<int> top = query(1, 0, n - 1, l - 1, r - 1);
            ll ans = 0;
            for (int i = 0; i + 2 < (int)top.size(); i++) {
                if ((ll)top[i + 1] + top[i + 2] > top[i]) {
                    ans = (ll)top[i] + top[i + 1] + top[i + 2];
                    break;
                }
            }
            cout << ans << "\n";
        }
    }
    return 0;
}
