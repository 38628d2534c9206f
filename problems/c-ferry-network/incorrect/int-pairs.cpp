#include <bits/stdc++.h>
using namespace std;

const int N = 200005;
int par[N], sz[N];

int get(int x) { return par[x] == x ? x : par[x] = get(par[x]); }

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    for (int i = 1; i <= n; i++) par[i] = i, sz[i] = 1;
    int pairs = 0;
    while (q--) {
        int u, v;
        cin >> u >> v;
        u = get(u), v = get(v);
        if (u != v) {
            if (sz[u] < sz[v]) swap(u, v);
            pairs += sz[u] * sz[v];
            par[v] = u;
            sz[u] += sz[v];
        }
        cout << pairs << '\n';
    }
    return 0;
}
