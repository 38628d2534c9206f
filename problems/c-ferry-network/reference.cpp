#include <cstdio>
#include <vector>

// Disjoint-set union with union by size and path halving; the number of reachable pairs
// grows by size(A) * size(B) whenever two components A and B merge.
int main() {
    int n, q;
    if (std::scanf("%d %d", &n, &q) != 2) return 1;
    std::vector<int> parent(n + 1), size(n + 1, 1);
    for (int i = 0; i <= n; i++) parent[i] = i;
    auto find = [&](int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    long long pairs = 0;
    std::vector<char> out;
    out.reserve(q * 13);
    char buffer[24];
    for (int i = 0; i < q; i++) {
        int u, v;
        if (std::scanf("%d %d", &u, &v) != 2) return 1;
        int a = find(u), b = find(v);
        if (a != b) {
            if (size[a] < size[b]) std::swap(a, b);
            pairs += 1LL * size[a] * size[b];
            parent[b] = a;
            size[a] += size[b];
        }
        int length = std::snprintf(buffer, sizeof buffer, "%lld\n", pairs);
        out.insert(out.end(), buffer, buffer + length);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
