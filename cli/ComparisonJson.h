#pragma once
// The `reasonscope compare --json` document (docs/compare-json.md): a RunComparison as
// versioned JSON, every question with both sides.
#include "RunComparison.h"

#include <nlohmann/json.hpp>

namespace rs {

// Fields are only ever added within a version.
inline constexpr int kComparisonJsonVersion = 1;

nlohmann::json comparisonJson(const RunComparison& c);

} // namespace rs
