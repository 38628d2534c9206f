#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        long long m;
        scanf("%d %lld", &n, &m);
        vector<long long> a(n), b(n);
        for (auto &x : a) scanf("%lld", &x);
        for (auto &x : b) scanf("%lld", &x);
        // Oven i alone has m trays at a_i + m * b_i <= 10^9 + 10^18, so this bound is feasible.
        long long hi = LLONG_MAX;
        for (int i = 0; i < n; i++) hi = min(hi, a[i] + m * b[i]);
        long long lo = 0;
        while (lo < hi) {
            long long mid = lo + (hi - lo) / 2;
            long long trays = 0;
            for (int i = 0; i < n && trays < m; i++)
                if (mid >= a[i]) trays += (mid - a[i]) / b[i];
            if (trays >= m) hi = mid;
            else lo = mid + 1;
        }
        printf("%lld\n", lo);
    }
    return 0;
}
