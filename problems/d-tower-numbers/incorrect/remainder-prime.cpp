#include <cstdio>
#include <numeric>
#include <vector>

// The largest height is the gcd of the exponents in the prime factorisation of n. Primes up
// to 10^6 are divided out; what remains has no prime factor below 10^6.
int main() {
    const int LIMIT = 1000000;
    std::vector<int> primes;
    std::vector<bool> sieve(LIMIT + 1, true);
    for (int i = 2; i <= LIMIT; i++) {
        if (!sieve[i]) continue;
        primes.push_back(i);
        for (long long j = 1LL * i * i; j <= LIMIT; j += i) sieve[j] = false;
    }
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    while (t--) {
        unsigned long long n;
        std::scanf("%llu", &n);
        int g = 0;
        for (int p : primes) {
            if (1ULL * p * p > n) break;
            int e = 0;
            while (n % p == 0) n /= p, e++;
            if (e) g = std::gcd(g, e);
        }
        if (n > 1) g = std::gcd(g, 1);  // the rest is one more prime
        std::printf("%d\n", g);
    }
    return 0;
}
