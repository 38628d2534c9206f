#include <bits/stdc++.h>
using namespace std;

// Moore-Hodgson: take the orders by collection time; when the chosen work no longer fits
// before the current collection time, drop the longest chosen order.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<pair<long long, long long>> orders(n);  // (collection time, work)
        for (auto &[d, p] : orders) scanf("%lld %lld", &p, &d);
        sort(orders.begin(), orders.end());
        vector<long long> chosen;
        long long total = 0;
        for (auto [d, p] : orders) {
            chosen.push_back(p);
            total += p;
            if (total > d) {  // the longest chosen order goes
                sort(chosen.begin(), chosen.end());
                total -= chosen.back();
                chosen.pop_back();
            }
        }
        printf("%zu\n", chosen.size());
    }
    return 0;
}
