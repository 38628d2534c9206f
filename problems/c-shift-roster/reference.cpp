#include <cstdio>
#include <vector>

// Each connected component of the quarrel graph must be 2-coloured; if it is, one colour
// class goes to the night shift, so the smaller class is taken.
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n, m;
        std::scanf("%d %d", &n, &m);
        std::vector<std::vector<int>> adj(n + 1);
        for (int i = 0; i < m; i++) {
            int u, v;
            std::scanf("%d %d", &u, &v);
            adj[u].push_back(v);
            adj[v].push_back(u);
        }
        std::vector<int> colour(n + 1, -1), queue;
        long long night = 0;
        bool possible = true;
        for (int s = 1; s <= n && possible; s++) {
            if (colour[s] != -1) continue;
            long long count[2] = {0, 0};
            queue.assign(1, s);
            colour[s] = 0;
            for (size_t head = 0; head < queue.size() && possible; head++) {
                int x = queue[head];
                count[colour[x]]++;
                for (int y : adj[x]) {
                    if (colour[y] == -1) {
                        colour[y] = colour[x] ^ 1;
                        queue.push_back(y);
                    } else if (colour[y] == colour[x]) {
                        possible = false;
                        break;
                    }
                }
            }
            night += count[0] < count[1] ? count[0] : count[1];
        }
        std::printf("%lld\n", possible ? night : -1LL);
    }
    return 0;
}
