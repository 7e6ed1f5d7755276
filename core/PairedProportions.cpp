#include "PairedProportions.h"

#include <algorithm>
#include <cmath>

namespace rs {

Interval wilsonInterval(std::int64_t k, std::int64_t n, double z) {
    if (n <= 0)
        return {};
    const double nn = double(n);
    const double p = double(k) / nn;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

namespace {

// Newcombe's phi: the correlation of the two scores, its numerator continuity-corrected
// towards 0 by n/2 when positive; 0 when a margin is empty.
double correctedPhi(const PairedTable& t) {
    const double a = double(t.bothRight), b = double(t.firstOnly), c = double(t.secondOnly),
                 d = double(t.bothWrong);
    const double denominator = (a + b) * (c + d) * (a + c) * (b + d);
    if (denominator <= 0)
        return 0;
    double numerator = a * d - b * c;
    if (numerator > 0)
        numerator = std::max(numerator - double(t.n()) / 2, 0.0);
    return numerator / std::sqrt(denominator);
}

} // namespace

Interval newcombePairedDifference(const PairedTable& t, double z) {
    const std::int64_t n = t.n();
    if (n <= 0)
        return {};
    const double p1 = double(t.bothRight + t.firstOnly) / double(n);
    const double p2 = double(t.bothRight + t.secondOnly) / double(n);
    const Interval w1 = wilsonInterval(t.bothRight + t.firstOnly, n, z);
    const Interval w2 = wilsonInterval(t.bothRight + t.secondOnly, n, z);
    const double phi = correctedPhi(t);
    const double theta = p1 - p2;
    const double dl1 = p1 - w1.low, du1 = w1.high - p1;
    const double dl2 = p2 - w2.low, du2 = w2.high - p2;
    const double delta = std::sqrt(std::max(0.0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
    const double epsilon = std::sqrt(std::max(0.0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2));
    return {std::max(-1.0, theta - delta), std::min(1.0, theta + epsilon)};
}

double mcnemarExactP(std::int64_t b, std::int64_t c) {
    const std::int64_t m = b + c;
    if (m <= 0)
        return 1;
    const std::int64_t k = std::min(b, c);
    // log C(m, i) - m log 2, summed with the largest term factored out.
    const double logHalfPow = double(m) * std::log(0.5);
    auto logTerm = [&](std::int64_t i) {
        return std::lgamma(double(m) + 1) - std::lgamma(double(i) + 1) -
               std::lgamma(double(m - i) + 1) + logHalfPow;
    };
    const double largest = logTerm(k); // terms grow with i up to m/2, and k <= m/2
    double sum = 0;
    for (std::int64_t i = k; i >= 0; --i) {
        const double term = std::exp(logTerm(i) - largest);
        sum += term;
        if (term < 1e-17 * sum)
            break;
    }
    const double logTail = largest + std::log(sum);
    return std::min(1.0, 2 * std::exp(logTail));
}

} // namespace rs
