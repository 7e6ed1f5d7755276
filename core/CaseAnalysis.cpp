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

const char* toString(ClaimOwner o)
{
    switch (o) {
    case ClaimOwner::Model: return "model";
    case ClaimOwner::QuestionRestatement: return "question_restatement";
    case ClaimOwner::RejectedOption: return "rejected_option";
    case ClaimOwner::OtherPerson: return "other_person";
    }
    return "unknown";
}

const char* toString(ClaimStatus s)
{
    switch (s) {
    case ClaimStatus::Unverified: return "unverified";
    case ClaimStatus::Supported: return "supported";
    case ClaimStatus::Contradicted: return "contradicted";
    }
    return "unknown";
}

} // namespace rs
