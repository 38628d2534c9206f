#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<int> h(n);
        for (auto &x : h) scanf("%d", &x);
        // Right to left with a stack of candidate blockers, strictly increasing from top.
        vector<int> st;
        long long total = 0;
        for (int i = n - 1; i >= 0; i--) {
            while (!st.empty() && h[st.back()] < h[i]) st.pop_back();
            total += st.empty() ? (n - 1 - i) : (st.back() - i);
            st.push_back(i);
        }
        printf("%lld\n", total);
    }
    return 0;
}
