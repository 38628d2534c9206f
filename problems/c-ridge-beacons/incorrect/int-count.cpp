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
        vector<pair<int, int>> st;  // {height, how many}
        int ans = 0;
        for (int i = 0; i < n; i++) {
            int h;
            cin >> h;
            while (!st.empty() && st.back().first < h) {
                ans += st.back().second;
                st.pop_back();
            }
            int cnt = 1;
            if (!st.empty() && st.back().first == h) {
                ans += st.back().second;
                cnt += st.back().second;
                st.pop_back();
            }
            if (!st.empty()) ans++;
            st.push_back({h, cnt});
        }
        cout << ans << '\n';
    }
    return 0;
}
