#include <cstdio>
#include <cstdlib>
#include <vector>

int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> a(n);
    long long total = 0;
    for (long long &x : a) {
        std::scanf("%lld", &x);
        total += x;
    }
    long long prefix = a[0];
    long long best = std::llabs(total - 2 * prefix);
    int best_k = 1;
    for (int k = 2; k < n - 1; k++) {
        prefix += a[k - 1];
        long long difference = std::llabs(total - 2 * prefix);
        if (difference < best) {
            best = difference;
            best_k = k;
        }
    }
    std::printf("%d\n", best_k);
    return 0;
}
