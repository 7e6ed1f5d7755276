// Indications: "already on lisinopril for hypertension", "atorvastatin (for
// hyperlipidemia)", "started metformin for her diabetes": a drug the KG knows followed by
// "for" and a disease the KG knows is the drug's indication (ClaimExtractor.h). "for" alone
// is no cue ("screen for", "at risk for", "for 10 days"): only the kinds of both ends make it
// one.
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

namespace {

bool drugKind(std::string_view kind) {
    return kind == "Compound" || kind == "Pharmacologic Class";
}

bool diseaseKind(std::string_view kind) {
    return kind == "Disease" || kind == "Symptom";
}

} // namespace

void ClaimExtractor::indications(const Reading& r, Sentence& s) const {
    const auto treats = forwardCue_.find("treats");
    if (kb_ == nullptr || treats == forwardCue_.end())
        return;
    for (std::size_t t = s.ta + 1; t + 1 < s.tb; ++t) {
        if (r.tokens[t].norm != "for" || r.linked(t) || !r.linked(t - 1) ||
            !drugKind(kindAtToken(r, t - 1)))
            continue;
        // "lisinopril for hypertension", "lisinopril (for hypertension)"; the object right
        // after "for", past a possessive ("for her diabetes").
        const std::string_view before = r.separator(t);
        if (!(before == " " || before == " (") || !r.softJoin(t + 1))
            continue;
        std::size_t u = t + 1;
        if (u + 1 < s.tb && (r.tokens[u].norm == "his" || r.tokens[u].norm == "her") &&
            r.softJoin(u + 1))
            ++u;
        if (!r.linked(u) || !diseaseKind(kindAtToken(r, u)) ||
            r.aligned[std::size_t(r.covered[u])].first != u)
            continue;
        if (inCue(s, t))
            continue;
        syntheticHit(s, t, treats->second);
    }
}

} // namespace rs
