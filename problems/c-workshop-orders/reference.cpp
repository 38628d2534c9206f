#include <algorithm>
#include <cstdio>
#include <queue>
#include <utility>
#include <vector>

// Moore-Hodgson: scan orders by collection time, keep the chosen set feasible in
// earliest-deadline order, and when the total work exceeds the current deadline drop the
// longest chosen order.
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        std::scanf("%d", &n);
        std::vector<std::pair<long long, long long>> orders(n);  // (deadline, work)
        for (auto& [d, p] : orders) std::scanf("%lld %lld", &p, &d);
        std::sort(orders.begin(), orders.end());
        std::priority_queue<long long> chosen;
        long long total = 0;
        for (auto [d, p] : orders) {
            chosen.push(p);
            total += p;
            if (total > d) {
                total -= chosen.top();
                chosen.pop();
            }
        }
        std::printf("%zu\n", chosen.size());
    }
    return 0;
}
