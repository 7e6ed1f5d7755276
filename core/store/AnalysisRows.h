#pragma once
// The rows one analysis result (the case result JSON of CaseResultJson) becomes in the
// findings, coverage_gaps and case_concepts tables and the per-case counts of the cases
// table. The whole result is validated before anything is written.
#include "FindingKinds.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rs::store {

// The finding types the findings table admits and their severities come from
// core/FindingKinds: a type is stored by its index in kAllFindingTypes (the order of the
// cases table's per-type count columns), a severity by its rank.

// The position of s in names, -1 when absent.
int indexOfName(const auto& names, const std::string& s) {
    for (std::size_t i = 0; i < std::size(names); ++i)
        if (s == names[i])
            return int(i);
    return -1;
}

struct FindingRow {
    int type = 0; // index into kAllFindingTypes
    std::string subtype;
    int severity = 0; // severityRank
    std::int64_t step = -1;
    std::string nodes; // JSON array text
    std::optional<std::int64_t> spanBegin, spanEnd;
    std::string explanation, signature;
};

struct CoverageGapRow {
    std::string text, location, reason;
};

struct AnalysisRows {
    std::string key;
    std::optional<bool> correct;
    std::string prediction;
    std::string unanchoredReason;
    std::vector<FindingRow> findings;
    std::vector<CoverageGapRow> gaps;
    std::int64_t perType[kAllFindingTypes.size()] = {};
    int maxSeverity = 0;
};

// Throws std::invalid_argument, naming the field, when the result is malformed.
AnalysisRows analysisRows(const nlohmann::json& caseResult);

// The (name, role) rows of case_concepts for an analysis result, each once, in first-seen
// order. Lenient like the v3 backfill: entries not of the expected shape are skipped.
std::vector<std::pair<std::string, const char*>> caseConceptRows(const nlohmann::json& caseResult);

// Strict readers for JSON handed to the store by the analysis: a wrong type there is a bug
// upstream and should surface (std::invalid_argument, where + the key) instead of being
// stored as something else. Absent and null read as empty.
std::string optString(const nlohmann::json& o, const char* key, const std::string& where);
std::optional<std::int64_t> optInt(const nlohmann::json& o, const char* key,
                                   const std::string& where);
const nlohmann::json* optArray(const nlohmann::json& o, const char* key, const std::string& where);

} // namespace rs::store
