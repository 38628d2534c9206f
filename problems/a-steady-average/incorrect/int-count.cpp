#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n, k;
        cin >> n >> k;
        map<long long, int> seen;
        seen[0] = 1;
        long long sum = 0;
        int ans = 0;
        for (int i = 0; i < n; i++) {
            int a;
            cin >> a;
            sum += a - k;
            ans += seen[sum];
            seen[sum]++;
        }
        cout << ans << "\n";
    }
    return 0;
}
