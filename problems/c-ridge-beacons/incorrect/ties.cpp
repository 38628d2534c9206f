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
        vector<int> st;
        long long ans = 0;
        for (int i = 0; i < n; i++) {
            int h;
            cin >> h;
            while (!st.empty() && st.back() <= h) {
                ans++;
                st.pop_back();
            }
            if (!st.empty()) ans++;
            st.push_back(h);
        }
        cout << ans << '\n';
    }
    return 0;
}
