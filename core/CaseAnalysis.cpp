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

std::optional<Polarity> polarityFromName(std::string_view name) {
    for (const auto& row : kPolarities)
        if (name == row.name)
            return row.polarity;
    return std::nullopt;
}

} // namespace rs
