#pragma once
// The one serialized form of an analysed case: what the project file stores per case and
// what `analyze --json` writes in "cases". Node ids are resolved to names here, so the
// result stays readable without the knowledge graph it was computed against.
#include "Case.h"
#include "CaseAnalysis.h"
#include "KnowledgeBase.h"

#include <nlohmann/json_fwd.hpp>

namespace rs {

// Version of the --json document and of the per-case shape inside it.
inline constexpr int kResultJsonVersion = 1;

nlohmann::json caseResultJson(const Case& c, const CaseAnalysis& a, const KnowledgeBase& kb);

// Text of a JSON-unsafe input made safe: invalid UTF-8 bytes become U+FFFD, so that
// serialization can never throw on a user's file.
std::string validUtf8(std::string_view text);

// A string field of a stored case result, or "" when o is not an object or the field is
// missing or not a string: readers of stored results (reports, diagrams) never throw on
// an older or hand-edited project.
std::string stringField(const nlohmann::json& o, const char* key);

} // namespace rs
