#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        long long d;
        scanf("%d %lld", &n, &d);
        vector<long long> a(n);
        for (auto &x : a) scanf("%lld", &x);
        sort(a.begin(), a.end());
        int pairs = 0;
        for (int l = 0, r = 0; r < n; r++) {
            while (a[r] - a[l] > d) l++;
            pairs += r - l;
        }
        printf("%d\n", pairs);
    }
    return 0;
}
