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
        cin >> n;
        vector<ll> p(n), w(n);
        for (int i = 0; i < n; i++) cin >> p[i] >> w[i];
        vector<int> id(n);
        iota(id.begin(), id.end(), 0);
        // exchange argument: i goes first iff p_i / w_i < p_j / w_j
        sort(id.begin(), id.end(), [&](int i, int j) { return p[i] * w[j] < p[j] * w[i]; });
        for (int i = 0; i < n; i++) cout << id[i] + 1 << " \n"[i == n - 1];
    }
    return 0;
}
