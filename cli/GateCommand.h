#pragma once
// `reasonscope gate --project P --run RUN [--base RUN] [--max-rate CLASS=X ...]
// [--max-regressions N] [--min-accuracy X] [--junit FILE]`: a release gate for CI. Prints
// each rule with its value and whether it holds, optionally as JUnit XML (one test case
// per rule), and exits 0 when every rule holds, 3 when one does not, 1 when the project
// cannot be read or the XML not written, 2 on bad usage (a run or class that does not
// exist included: a rule that cannot be checked never passes).
#include <string>
#include <vector>

namespace rs {

inline constexpr int kGateFailed = 3;

int runGateCommand(const std::vector<std::string>& args);

} // namespace rs
