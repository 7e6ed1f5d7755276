#pragma once
// What the case table and the store's listings ask for (CaseQuery) and what they get back
// (CaseRow, FacetCounts).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace rs {

// Whether the model's answer was scored right (the case's "correct" column).
enum class StoreCorrectness { Any, Correct, Incorrect, Unscored };

// Which cases a listing covers and in which order: the one filter of every store call that
// selects cases (the case table, facets, concept queries, caseKeys, forEachCase). Every set
// field narrows the list (they combine with AND; the values within one vector combine with
// OR). An empty vector or string means "no filter"; a default CaseQuery is every case by id.
struct CaseQuery {
    std::optional<std::int64_t> runId;
    std::vector<std::int64_t> runIds;
    // Cases asked this question (Case::questionId, which pairs a question across runs).
    std::optional<std::string> questionId;
    StoreCorrectness correctness = StoreCorrectness::Any;
    // Cases with at least one finding of any of these types (relation, branch, missing,
    // grounding; anything else throws std::invalid_argument).
    std::vector<std::string> findingTypes;
    // Cases with at least one finding of any of these subtypes, of whatever type.
    std::vector<std::string> findingSubtypes;
    // Cases with at least one finding of any of these signatures (a pattern).
    std::vector<std::string> signatures;
    // FTS5 over question and output, as in ProjectStore::searchCases: FTS5 syntax is
    // honoured, text that is not valid FTS5 is searched as plain words. Blank: no filter.
    std::string search;
    // The latest case-level verdict ("confirmed", "rejected", "unsure", ...), or
    // "unreviewed" for cases without one. Reviews of single findings do not count.
    std::optional<std::string> reviewState;
    // An explicit selection (e.g. from the projection view); empty means all cases.
    std::vector<std::int64_t> caseIds;

    // Ties are always broken by case id (in the same direction), so the order is total and
    // a row's position is stable between pages. Run sorts by label, Correct puts unscored
    // first (ascending), Severity puts unanalysed first, ReviewState sorts by verdict text.
    enum class Sort {
        Id,
        Key,
        Run,
        Correct,
        Relation,
        Branch,
        Missing,
        Grounding,
        Severity,
        ReviewState,
        Reading
    };
    Sort sort = Sort::Id;
    bool descending = false;

    bool operator==(const CaseQuery&) const = default;
};

// One line of the case table: only the narrow columns of a case.
struct CaseRow {
    std::int64_t id = 0;
    std::int64_t runId = 0;
    std::string key, run, questionId;
    std::optional<bool> correct;
    std::int64_t nRelation = 0, nBranch = 0, nMissing = 0, nGrounding = 0, nReading = 0;
    std::optional<int> maxSeverity; // 0 none .. 3 critical; nullopt until analysed
    std::string reviewState;        // latest case-level verdict or "unreviewed"
    std::string questionPreview;    // the first 120 characters of the question
};

// Counts for the dashboard, all under one CaseQuery (including its own run or type filter:
// these are the counts of what the table shows, not "what if" counts).
struct FacetCounts {
    struct Run {
        std::int64_t id = 0;
        std::string label;
        std::int64_t cases = 0, correct = 0, incorrect = 0; // the rest are unscored
        bool complete = true; // false: its analysis was interrupted (RunInfo::complete)
    };
    std::vector<Run> runs; // runs with at least one matching case, by id
    std::int64_t cases = 0;
    struct Count {
        std::int64_t findings = 0;
        std::int64_t cases = 0; // distinct cases with at least one such finding
    };
    std::map<std::string, Count> byType;
    std::map<std::pair<std::string, std::string>, Count> bySubtype; // (type, subtype)
    // Relation findings by the (head kind, relation, tail kind) their signature records;
    // signatures that do not have that shape are left out.
    std::map<std::string, std::int64_t> byRelation;
    std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> byRelationTriple;
    // Node kinds of relation findings (head and tail each count once). The findings table
    // keeps node names only; kinds are recorded solely in relation signatures, so branch,
    // missing and grounding findings are not counted here.
    std::map<std::string, std::int64_t> byNodeKind;
    std::map<int, std::int64_t> bySeverity;            // max severity per case; -1 unanalysed
    std::map<std::string, std::int64_t> byReviewState; // as CaseRow::reviewState
    // Not model errors, shown beside the findings: the model's claims the KG neither
    // supports nor contradicts, and entities the KG cannot place.
    std::int64_t unverifiedClaims = 0;
    std::int64_t coverageGaps = 0;
};

} // namespace rs
