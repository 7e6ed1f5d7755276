#pragma once
// Recurring problems across cases: findings grouped by signature (the same wrong
// (Compound, treats, Disease) claim, the same divergence d -> x, the same skipped
// intermediate). A signature seen in two or more cases is a pattern worth a developer's
// attention; one seen once is an anecdote.
#include "CaseAnalysis.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rs {

struct Pattern {
    std::string signature;
    std::string type;               // a findingTypeName (core/FindingKinds)
    std::string subtype;            // of the first finding seen with this signature
    std::string description;        // in words
    std::size_t count = 0;          // cases, not findings
    std::vector<std::string> cases; // case keys, in the order they were added
};

// Not thread-safe: feed it from one thread (the pipeline aggregates after analysis).
class PatternAggregator {
public:
    void add(const std::string& caseKey, const std::vector<Finding>& findings);

    // One finding's grouping fields; caseKey must be unique across runs ("run/id").
    void add(const std::string& caseKey, const std::string& type, const std::string& subtype,
             const std::string& signature) {
        addOne(caseKey, signature, type, subtype);
    }

    // Signatures seen in at least minCases cases, most frequent first (ties by signature).
    std::vector<Pattern> patterns(std::size_t minCases = 2) const;

    // [{"signature","type","subtype","description","count","cases":[keys]}]
    nlohmann::json toJson(std::size_t minCases = 2) const;
    static nlohmann::json toJson(const std::vector<Pattern>& patterns);

    // "relation/wrong_relation/(Compound,treats,Disease)" -> "Claims that a Compound treats
    // a Disease where the KG relates the two only otherwise"
    static std::string describe(std::string_view signature);

private:
    struct Entry {
        std::string type, subtype;
        std::vector<std::string> cases;
        std::unordered_set<std::string> caseSet;
    };
    void addOne(const std::string& caseKey, const std::string& signature, const std::string& type,
                const std::string& subtype);

    std::unordered_map<std::string, Entry> entries_;
};

} // namespace rs
