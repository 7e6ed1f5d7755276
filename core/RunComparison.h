#pragma once
// Two runs of the same questions compared item by item: which questions each got right,
// the paired accuracy difference with its interval and McNemar test, the four correctness
// cells, finding counts per class and sub-kind, patterns that appeared, disappeared, grew or
// shrank, and the concepts and relations of the regressions. Read from the store's narrow
// columns and finding rows in a few queries; no analysis JSON is decoded, so two runs of
// 100k questions compare in well under a second. `reasonscope compare`, `reasonscope gate`
// and the window's comparison all call compareRuns.
#include "PairedProportions.h"
#include "ProjectStore.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs {

// Where a paired question went from base to head. Unscored: either side has no correctness.
enum class CorrectnessCell { RightRight, RightWrong, WrongRight, WrongWrong, Unscored };
inline constexpr std::array<CorrectnessCell, 4> kScoredCells = {
    CorrectnessCell::RightRight, CorrectnessCell::RightWrong, CorrectnessCell::WrongRight,
    CorrectnessCell::WrongWrong};
const char* correctnessCellName(CorrectnessCell cell);  // "right_to_wrong", ... "unscored"
const char* correctnessCellLabel(CorrectnessCell cell); // "right → wrong (regression)"
CorrectnessCell correctnessCell(std::optional<bool> base, std::optional<bool> head);

// One side (one run's case) of a paired question.
struct ComparedSide {
    std::int64_t caseId = 0;
    std::string caseKey;
    std::optional<bool> correct;
    bool analysed = false;
    std::array<std::int64_t, 5> findingsByType{}; // kAllFindingTypes order (core/FindingKinds)
    std::string reviewState;                      // latest case-level verdict, "" unreviewed
};

// A question both runs answered exactly once.
struct ComparedQuestion {
    std::string questionId;
    ComparedSide base, head;
    CorrectnessCell cell = CorrectnessCell::Unscored;
    // Head has more findings than base (any class), or fewer.
    bool moreFindings() const;
    bool fewerFindings() const;
};

// The cases of one run left out of the pairing, by why.
struct UnpairedCases {
    std::int64_t noQuestionId = 0;      // the case has no question id
    std::int64_t onlyInThisRun = 0;     // the other run never asked its question
    std::int64_t askedSeveralTimes = 0; // its question occurs more than once in a run
    std::int64_t total() const { return noQuestionId + onlyInThisRun + askedSeveralTimes; }
};

// Accuracy over the scored pairs (both sides have a correctness).
struct PairedAccuracy {
    std::int64_t scoredPairs = 0;
    double base = 0, head = 0;
    double difference = 0; // head - base
    Interval difference95; // Newcombe hybrid score interval (PairedProportions.h)
    double mcnemarP = 1;   // exact two-sided, over the discordant pairs
};

// Findings of one class (subtype empty) or sub-kind over the paired questions.
struct FindingCountChange {
    std::string type, subtype;
    std::int64_t baseFindings = 0, headFindings = 0;
    std::int64_t baseCases = 0, headCases = 0; // paired questions with at least one
    std::int64_t change() const { return headFindings - baseFindings; }
};

enum class PatternTrend { Appeared, Disappeared, Grew, Shrank };
const char* patternTrendName(PatternTrend trend); // "appeared", ...

// A finding signature seen in at least two paired questions on one side, whose number of
// questions differs between the sides.
struct PatternChange {
    std::string signature, type, subtype, description;
    std::int64_t baseCases = 0, headCases = 0;
    PatternTrend trend = PatternTrend::Grew;
};

// A concept or claim relation named by head findings of regressed (right → wrong) questions.
struct RegressionInvolvement {
    std::string name;
    std::int64_t questions = 0; // regressed questions naming it
};

struct RunComparison {
    ProjectStore::RunInfo base, head;
    std::vector<ComparedQuestion> questions; // by question id
    UnpairedCases baseUnpaired, headUnpaired;
    std::int64_t unscoredPairs = 0;
    // Question ids per cell, in kScoredCells order, each sorted.
    std::array<std::vector<std::string>, 4> cells;
    PairedAccuracy accuracy;
    std::vector<FindingCountChange> byType;    // every type, kAllFindingTypes order
    std::vector<FindingCountChange> bySubtype; // sub-kinds seen on either side, by type, name
    // By trend (appeared, disappeared, grew, shrank), then largest |change| first, ties by
    // signature; at most patternLimit per trend. type is the signature's first segment,
    // subtype its second when that names a sub-kind (else empty).
    std::vector<PatternChange> patterns;
    std::vector<RegressionInvolvement> regressionConcepts;  // most questions first
    std::vector<RegressionInvolvement> regressionRelations; // claim relations, likewise

    std::int64_t count(CorrectnessCell cell) const; // size of that cell (Unscored too)
    std::int64_t regressions() const { return count(CorrectnessCell::RightWrong); }
    std::int64_t fixes() const { return count(CorrectnessCell::WrongRight); }
};

struct CompareOptions {
    int patternLimit = 25;     // per trend
    int involvementLimit = 20; // concepts, relations
};

// Throws std::invalid_argument when a run id is not in the store (or both are the same),
// StoreError on SQLite failures.
RunComparison compareRuns(const ProjectStore& store, std::int64_t baseRunId, std::int64_t headRunId,
                          const CompareOptions& options = {});

// The run of that label; nullopt with *error when there is none, or several runs carry it
// (the error then names their source files).
std::optional<ProjectStore::RunInfo> findRunByLabel(const ProjectStore& store,
                                                    const std::string& label, std::string* error);

} // namespace rs
