#pragma once
// The names of finding types, their sub-kinds and severities, one table each: the name the
// project file, the JSON output, filters and signatures use, and the label shown to a
// reader. Every other file converts through here, so a new kind is added in one place.
#include "CaseAnalysis.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

// --- finding types ("relation", "branch", "missing", "grounding", "reading") --------------

inline constexpr std::array<FindingType, 5> kAllFindingTypes = {
    FindingType::Relation, FindingType::Branch, FindingType::Missing, FindingType::Grounding,
    FindingType::Reading};

const char* findingTypeName(FindingType type);  // "relation"
const char* findingTypeLabel(FindingType type); // "Relation"
// nullopt for a name this version does not know (an older or hand-edited project).
std::optional<FindingType> findingTypeFromName(std::string_view name);
// The names in kAllFindingTypes order, for code that lists or matches them as text.
const std::array<const char*, kAllFindingTypes.size()>& findingTypeNames();
// The position of a type name in kAllFindingTypes order, -1 for an unknown name: the index
// of the store's per-type count columns.
int findingTypeIndex(std::string_view name);
// "relation, branch, missing or grounding", for messages that list what is admitted.
std::string findingTypeNameList();

// --- sub-kinds (Finding::subtype) ---------------------------------------------------------

enum class FindingSubtype {
    WrongRelation,        // relation: the KG relates the two concepts only otherwise
    Unsupported,          // relation (projects before claim statuses): no KG edge between them
    ContradictedNegation, // relation: the output denies an edge the KG has
    NotInCompleteList,    // relation: absent from a list its source declares complete
    PlausibleBranch,      // branch: left the reference path for a KG neighbour
    Jump,                 // branch: left it for a concept the KG does not connect
    MissingIntermediate,  // missing: a concept of r* the output never used
    IgnoredEvidence,      // missing: a question finding that leads to the gold answer
    LowIou,               // grounding: the model box is off the reference box
    MissedReference,      // grounding: no model box for a reference finding
    LabelMismatch,        // grounding: a region the reference labels otherwise
    ValueMisjudged,  // reading: a question's value called normal, high or low against its range
    FindingDenied,   // reading: the output denies a finding the question states
    FindingInvented, // reading: the output asserts a finding the question denies
    FactMisquoted,   // reading: age, sex, pregnancy, a number or a duration quoted wrongly
};

inline constexpr std::array<FindingSubtype, 15> kAllFindingSubtypes = {
    FindingSubtype::WrongRelation,
    FindingSubtype::Unsupported,
    FindingSubtype::ContradictedNegation,
    FindingSubtype::NotInCompleteList,
    FindingSubtype::PlausibleBranch,
    FindingSubtype::Jump,
    FindingSubtype::MissingIntermediate,
    FindingSubtype::IgnoredEvidence,
    FindingSubtype::LowIou,
    FindingSubtype::MissedReference,
    FindingSubtype::LabelMismatch,
    FindingSubtype::ValueMisjudged,
    FindingSubtype::FindingDenied,
    FindingSubtype::FindingInvented,
    FindingSubtype::FactMisquoted};

const char* findingSubtypeName(FindingSubtype subtype);  // "wrong_relation"
const char* findingSubtypeLabel(FindingSubtype subtype); // "wrong relation"
FindingType findingSubtypeType(FindingSubtype subtype);  // the type it is a sub-kind of
std::optional<FindingSubtype> findingSubtypeFromName(std::string_view name);

// --- severities ---------------------------------------------------------------------------

// Ordered: a severity's index is its rank (none 0 .. critical 3), as the store keeps it.
inline constexpr std::array<Severity, 4> kAllSeverities = {Severity::None, Severity::Minor,
                                                           Severity::Major, Severity::Critical};

const char* severityName(Severity severity);  // "major"
const char* severityLabel(Severity severity); // "Major"
int severityRank(Severity severity);          // 0 .. 3
std::optional<Severity> severityFromName(std::string_view name);
std::optional<Severity> severityFromRank(int rank);
// "none, minor, major or critical", for messages that list what is admitted.
std::string severityNameList();

} // namespace rs
