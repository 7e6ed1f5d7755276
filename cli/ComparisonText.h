#pragma once
// What `reasonscope compare` prints: pairing, accuracy with its interval and McNemar test,
// the four cells with their first question ids, finding counts per class and sub-kind,
// pattern trends and what the regressions involve.
#include "RunComparison.h"

#include <string>

namespace rs {

std::string comparisonText(const RunComparison& c);

// "0.812" / "n/a"; "+0.034" with sign for differences.
std::string formatRate(double v);
std::string formatSigned(double v);
// "0.0123", or "4.39e-10" below 1e-4.
std::string formatPValue(double p);

} // namespace rs
