#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

const int N = 200005;
vector<pair<int, int>> g[N];
ll da[N], db[N], d0[N];
int n;

void dfs(int s, ll *d) {
    for (int i = 1; i <= n; i++) d[i] = -1;
    d[s] = 0;
    vector<int> st = {s};
    while (!st.empty()) {
        int v = st.back();
        st.pop_back();
        for (auto [u, w] : g[v])
            if (d[u] == -1) {
                d[u] = d[v] + w;
                st.push_back(u);
            }
    }
}

int farthest(ll *d) {
    int far = 0;
    ll best = 0;
    for (int v = 1; v <= n; v++)
        if (d[v] > best) best = d[v], far = v;
    return far;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        cin >> n;
        for (int i = 1; i <= n; i++) g[i].clear();
        for (int i = 0; i < n - 1; i++) {
            int u, v, w;
            cin >> u >> v >> w;
            g[u].push_back({v, w});
            g[v].push_back({u, w});
        }
        dfs(1, d0);
        int a = farthest(d0);
        dfs(a, da);
        int b = farthest(da);
        dfs(b, db);
        for (int v = 1; v <= n; v++) cout << max(da[v], db[v]) << " \n"[v == n];
    }
    return 0;
}
