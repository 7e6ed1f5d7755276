#pragma once
// One analysed case as terminal text (for `reasonscope show`).
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace rs {

struct Case;

std::string caseAsText(const Case& c, const nlohmann::json& analysis);

} // namespace rs
