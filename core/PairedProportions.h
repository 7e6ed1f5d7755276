#pragma once
// Statistics of two proportions measured on the same items (two runs answering the same
// questions): the paired 2x2 table, the confidence interval of the difference and the exact
// McNemar test. Pure functions, no store.
#include <cstdint>

namespace rs {

// The paired table of one item scored twice. "first" is the run the difference is taken of
// (head), "second" the one it is taken against (base): difference = first - second.
struct PairedTable {
    std::int64_t bothRight = 0;  // a
    std::int64_t firstOnly = 0;  // b: first right, second wrong (a fix)
    std::int64_t secondOnly = 0; // c: first wrong, second right (a regression)
    std::int64_t bothWrong = 0;  // d
    std::int64_t n() const { return bothRight + firstOnly + secondOnly + bothWrong; }
};

struct Interval {
    double low = 0, high = 0;
};

// Wilson score interval of k successes in n at z (1.96: 95%); {0, 0} when n is 0.
Interval wilsonInterval(std::int64_t k, std::int64_t n, double z = 1.959963984540054);

// 95% interval of p_first - p_second by Newcombe's hybrid score method for paired data
// (Newcombe 1998, Statistics in Medicine 17:873, method 10: Wilson intervals of the two
// marginals combined with the continuity-corrected phi correlation). Stays inside [-1, 1]
// and behaves at 0 or n discordant pairs, where the Wald interval does not. {0, 0} for n 0.
Interval newcombePairedDifference(const PairedTable& t, double z = 1.959963984540054);

// Two-sided exact McNemar p-value: the binomial test of b successes in b + c at p = 1/2,
// min(1, 2 * P(X <= min(b, c))). 1 when there is no discordant pair. Exact for any count
// (log-space sums), so it is right at 100k pairs as at 10.
double mcnemarExactP(std::int64_t b, std::int64_t c);

} // namespace rs
