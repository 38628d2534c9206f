#include <algorithm>
#include <cstdio>
#include <vector>

// best[i] = s_i + max(0, max best[j] over j < i with |h_j - h_i| <= d). The maxima are
// kept in a segment tree over the sorted distinct altitudes; the altitudes within d of h_i
// form the index range [lower_bound(h_i - d), upper_bound(h_i + d)).

typedef long long ll;

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        ll d;
        std::scanf("%d %lld", &n, &d);
        std::vector<ll> h(n), s(n);
        for (auto &x : h) std::scanf("%lld", &x);
        for (auto &x : s) std::scanf("%lld", &x);
        std::vector<ll> xs(h);
        std::sort(xs.begin(), xs.end());
        xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
        int m = (int)xs.size();
        int size = 1;
        while (size < m) size <<= 1;
        std::vector<ll> tree(2 * size, 0);  // 0 = no stop yet (every worth is positive)
        ll answer = 0;
        for (int i = 0; i < n; i++) {
            int l = (int)(std::lower_bound(xs.begin(), xs.end(), h[i] - d) - xs.begin());
            int r = (int)(std::upper_bound(xs.begin(), xs.end(), h[i] + d) - xs.begin());
            ll best = 0;
            for (int a = l + size, b = r + size; a < b; a >>= 1, b >>= 1) {
                if (a & 1) best = std::max(best, tree[a++]);
                if (b & 1) best = std::max(best, tree[--b]);
            }
            ll cur = best + s[i];
            answer = std::max(answer, cur);
            int pos = (int)(std::lower_bound(xs.begin(), xs.end(), h[i]) - xs.begin()) + size;
            if (cur > tree[pos]) {
                tree[pos] = cur;
                for (pos >>= 1; pos >= 1; pos >>= 1) tree[pos] = std::max(tree[2 * pos], tree[2 * pos + 1]);
            }
        }
        std::printf("%lld\n", answer);
    }
    return 0;
}
