#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1e9 + 7;

long long power(long long b, long long e) {
    b %= MOD;
    long long r = 1;
    while (e) {
        if (e & 1) r = r * b % MOD;
        b = b * b % MOD;
        e >>= 1;
    }
    return r;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        long long n, k, s, e;
        cin >> n >> k >> s >> e;
        // walks of length n on the complete graph K_k
        long long pw = power(k - 1, n);
        long long sg = (n % 2 == 0) ? 1 : -1;
        long long num;
        if (s == e)
            num = (pw + sg * (k - 1)) % MOD;
        else
            num = (pw - sg) % MOD;
        cout << num * power(k, MOD - 2) % MOD << "\n";
    }
    return 0;
}
