#include <algorithm>
#include <cstdio>
#include <vector>

// Sort the codes; for every run of equal codes v, the partners are the codes equal to v ^ k,
// found by binary search; pairs of distinct values are counted from the smaller one.
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        long long k;
        std::scanf("%d %lld", &n, &k);
        std::vector<long long> a(n);
        for (long long& x : a) std::scanf("%lld", &x);
        std::sort(a.begin(), a.end());
        long long pairs = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && a[j] == a[i]) j++;
            long long v = a[i], w = v ^ k;
            int c = j - i;
            if (w == v) {
                pairs += c * (c - 1) / 2;
            } else if (v < w) {
                auto range = std::equal_range(a.begin() + j, a.end(), w);
                pairs += c * (range.second - range.first);
            }
            i = j;
        }
        std::printf("%lld\n", pairs);
    }
    return 0;
}
