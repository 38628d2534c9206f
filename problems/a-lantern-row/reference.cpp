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
        // For each right end r, the tasteful pictures ending at r are exactly [l, r] with
        // l >= left(r), and left(r) never decreases: two pointers.
        long long answer = 0;
        for (int l = 0, r = 0; r < n; r++) {
            cnt[c[r]]++;
            while (cnt[c[r]] > k) cnt[c[l++]]--;
            answer += r - l + 1;
        }
        printf("%lld\n", answer);
    }
    return 0;
}
