#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

const int N = 200005, LOG = 18;
int par[N], up[LOG][N], dep[N];
ll w[N];
int dist[N];
vector<int> ch[N];

int lca(int u, int v) {
    if (dep[u] < dep[v]) swap(u, v);
    int diff = dep[u] - dep[v];
    for (int k = 0; k < LOG; k++)
        if (diff >> k & 1) u = up[k][u];
    if (u == v) return u;
    for (int k = LOG - 1; k >= 0; k--)
        if (up[k][u] != up[k][v]) u = up[k][u], v = up[k][v];
    return up[0][u];
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    for (int i = 2; i <= n; i++) cin >> par[i], ch[par[i]].push_back(i);
    for (int i = 2; i <= n; i++) cin >> w[i];
    par[1] = 1;
    vector<int> order = {1};
    for (int i = 0; i < (int)order.size(); i++) {
        int v = order[i];
        for (int c : ch[v]) {
            dep[c] = dep[v] + 1;
            dist[c] = dist[v] + w[c];
            order.push_back(c);
        }
    }
    for (int v = 1; v <= n; v++) up[0][v] = par[v];
    for (int k = 1; k < LOG; k++)
        for (int v = 1; v <= n; v++) up[k][v] = up[k - 1][up[k - 1][v]];
    while (q--) {
        int u, v;
        cin >> u >> v;
        cout << dist[u] + dist[v] - 2 * dist[lca(u, v)] << '\n';
    }
    return 0;
}
