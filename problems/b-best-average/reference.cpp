#include <cstdio>
#include <vector>

// Exact solution. With prefix sums S, the average of a[i+1..j] is the slope from (i, S_i)
// to (j, S_j). For each j >= k the best start i <= j - k is the tangent point from (j, S_j)
// to the lower convex hull of the points (0, S_0), ..., (j - k, S_{j-k}); along that hull
// the slope to (j, S_j) first increases, then decreases, so a binary search finds it.
// |S| <= 2e11 and x-distances <= 2e5, so all cross products stay below 1e17.

typedef long long ll;

struct Pt {
    ll x, y;
};

// cross(b - a, c - a)
static ll cross(const Pt &a, const Pt &b, const Pt &c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n, k;
        std::scanf("%d %d", &n, &k);
        std::vector<ll> s(n + 1, 0);
        for (int i = 1; i <= n; i++) {
            ll a;
            std::scanf("%lld", &a);
            s[i] = s[i - 1] + a;
        }
        std::vector<Pt> hull;
        ll best_num = 0, best_den = 0;  // best average as a fraction, den > 0
        for (int j = k; j <= n; j++) {
            Pt p = {j - k, s[j - k]};
            while (hull.size() >= 2 && cross(hull[hull.size() - 2], hull.back(), p) <= 0)
                hull.pop_back();
            hull.push_back(p);
            Pt q = {j, s[j]};
            // first h with: hull[h + 1] is not strictly below the line hull[h] -> q
            int lo = 0, hi = (int)hull.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (cross(hull[mid], q, hull[mid + 1]) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            ll num = q.y - hull[lo].y, den = q.x - hull[lo].x;
            if (best_den == 0 || num * best_den > best_num * den) {
                best_num = num;
                best_den = den;
            }
        }
        std::printf("%.9Lf\n", (long double)best_num / (long double)best_den);
    }
    return 0;
}
