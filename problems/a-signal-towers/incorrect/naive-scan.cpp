#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<int> h(n);
        for (auto &x : h) cin >> x;
        long long ans = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1;
            while (j < n && h[j] < h[i]) j++;
            ans += (j < n ? j : n - 1) - i;
        }
        cout << ans << "\n";
    }
    return 0;
}
