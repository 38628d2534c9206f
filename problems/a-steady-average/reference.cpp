#include <bits/stdc++.h>
using namespace std;

// [l, r] is steady iff the prefix sums of (a_i - k) agree at l - 1 and r: count equal pairs.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        long long k;
        scanf("%d %lld", &n, &k);
        vector<long long> pre(n + 1, 0);
        for (int i = 1; i <= n; i++) {
            long long a;
            scanf("%lld", &a);
            pre[i] = pre[i - 1] + (a - k);
        }
        sort(pre.begin(), pre.end());
        long long answer = 0;
        for (int i = 0, j; i <= n; i = j) {
            for (j = i; j <= n && pre[j] == pre[i]; j++) {}
            long long c = j - i;
            answer += c * (c - 1) / 2;
        }
        printf("%lld\n", answer);
    }
    return 0;
}
