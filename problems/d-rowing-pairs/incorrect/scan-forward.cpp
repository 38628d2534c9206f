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
        long long pairs = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n && a[j] - a[i] <= d; j++) pairs++;
        printf("%lld\n", pairs);
    }
    return 0;
}
