#include <bits/stdc++.h>
using namespace std;
const long long MOD = 998244353;

long long pw(long long b, long long e) {
    long long r = 1;
    b %= MOD;
    for (; e; e >>= 1, b = b * b % MOD)
        if (e & 1) r = r * b % MOD;
    return r;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        map<int, int> cnt;
        for (int i = 0; i < n; i++) {
            int x;
            cin >> x;
            cnt[x]++;
        }
        long long all = 1;  // prod of (cnt + 1)
        for (auto [v, c] : cnt) all = all * (c + 1) % MOD;
        long long ans = 0;
        for (auto [v, c] : cnt) {
            long long pairs = c * (c - 1) / 2 % MOD;
            ans = (ans + pairs * all % MOD * pw(c + 1, MOD - 2)) % MOD;
        }
        cout << ans << "\n";
    }
    return 0;
}
