#include <bits/stdc++.h>
using namespace std;

const int MAXN = 200005;
int c[MAXN], cnt[MAXN];

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n, k;
        cin >> n >> k;
        for (int i = 0; i < n; i++) cin >> c[i];
        memset(cnt, 0, n * sizeof(int));
        long long ans = 0;
        int l = 0;
        for (int r = 0; r < n; r++) {
            cnt[c[r]]++;
            while (cnt[c[r]] > k) {
                cnt[c[l]]--;
                l++;
            }
            ans += r - l + 1;
        }
        cout << ans << "\n";
    }
    return 0;
}
