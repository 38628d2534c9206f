#include <bits/stdc++.h>
using namespace std;

// A permutation splits into maximal increasing runs; a run of length L holds L(L-1)/2
// streaks and no streak crosses two runs. Conversely any composition of n into run lengths
// is realised by giving the first run the largest values, the next run the next largest, etc.
// So we need a partition of n into parts L_i with sum L_i(L_i-1)/2 = k: a knapsack DP.

const int N = 100, K = N * (N - 1) / 2;
int choice_[N + 1][K + 1];  // a first part that works, or 0 when (n, k) is impossible

int main() {
    choice_[0][0] = -1;  // reachable, nothing to take
    for (int n = 1; n <= N; n++)
        for (int L = 1; L <= n; L++) {
            int c = L * (L - 1) / 2;
            for (int k = c; k <= K; k++)
                if (!choice_[n][k] && choice_[n - L][k - c]) choice_[n][k] = L;
        }
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n, k;
        scanf("%d %d", &n, &k);
        if (!choice_[n][k]) {
            puts("-1");
            continue;
        }
        vector<int> p;
        int top = n;
        while (n > 0) {
            int L = choice_[n][k];
            for (int v = top - L + 1; v <= top; v++) p.push_back(v);
            top -= L;
            k -= L * (L - 1) / 2;
            n -= L;
        }
        for (size_t i = 0; i < p.size(); i++) printf("%d%c", p[i], i + 1 == p.size() ? '\n' : ' ');
    }
    return 0;
}
