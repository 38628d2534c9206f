#include <cstdio>
#include <vector>

// The smallest period is n minus the length of the longest proper border (a prefix that is
// also a suffix), which the prefix function gives in linear time.
int main() {
    int n;
    static char s[200005];
    if (std::scanf("%d %200004s", &n, s) != 2) return 1;
    std::vector<int> border(n, 0);
    for (int i = 1; i < n; i++) {
        int k = border[i - 1];
        while (k > 0 && s[i] != s[k]) k = border[k - 1];
        if (s[i] == s[k]) k++;
        border[i] = k;
    }
    std::printf("%d\n", n - border[n - 1]);
    return 0;
}
