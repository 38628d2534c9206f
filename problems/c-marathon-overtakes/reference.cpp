#include <cstdio>
#include <vector>

// Walk the runners from the back of the start line to the front; a Fenwick tree over
// finishing places counts the runners behind r who finished ahead of r.
int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    std::vector<int> finish(n + 1), tree(n + 1, 0), answer(n + 1);
    for (int place = 1; place <= n; place++) {
        int r;
        std::scanf("%d", &r);
        finish[r] = place;
    }
    for (int r = n; r >= 1; r--) {
        int total = 0;
        for (int i = finish[r] - 1; i > 0; i &= i - 1) total += tree[i];
        answer[r] = total;
        for (int i = finish[r]; i <= n; i += i & -i) tree[i]++;
    }
    std::vector<char> out;
    char buffer[16];
    for (int r = 1; r <= n; r++) {
        int len = std::snprintf(buffer, sizeof buffer, r < n ? "%d " : "%d\n", answer[r]);
        out.insert(out.end(), buffer, buffer + len);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
