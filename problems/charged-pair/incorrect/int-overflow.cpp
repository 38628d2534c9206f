#include <algorithm>
#include <iostream>
#include <vector>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> a(n);
    for (int &x : a) cin >> x;
    sort(a.begin(), a.end());
    long long low = 1LL * a[0] * a[1];
    long long high = a[n - 1] * a[n - 2];
    cout << max(low, high) << "\n";
    return 0;
}
