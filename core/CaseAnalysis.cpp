#include "CaseAnalysis.h"

namespace rs {

const char* toString(FindingType t)
{
    switch (t) {
    case FindingType::Relation: return "relation";
    case FindingType::Branch: return "branch";
    case FindingType::Missing: return "missing";
    case FindingType::Grounding: return "grounding";
    }
    return "unknown";
}

const char* toString(Severity s)
{
    switch (s) {
    case Severity::None: return "none";
    case Severity::Minor: return "minor";
    case Severity::Major: return "major";
    case Severity::Critical: return "critical";
    }
    return "unknown";
}

const char* toString(Polarity p)
{
    switch (p) {
    case Polarity::Asserted: return "asserted";
    case Polarity::Negated: return "negated";
    case Polarity::Hedged: return "hedged";
    }
    return "unknown";
}

} // namespace rs
