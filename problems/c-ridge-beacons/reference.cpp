#include <cstdio>
#include <utility>
#include <vector>

// Scan from west to east with a stack of (height, multiplicity), heights strictly
// decreasing from bottom to top. A new beacon sees every lower beacon it pops, every beacon of
// its own height on top of the stack, and the first strictly taller beacon below them.
int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        int n;
        std::scanf("%d", &n);
        std::vector<std::pair<int, long long>> stack;
        long long pairs = 0;
        for (int i = 0; i < n; i++) {
            int h;
            std::scanf("%d", &h);
            while (!stack.empty() && stack.back().first < h) {
                pairs += stack.back().second;
                stack.pop_back();
            }
            long long same = 0;
            if (!stack.empty() && stack.back().first == h) {
                same = stack.back().second;
                pairs += same;
                stack.pop_back();
            }
            if (!stack.empty()) pairs += 1;
            stack.push_back({h, same + 1});
        }
        std::printf("%lld\n", pairs);
    }
    return 0;
}
