#include "CaseAnalysis.h"

#include "FindingKinds.h"

namespace rs {

const char* toString(FindingType t) {
    return findingTypeName(t);
}

const char* toString(Severity s) {
    return severityName(s);
}

namespace {

constexpr struct {
    Polarity polarity;
    const char* name;
} kPolarities[] = {
    {Polarity::Asserted, "asserted"},
    {Polarity::Negated, "negated"},
    {Polarity::Hedged, "hedged"},
};

} // namespace

const char* toString(Polarity p) {
    for (const auto& row : kPolarities)
        if (row.polarity == p)
            return row.name;
    return "unknown";
}

namespace {

constexpr struct {
    ClaimOwner owner;
    const char* name;
} kClaimOwners[] = {
    {ClaimOwner::Model, "model"},
    {ClaimOwner::QuestionRestatement, "question_restatement"},
    {ClaimOwner::RejectedOption, "rejected_option"},
    {ClaimOwner::OtherPerson, "other_person"},
};

constexpr struct {
    ClaimStatus status;
    const char* name;
} kClaimStatuses[] = {
    {ClaimStatus::Unverified, "unverified"},
    {ClaimStatus::Supported, "supported"},
    {ClaimStatus::Contradicted, "contradicted"},
};

// Stored names of the constructions (docs/json-output.md, claims[].pattern).
constexpr struct {
    ClaimPattern pattern;
    const char* name;
} kClaimPatterns[] = {
    {ClaimPattern::Direct, "direct"},
    {ClaimPattern::Coordination, "coordination"},
    {ClaimPattern::RelativeClause, "relative_clause"},
    {ClaimPattern::Apposition, "apposition"},
    {ClaimPattern::CausalChain, "causal_chain"},
    {ClaimPattern::ActionEffect, "action_effect"},
    {ClaimPattern::SecondPredicate, "second_predicate"},
    {ClaimPattern::FrontedEvidence, "fronted_evidence"},
    {ClaimPattern::ItemLabel, "item_label"},
    {ClaimPattern::SuchAs, "such_as"},
    {ClaimPattern::Copular, "copular"},
};

} // namespace

const char* toString(ClaimOwner o) {
    for (const auto& row : kClaimOwners)
        if (row.owner == o)
            return row.name;
    return "unknown";
}

const char* toString(ClaimStatus s) {
    for (const auto& row : kClaimStatuses)
        if (row.status == s)
            return row.name;
    return "unknown";
}

const char* toString(ClaimPattern p) {
    for (const auto& row : kClaimPatterns)
        if (row.pattern == p)
            return row.name;
    return "unknown";
}

std::optional<ClaimOwner> claimOwnerFromName(std::string_view name) {
    for (const auto& row : kClaimOwners)
        if (name == row.name)
            return row.owner;
    return std::nullopt;
}

std::optional<ClaimStatus> claimStatusFromName(std::string_view name) {
    for (const auto& row : kClaimStatuses)
        if (name == row.name)
            return row.status;
    return std::nullopt;
}

std::optional<ClaimPattern> claimPatternFromName(std::string_view name) {
    for (const auto& row : kClaimPatterns)
        if (name == row.name)
            return row.pattern;
    return std::nullopt;
}

std::optional<Polarity> polarityFromName(std::string_view name) {
    for (const auto& row : kPolarities)
        if (name == row.name)
            return row.polarity;
    return std::nullopt;
}

} // namespace rs
