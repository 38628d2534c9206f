#include <bits/stdc++.h>
using namespace std;

const int N = 200005;
vector<int> g[N];
int col[N];

void solve() {
    int n, m;
    cin >> n >> m;
    for (int i = 1; i <= n; i++) col[i] = -1;
    for (int i = 0; i < m; i++) {
        int u, v;
        cin >> u >> v;
        g[u].push_back(v);
        g[v].push_back(u);
    }
    int night = 0;
    for (int s = 1; s <= n; s++) {
        if (col[s] != -1) continue;
        int cnt[2] = {0, 0};
        queue<int> q;
        q.push(s);
        col[s] = 0;
        while (!q.empty()) {
            int x = q.front();
            q.pop();
            cnt[col[x]]++;
            for (int y : g[x]) {
                if (col[y] == -1) {
                    col[y] = col[x] ^ 1;
                    q.push(y);
                } else if (col[y] == col[x]) {
                    cout << -1 << '\n';
                    return;
                }
            }
        }
        night += min(cnt[0], cnt[1]);
    }
    cout << night << '\n';
    for (int i = 1; i <= n; i++) g[i].clear();
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) solve();
    return 0;
}
