#include <cstdio>
#include <vector>

// Binary lifting over a BFS order from the root (no recursion, so deep trees are fine):
// route(u, v) = dist(u) + dist(v) - 2 * dist(lca(u, v)).
int main() {
    int n, q;
    if (std::scanf("%d %d", &n, &q) != 2) return 1;
    std::vector<int> parent(n + 1, 1);
    std::vector<long long> weight(n + 1, 0);
    for (int i = 2; i <= n; i++) std::scanf("%d", &parent[i]);
    for (int i = 2; i <= n; i++) std::scanf("%lld", &weight[i]);
    std::vector<int> head(n + 1, -1), next(n + 1, -1);
    for (int i = 2; i <= n; i++) next[i] = head[parent[i]], head[parent[i]] = i;
    std::vector<int> order(1, 1), depth(n + 1, 0);
    std::vector<long long> dist(n + 1, 0);
    for (size_t k = 0; k < order.size(); k++) {
        int v = order[k];
        for (int c = head[v]; c != -1; c = next[c]) {
            depth[c] = depth[v] + 1;
            dist[c] = dist[v] + weight[c];
            order.push_back(c);
        }
    }
    int levels = 1;
    while ((1 << levels) < n) levels++;
    std::vector<std::vector<int>> up(levels + 1, std::vector<int>(n + 1, 1));
    for (int v = 2; v <= n; v++) up[0][v] = parent[v];
    for (int j = 1; j <= levels; j++)
        for (int v = 1; v <= n; v++) up[j][v] = up[j - 1][up[j - 1][v]];
    auto lca = [&](int u, int v) {
        if (depth[u] < depth[v]) std::swap(u, v);
        int diff = depth[u] - depth[v];
        for (int j = 0; diff > 0; j++, diff >>= 1)
            if (diff & 1) u = up[j][u];
        if (u == v) return u;
        for (int j = levels; j >= 0; j--)
            if (up[j][u] != up[j][v]) u = up[j][u], v = up[j][v];
        return parent[u];
    };
    std::vector<char> out;
    char buffer[24];
    for (int i = 0; i < q; i++) {
        int u, v;
        std::scanf("%d %d", &u, &v);
        long long route = dist[u] + dist[v] - 2 * dist[lca(u, v)];
        int len = std::snprintf(buffer, sizeof buffer, "%lld\n", route);
        out.insert(out.end(), buffer, buffer + len);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
