#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n, k;
        scanf("%d %d", &n, &k);
        vector<int> c(n), cnt(n + 1, 0);
        for (auto &x : c) scanf("%d", &x);
        // two pointers: left(r) only moves right as r grows
        int answer = 0;
        for (int l = 0, r = 0; r < n; r++) {
            cnt[c[r]]++;
            while (cnt[c[r]] > k) cnt[c[l++]]--;
            answer += r - l + 1;
        }
        printf("%d\n", answer);
    }
    return 0;
}
