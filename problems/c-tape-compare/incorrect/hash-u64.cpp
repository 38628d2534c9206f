#include <bits/stdc++.h>
using namespace std;
typedef unsigned long long ull;

const int N = 200005;
const ull B = 131;
ull h[N], pw[N];
char s[N];

ull get(int l, int len) { return h[l + len - 1] - h[l - 1] * pw[len]; }

int main() {
    int n, q;
    scanf("%d %d %s", &n, &q, s + 1);
    pw[0] = 1;
    for (int i = 1; i <= n; i++) {
        h[i] = h[i - 1] * B + s[i];
        pw[i] = pw[i - 1] * B;
    }
    string out;
    out.reserve(2 * q);
    while (q--) {
        int l1, r1, l2, r2;
        scanf("%d %d %d %d", &l1, &r1, &l2, &r2);
        int len1 = r1 - l1 + 1, len2 = r2 - l2 + 1;
        int L = min(len1, len2);
        int lo = 0, hi = L;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (get(l1, mid) == get(l2, mid)) lo = mid;
            else hi = mid - 1;
        }
        char c;
        if (lo == L) c = len1 < len2 ? '<' : (len1 > len2 ? '>' : '=');
        else c = s[l1 + lo] < s[l2 + lo] ? '<' : '>';
        out += c;
        out += '\n';
    }
    fputs(out.c_str(), stdout);
    return 0;
}
