#include <cstdio>
#include <vector>

// For each beacon j, walk west while the tallest beacon passed so far is not taller than
// h_j: beacon i is seen when nothing between is taller than h_i. Once something taller than
// h_j stands between, no beacon further west can see j.
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        std::scanf("%d", &n);
        std::vector<int> h(n);
        for (auto &x : h) std::scanf("%d", &x);
        long long pairs = 0;
        for (int j = 1; j < n; j++) {
            int between = 0;
            for (int i = j - 1; i >= 0 && between <= h[j]; i--) {
                if (between <= h[i]) pairs++;
                if (h[i] > between) between = h[i];
            }
        }
        std::printf("%lld\n", pairs);
    }
    return 0;
}
