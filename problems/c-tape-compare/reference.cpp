#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

// Suffix array (prefix doubling with counting sort), Kasai's LCP array and a sparse table
// of minima: the longest common prefix of two suffixes is a range minimum over the LCP array.
int main() {
    int n, q;
    if (std::scanf("%d %d", &n, &q) != 2) return 1;
    std::vector<char> word(n + 2);
    std::scanf("%s", word.data());
    std::vector<int> sa(n), rank(n), tmp(n), count(std::max(n, 256) + 1);
    for (int i = 0; i < n; i++) sa[i] = i, rank[i] = (unsigned char)word[i];
    std::sort(sa.begin(), sa.end(), [&](int a, int b) { return rank[a] < rank[b]; });
    for (int k = 1;; k <<= 1) {
        // Sort by (rank[i], rank[i + k]) with -1 for a missing second half.
        auto key2 = [&](int i) { return i + k < n ? rank[i + k] + 1 : 0; };
        int classes = std::max(n, 256) + 1;
        std::fill(count.begin(), count.end(), 0);
        for (int i = 0; i < n; i++) count[key2(i)]++;
        for (int i = 1; i < classes; i++) count[i] += count[i - 1];
        for (int i = n - 1; i >= 0; i--) tmp[--count[key2(i)]] = i;
        std::fill(count.begin(), count.end(), 0);
        for (int i = 0; i < n; i++) count[rank[i]]++;
        for (int i = 1; i < classes; i++) count[i] += count[i - 1];
        for (int i = n - 1; i >= 0; i--) sa[--count[rank[tmp[i]]]] = tmp[i];
        std::vector<int> next(n);
        next[sa[0]] = 0;
        for (int i = 1; i < n; i++) {
            int a = sa[i - 1], b = sa[i];
            bool same = rank[a] == rank[b] && key2(a) == key2(b);
            next[b] = next[a] + (same ? 0 : 1);
        }
        rank = next;
        if (rank[sa[n - 1]] == n - 1) break;
    }
    // lcp[i] = longest common prefix of suffixes sa[i] and sa[i + 1].
    std::vector<int> lcp(std::max(n - 1, 1), 0);
    for (int i = 0, h = 0; i < n; i++) {
        if (rank[i] == n - 1) {
            h = 0;
            continue;
        }
        int j = sa[rank[i] + 1];
        while (i + h < n && j + h < n && word[i + h] == word[j + h]) h++;
        lcp[rank[i]] = h;
        if (h > 0) h--;
    }
    int levels = 1;
    while ((1 << levels) <= n) levels++;
    std::vector<std::vector<int>> table(levels, lcp);
    for (int j = 1; j < levels; j++)
        for (int i = 0; i + (1 << j) <= n - 1; i++)
            table[j][i] = std::min(table[j - 1][i], table[j - 1][i + (1 << (j - 1))]);
    std::vector<int> log2(n + 1, 0);
    for (int i = 2; i <= n; i++) log2[i] = log2[i / 2] + 1;
    auto common = [&](int a, int b) {  // LCP of the suffixes starting at a and b (0-based)
        if (a == b) return n - a;
        int x = std::min(rank[a], rank[b]), y = std::max(rank[a], rank[b]) - 1;
        int j = log2[y - x + 1];
        return std::min(table[j][x], table[j][y - (1 << j) + 1]);
    };
    std::vector<char> out(2 * (size_t)q);
    for (int i = 0; i < q; i++) {
        int l1, r1, l2, r2;
        std::scanf("%d %d %d %d", &l1, &r1, &l2, &r2);
        int len1 = r1 - l1 + 1, len2 = r2 - l2 + 1, shorter = std::min(len1, len2);
        int h = std::min(common(l1 - 1, l2 - 1), shorter);
        char answer;
        if (h == shorter)
            answer = len1 < len2 ? '<' : (len1 > len2 ? '>' : '=');
        else
            answer = word[l1 - 1 + h] < word[l2 - 1 + h] ? '<' : '>';
        out[2 * i] = answer;
        out[2 * i + 1] = '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
