#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<long long> a(n);
    for (long long &x : a) std::scanf("%lld", &x);
    std::sort(a.begin(), a.end());
    // The best product uses either the two smallest (both negative) or the two largest.
    long long best = std::max(a[0] * a[1], a[n - 1] * a[n - 2]);
    std::printf("%lld\n", best);
    return 0;
}
