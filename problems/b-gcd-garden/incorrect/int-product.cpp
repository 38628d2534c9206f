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
        vector<pair<int, int>> cur, nxt;  // (gcd, how many left ends)
        long long ans = 0;
        for (int i = 0; i < n; i++) {
            int a;
            cin >> a;
            nxt.clear();
            nxt.push_back({a, 1});
            for (auto [g, c] : cur) {
                int h = __gcd(g, a);
                if (nxt.back().first == h) nxt.back().second += c;
                else nxt.push_back({h, c});
            }
            swap(cur, nxt);
            for (auto [g, c] : cur) ans += g * c;
        }
        cout << ans << "\n";
    }
    return 0;
}
