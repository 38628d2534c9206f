#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n, k;
        cin >> n >> k;
        // greedily take the longest run that fits
        vector<int> runs;
        int left = n;
        while (k > 0) {
            int L = 1;
            while (L + 1 <= left && (L + 1) * L / 2 <= k) L++;
            if (L < 2) break;
            runs.push_back(L);
            k -= L * (L - 1) / 2;
            left -= L;
        }
        if (k > 0) {
            cout << -1 << "\n";
            continue;
        }
        while (left > 0) runs.push_back(1), left--;
        vector<int> p;
        int top = n;
        for (int L : runs) {
            for (int v = top - L + 1; v <= top; v++) p.push_back(v);
            top -= L;
        }
        for (int i = 0; i < n; i++) cout << p[i] << " \n"[i == n - 1];
    }
    return 0;
}
