#include <bits/stdc++.h>
using namespace std;

struct pt {
    long long x, y;
};

// > 0 if c is to the left of a->b
double orient(const pt &a, const pt &b, const pt &c) {
    return (double)(b.x - a.x) * (c.y - a.y) - (double)(b.y - a.y) * (c.x - a.x);
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pt> p(n);
    for (auto &v : p) cin >> v.x >> v.y;
    int q;
    cin >> q;
    string out;
    while (q--) {
        pt s;
        cin >> s.x >> s.y;
        double f = orient(p[0], p[1], s), g = orient(p[0], p[n - 1], s);
        if (f < 0 || g > 0) {
            out += "OUTSIDE\n";
            continue;
        }
        int lo = 1, hi = n - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (orient(p[0], p[mid], s) >= 0) lo = mid;
            else hi = mid - 1;
        }
        double side = orient(p[lo], p[lo + 1], s);
        if (side < 0) out += "OUTSIDE\n";
        else if (side == 0 || f == 0 || g == 0) out += "BORDER\n";
        else out += "INSIDE\n";
    }
    cout << out;
    return 0;
}
