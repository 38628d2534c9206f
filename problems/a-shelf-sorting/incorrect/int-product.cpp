#include <bits/stdc++.h>
using namespace std;

// The shelf after the fix must be the sorted shelf, so the block has to cover every
// position where the shelf and its sorted copy differ; any such block works.
int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        scanf("%d", &n);
        vector<int> a(n);
        for (auto &x : a) scanf("%d", &x);
        vector<int> b(a);
        sort(b.begin(), b.end());
        int first = -1, last = -1;
        for (int i = 0; i < n; i++)
            if (a[i] != b[i]) {
                if (first < 0) first = i;
                last = i;
            }
        long long answer;
        if (first < 0)
            answer = 1LL * n * (n + 1) / 2;  // already sorted: every block works
        else
            answer = (first + 1) * (n - last);
        printf("%lld\n", answer);
    }
    return 0;
}
