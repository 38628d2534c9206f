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
        vector<int> h(n), nxt(n, n);
        for (auto &x : h) cin >> x;
        stack<int> st;
        for (int i = 0; i < n; i++) {
            while (!st.empty() && h[st.top()] <= h[i]) {
                nxt[st.top()] = i;
                st.pop();
            }
            st.push(i);
        }
        int ans = 0;
        for (int i = 0; i < n; i++) ans += (nxt[i] == n ? n - 1 : nxt[i]) - i;
        cout << ans << "\n";
    }
    return 0;
}
