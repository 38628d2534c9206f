#include <bits/stdc++.h>
using namespace std;

// Sorted decreasingly, the best triangle is the first consecutive triple b_i < b_{i+1} +
// b_{i+2}, and it lies among the 45 largest sticks (a longer chain without a triangle would
// grow like the Fibonacci numbers past 10^9). So each question takes the 45 largest sticks
// of its range and scans them.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n, q;
        scanf("%d %d", &n, &q);
        vector<long long> a(n);
        for (auto &x : a) scanf("%lld", &x);
        while (q--) {
            int l, r;
            scanf("%d %d", &l, &r);
            vector<long long> b(a.begin() + (l - 1), a.begin() + r);
            size_t top = min<size_t>(45, b.size());
            partial_sort(b.begin(), b.begin() + top, b.end(), greater<long long>());
            long long best = 0;
            for (size_t i = 0; i + 2 < top; i++)
                if (b[i + 1] + b[i + 2] > b[i]) {
                    best = b[i] + b[i + 1] + b[i + 2];
                    break;
                }
            printf("%lld\n", best);
        }
    }
    return 0;
}
