#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        ll s, B;
        cin >> s >> B;
        // k^2 + (2s+1)k - 2B <= 0  ->  k = floor((-(2s+1) + sqrt((2s+1)^2 + 8B)) / 2)
        double b = 2.0 * s + 1;
        ll k = (ll)((sqrt(b * b + 8.0 * B) - b) / 2);
        cout << k << "\n";
    }
    return 0;
}
