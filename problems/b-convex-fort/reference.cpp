#include <cstdio>
#include <vector>

// Point location in a strictly convex polygon: a binary search over the fan of triangles
// (p0, p[i], p[i+1]) around vertex p0, all in exact 64-bit integer arithmetic. Coordinates
// are at most 1e9 in absolute value, so every difference fits in 2^31 and every cross
// product of two differences in [-8e18, 8e18], inside the range of long long.

typedef long long ll;

struct Pt {
    ll x, y;
};

// cross((b - a), (c - a)): positive when c is to the left of the directed line a -> b.
ll cross(const Pt &a, const Pt &b, const Pt &c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<Pt> p(n);
    for (auto &v : p) std::scanf("%lld %lld", &v.x, &v.y);
    int q;
    std::scanf("%d", &q);
    std::vector<char> out;
    out.reserve((size_t)q * 8);
    auto emit = [&](const char *s) {
        while (*s) out.push_back(*s++);
        out.push_back('\n');
    };
    while (q--) {
        Pt s;
        std::scanf("%lld %lld", &s.x, &s.y);
        ll first = cross(p[0], p[1], s);
        ll last = cross(p[0], p[n - 1], s);
        if (first < 0 || last > 0) {
            emit("OUTSIDE");
            continue;
        }
        // Largest i in [1, n - 2] with cross(p0, p[i], s) >= 0; i = 1 qualifies.
        int lo = 1, hi = n - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (cross(p[0], p[mid], s) >= 0)
                lo = mid;
            else
                hi = mid - 1;
        }
        ll side = cross(p[lo], p[lo + 1], s);
        if (side < 0) {
            emit("OUTSIDE");
        } else if (side == 0) {
            emit("BORDER");
        } else if (first == 0 || last == 0) {
            // s lies in the wedge, strictly inside the outer edge, on one of the rays p0->p1
            // or p0->p[n-1]: that is, on the edge p0 p1 or on the edge p0 p[n-1].
            emit("BORDER");
        } else {
            emit("INSIDE");
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
