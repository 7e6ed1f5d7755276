#include "FindingKinds.h"

namespace rs {

namespace {

struct TypeRow {
    FindingType type;
    const char* name;
    const char* label;
};
constexpr TypeRow kTypes[] = {
    {FindingType::Relation, "relation", "Relation"},
    {FindingType::Branch, "branch", "Branch"},
    {FindingType::Missing, "missing", "Missing"},
    {FindingType::Grounding, "grounding", "Grounding"},
    {FindingType::Reading, "reading", "Reading"},
};

struct SubtypeRow {
    FindingSubtype subtype;
    FindingType type;
    const char* name;
    const char* label;
};
constexpr SubtypeRow kSubtypes[] = {
    {FindingSubtype::WrongRelation, FindingType::Relation, "wrong_relation", "wrong relation"},
    {FindingSubtype::Unsupported, FindingType::Relation, "unsupported", "unsupported"},
    {FindingSubtype::ContradictedNegation, FindingType::Relation, "contradicted_negation",
     "contradicted negation"},
    {FindingSubtype::NotInCompleteList, FindingType::Relation, "not_in_complete_list",
     "not in a complete list"},
    {FindingSubtype::PlausibleBranch, FindingType::Branch, "plausible_branch", "plausible branch"},
    {FindingSubtype::Jump, FindingType::Branch, "jump", "jump"},
    {FindingSubtype::MissingIntermediate, FindingType::Missing, "missing_intermediate",
     "missing intermediate"},
    {FindingSubtype::IgnoredEvidence, FindingType::Missing, "ignored_evidence", "ignored evidence"},
    {FindingSubtype::LowIou, FindingType::Grounding, "low_iou", "low IoU"},
    {FindingSubtype::MissedReference, FindingType::Grounding, "missed_reference",
     "missed reference"},
    {FindingSubtype::LabelMismatch, FindingType::Grounding, "label_mismatch", "label mismatch"},
    {FindingSubtype::ValueMisjudged, FindingType::Reading, "value_misjudged", "value misjudged"},
    {FindingSubtype::FindingDenied, FindingType::Reading, "finding_denied", "finding denied"},
    {FindingSubtype::FindingInvented, FindingType::Reading, "finding_invented", "finding invented"},
    {FindingSubtype::FactMisquoted, FindingType::Reading, "fact_misquoted", "fact misquoted"},
};

struct SeverityRow {
    Severity severity;
    const char* name;
    const char* label;
};
// In rank order.
constexpr SeverityRow kSeverityRows[] = {
    {Severity::None, "none", "None"},
    {Severity::Minor, "minor", "Minor"},
    {Severity::Major, "major", "Major"},
    {Severity::Critical, "critical", "Critical"},
};

template <class Row, class Key> const Row* rowOf(const auto& table, Key key, Key Row::*member) {
    for (const Row& r : table)
        if (r.*member == key)
            return &r;
    return nullptr;
}

template <class Row> const Row* rowNamed(const auto& table, std::string_view name) {
    for (const Row& r : table)
        if (name == r.name)
            return &r;
    return nullptr;
}

} // namespace

const char* findingTypeName(FindingType type) {
    const TypeRow* r = rowOf<TypeRow>(kTypes, type, &TypeRow::type);
    return r ? r->name : "";
}

const char* findingTypeLabel(FindingType type) {
    const TypeRow* r = rowOf<TypeRow>(kTypes, type, &TypeRow::type);
    return r ? r->label : "";
}

std::optional<FindingType> findingTypeFromName(std::string_view name) {
    const TypeRow* r = rowNamed<TypeRow>(kTypes, name);
    return r ? std::optional<FindingType>(r->type) : std::nullopt;
}

const std::array<const char*, kAllFindingTypes.size()>& findingTypeNames() {
    static const std::array<const char*, kAllFindingTypes.size()> names = [] {
        std::array<const char*, kAllFindingTypes.size()> n{};
        for (std::size_t i = 0; i < n.size(); ++i)
            n[i] = findingTypeName(kAllFindingTypes[i]);
        return n;
    }();
    return names;
}

int findingTypeIndex(std::string_view name) {
    const auto& names = findingTypeNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (name == names[i])
            return int(i);
    return -1;
}

namespace {

// "a, b, c or d"
template <typename Names> std::string spokenList(const Names& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

} // namespace

std::string findingTypeNameList() {
    return spokenList(findingTypeNames());
}

const char* findingSubtypeName(FindingSubtype subtype) {
    const SubtypeRow* r = rowOf<SubtypeRow>(kSubtypes, subtype, &SubtypeRow::subtype);
    return r ? r->name : "";
}

const char* findingSubtypeLabel(FindingSubtype subtype) {
    const SubtypeRow* r = rowOf<SubtypeRow>(kSubtypes, subtype, &SubtypeRow::subtype);
    return r ? r->label : "";
}

FindingType findingSubtypeType(FindingSubtype subtype) {
    const SubtypeRow* r = rowOf<SubtypeRow>(kSubtypes, subtype, &SubtypeRow::subtype);
    return r ? r->type : FindingType::Relation;
}

std::optional<FindingSubtype> findingSubtypeFromName(std::string_view name) {
    const SubtypeRow* r = rowNamed<SubtypeRow>(kSubtypes, name);
    return r ? std::optional<FindingSubtype>(r->subtype) : std::nullopt;
}

const char* severityName(Severity severity) {
    const SeverityRow* r = rowOf<SeverityRow>(kSeverityRows, severity, &SeverityRow::severity);
    return r ? r->name : "";
}

const char* severityLabel(Severity severity) {
    const SeverityRow* r = rowOf<SeverityRow>(kSeverityRows, severity, &SeverityRow::severity);
    return r ? r->label : "";
}

int severityRank(Severity severity) {
    for (std::size_t i = 0; i < std::size(kSeverityRows); ++i)
        if (kSeverityRows[i].severity == severity)
            return int(i);
    return 0;
}

std::optional<Severity> severityFromName(std::string_view name) {
    const SeverityRow* r = rowNamed<SeverityRow>(kSeverityRows, name);
    return r ? std::optional<Severity>(r->severity) : std::nullopt;
}

std::optional<Severity> severityFromRank(int rank) {
    if (rank < 0 || rank >= int(std::size(kSeverityRows)))
        return std::nullopt;
    return kSeverityRows[rank].severity;
}

std::string severityNameList() {
    std::array<const char*, kAllSeverities.size()> names{};
    for (std::size_t i = 0; i < names.size(); ++i)
        names[i] = severityName(kAllSeverities[i]);
    return spokenList(names);
}

} // namespace rs
