#include <cstdio>
#include <vector>

// The farthest vertex from any vertex is an endpoint of a diameter, so with a and b the two
// ends of a diameter, the answer for v is max(dist(a, v), dist(b, v)).
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    std::vector<char> out;
    char buffer[24];
    while (t--) {
        int n;
        std::scanf("%d", &n);
        std::vector<int> head(n + 1, -1), next(2 * (n - 1)), to(2 * (n - 1));
        std::vector<long long> length(2 * (n - 1));
        for (int i = 0; i < 2 * (n - 1); i += 2) {
            int u, v;
            long long w;
            std::scanf("%d %d %lld", &u, &v, &w);
            to[i] = v, length[i] = w, next[i] = head[u], head[u] = i;
            to[i + 1] = u, length[i + 1] = w, next[i + 1] = head[v], head[v] = i + 1;
        }
        auto distances = [&](int source) {
            std::vector<long long> dist(n + 1, -1);
            std::vector<int> stack(1, source);
            dist[source] = 0;
            while (!stack.empty()) {
                int x = stack.back();
                stack.pop_back();
                for (int e = head[x]; e != -1; e = next[e])
                    if (dist[to[e]] < 0) {
                        dist[to[e]] = dist[x] + length[e];
                        stack.push_back(to[e]);
                    }
            }
            return dist;
        };
        auto farthest = [&](const std::vector<long long>& dist) {
            int best = 1;
            for (int v = 2; v <= n; v++)
                if (dist[v] > dist[best]) best = v;
            return best;
        };
        std::vector<long long> from_a = distances(farthest(distances(1)));
        std::vector<long long> from_b = distances(farthest(from_a));
        for (int v = 1; v <= n; v++) {
            long long d = from_a[v] > from_b[v] ? from_a[v] : from_b[v];
            int len = std::snprintf(buffer, sizeof buffer, v < n ? "%lld " : "%lld\n", d);
            out.insert(out.end(), buffer, buffer + len);
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
