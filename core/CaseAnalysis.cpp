#include "CaseAnalysis.h"

#include "FindingKinds.h"

namespace rs {

const char* toString(FindingType t)
{
    return findingTypeName(t);
}

const char* toString(Severity s)
{
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

const char* toString(Polarity p)
{
    for (const auto& row : kPolarities)
        if (row.polarity == p)
            return row.name;
    return "unknown";
}

std::optional<Polarity> polarityFromName(std::string_view name)
{
    for (const auto& row : kPolarities)
        if (name == row.name)
            return row.polarity;
    return std::nullopt;
}

} // namespace rs
