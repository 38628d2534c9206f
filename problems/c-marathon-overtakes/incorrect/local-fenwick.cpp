#include <bits/stdc++.h>
using namespace std;
const int N = 200005;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int fen[N];
    vector<int> pos(n + 1), ans(n + 1);
    for (int i = 1; i <= n; i++) {
        int r;
        cin >> r;
        pos[r] = i;
    }
    for (int r = n; r >= 1; r--) {
        int s = 0;
        for (int i = pos[r] - 1; i > 0; i -= i & -i) s += fen[i];
        ans[r] = s;
        for (int i = pos[r]; i <= n; i += i & -i) fen[i]++;
    }
    for (int r = 1; r <= n; r++) cout << ans[r] << " \n"[r == n];
    return 0;
}
