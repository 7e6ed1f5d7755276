#pragma once
// A small hand-made project of two runs, "base" and "head", for tests of run comparison
// and the compare and gate verbs. Questions q1..q6 are paired: q1 right -> right, q2 and q3
// right -> wrong (regressions, with relation findings naming aspirin and fever), q4
// wrong -> right, q5 wrong -> wrong, q6 unscored in base. q7 is only in base, q8 only in
// head, q9 asked twice in base, and one base case has no question id. h2 has a confirmed
// case review.
#include "ProjectStore.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rs::test {

using nlohmann::json;

inline const std::string kTreats = "relation/wrong_relation/(Compound,treats,Disease)";
inline const std::string kBranch = "branch/fever -> cough";

struct Spec {
    std::string key, questionId;
    std::optional<bool> correct;
    std::vector<nlohmann::json> findings;
};

inline nlohmann::json finding(const std::string& type, const std::string& subtype,
                              const std::string& signature, std::vector<std::string> nodes) {
    return {{"type", type},         {"subtype", subtype},
            {"severity", "major"},  {"step", 0},
            {"nodes", nodes},       {"span", json::array({0, 4})},
            {"explanation", "why"}, {"signature", signature}};
}

inline nlohmann::json relationFinding() {
    return finding("relation", "wrong_relation", kTreats, {"aspirin", "fever"});
}
inline nlohmann::json branchFinding() {
    return finding("branch", "plausible_branch", kBranch, {"cough"});
}

inline void addComparisonCase(ProjectStore& s, std::int64_t run, const Spec& spec) {
    Case c;
    c.key = spec.key;
    c.questionId = spec.questionId;
    c.dataset = "medqa";
    c.model = "m";
    c.sourceFile = "f.json";
    c.question = "Q?";
    c.options = {{"A", "x"}, {"B", "y"}};
    c.gold = "A";
    c.output = "text";
    c.prediction = spec.correct ? (*spec.correct ? "A" : "B") : "";
    c.correct = spec.correct;
    const std::int64_t id = s.addCase(c, run);
    json analysis = {{"id", spec.key},
                     {"question_id", spec.questionId},
                     {"correct", spec.correct ? json(*spec.correct) : json()},
                     {"prediction", c.prediction},
                     {"gold", "A"},
                     {"reasoning_path", json::array()},
                     {"reference_paths", json::array()},
                     {"best_reference", -1},
                     {"unanchored_reason", ""},
                     {"findings", spec.findings},
                     {"coverage_gaps", json::array()},
                     {"steps", json::array()},
                     {"mentions", json::array()},
                     {"claims", json::array()}};
    s.saveAnalysis(id, analysis);
}

// Fills an empty store; returns the ids of the runs base and head.
inline std::pair<std::int64_t, std::int64_t> fillComparisonProject(ProjectStore& store) {
    const std::int64_t baseRun = store.ensureRun("base", "m", "base.json", "sha-base");
    const std::int64_t headRun = store.ensureRun("head", "m", "head.json", "sha-head");
    const json rel = relationFinding(), br = branchFinding();
    const std::vector<Spec> base = {
        {"b1", "q1", true, {br}},       {"b2", "q2", true, {br}}, {"b3", "q3", true, {}},
        {"b4", "q4", false, {br, rel}}, {"b5", "q5", false, {}},  {"b6", "q6", std::nullopt, {}},
        {"b7", "q7", true, {}},   // only in base
        {"b9a", "q9", true, {}},  // q9 asked twice in base
        {"b9b", "q9", false, {}}, //
        {"b0", "", true, {}},     // no question id
    };
    const std::vector<Spec> head = {
        {"h1", "q1", true, {br}}, {"h2", "q2", false, {rel, rel}}, {"h3", "q3", false, {rel, br}},
        {"h4", "q4", true, {}},   {"h5", "q5", false, {}},         {"h6", "q6", true, {}},
        {"h8", "q8", false, {}}, // only in head
        {"h9", "q9", true, {}},
    };
    ProjectStore::Transaction t(store);
    for (const auto& s : base)
        addComparisonCase(store, baseRun, s);
    for (const auto& s : head)
        addComparisonCase(store, headRun, s);
    t.commit();
    ProjectStore::Review r;
    r.caseId = store.loadCase("h2", "head")->id;
    r.reviewer = "dr x";
    r.role = "clinician";
    r.verdict = "confirmed";
    store.addReview(r);
    return {baseRun, headRun};
}

} // namespace rs::test
