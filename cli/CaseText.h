#pragma once
// One analysed case as terminal text (for `reasonscope show`).
#include <string>

namespace rs {

struct Case;
struct CaseResult;

// result: the case's analysed result, or nullptr when it is not analysed yet.
std::string caseAsText(const Case& c, const CaseResult* result);

} // namespace rs
