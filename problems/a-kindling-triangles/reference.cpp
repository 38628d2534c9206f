#include <bits/stdc++.h>
using namespace std;

// Sorted decreasingly, b_1 >= b_2 >= ..., the best triangle is the first consecutive triple
// with b_i < b_{i+1} + b_{i+2}. If the 45 largest sticks hold no such triple then
// b_i >= b_{i+1} + b_{i+2} for i <= 43 and b_1 >= F_45 = 1134903170 > 10^9: impossible.
// So only the 45 largest sticks of a range matter: a segment tree keeps them per node.
const int K = 45;

struct Node {
    int cnt = 0;
    int v[K];
};

static void mergeInto(Node &acc, const Node &other) {
    int out[K], c = 0, i = 0, j = 0;
    while (c < K && (i < acc.cnt || j < other.cnt)) {
        if (j >= other.cnt || (i < acc.cnt && acc.v[i] >= other.v[j])) out[c++] = acc.v[i++];
        else out[c++] = other.v[j++];
    }
    acc.cnt = c;
    memcpy(acc.v, out, sizeof(int) * c);
}

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 1;
    vector<Node> tree;
    while (t--) {
        int n, q;
        scanf("%d %d", &n, &q);
        tree.assign(2 * n, Node());
        for (int i = 0; i < n; i++) {
            scanf("%d", &tree[n + i].v[0]);
            tree[n + i].cnt = 1;
        }
        for (int i = n - 1; i >= 1; i--) {
            tree[i] = tree[2 * i];
            mergeInto(tree[i], tree[2 * i + 1]);
        }
        while (q--) {
            int l, r;
            scanf("%d %d", &l, &r);
            Node acc;
            for (l += n - 1, r += n; l < r; l >>= 1, r >>= 1) {
                if (l & 1) mergeInto(acc, tree[l++]);
                if (r & 1) mergeInto(acc, tree[--r]);
            }
            long long best = 0;
            for (int i = 0; i + 2 < acc.cnt; i++)
                if ((long long)acc.v[i + 1] + acc.v[i + 2] > acc.v[i]) {
                    best = (long long)acc.v[i] + acc.v[i + 1] + acc.v[i + 2];
                    break;
                }
            printf("%lld\n", best);
        }
    }
    return 0;
}
