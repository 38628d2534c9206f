#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
const ll NEG = LLONG_MIN / 4;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<ll> p(n);
        for (auto &x : p) cin >> x;
        if (n == 1) {
            cout << max(0LL, p[0]) << "\n";
            continue;
        }
        ll ans = 0;
        // f = is place 1 open?  dp[i][0/1] = best for places 1..i+1, place i+1 closed/open
        for (int f = 0; f < 2; f++) {
            vector<array<ll, 2>> dp(n);
            if (f) dp[0][0] = NEG;
            else dp[0][1] = NEG;
            for (int i = 1; i < n; i++) {
                dp[i][0] = max(dp[i - 1][0], dp[i - 1][1]);
                dp[i][1] = dp[i - 1][0] + p[i];
            }
            ans = max(ans, dp[n - 1][0]);
            if (!f) ans = max(ans, dp[n - 1][1]);
        }
        cout << ans << "\n";
    }
    return 0;
}
