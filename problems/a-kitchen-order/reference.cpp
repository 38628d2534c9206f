#include <bits/stdc++.h>
using namespace std;

// Exchange argument: swapping neighbours i, j changes the loss by p_i w_j - p_j w_i, so the
// optimal sequences are exactly those sorted by p / w; equal ratios can go in any order,
// and the lexicographically smallest sequence takes them by increasing number.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<long long> p(n), w(n);
        for (int i = 0; i < n; i++) scanf("%lld %lld", &p[i], &w[i]);
        vector<int> order(n);
        iota(order.begin(), order.end(), 0);
        sort(order.begin(), order.end(), [&](int i, int j) {
            long long left = p[i] * w[j], right = p[j] * w[i];  // both at most 10^18
            if (left != right) return left < right;
            return i < j;
        });
        for (int k = 0; k < n; k++) printf("%d%c", order[k] + 1, k + 1 == n ? '\n' : ' ');
    }
    return 0;
}
