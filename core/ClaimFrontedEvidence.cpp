// Fronted evidence: "Given her travel to India and the jaundice, hepatitis E is likely",
// "Given the contusions on his body, it is possible that he had rhabdomyolysis": the concepts
// of the opening "given" phrase are evidence for the disease the main clause weighs
// (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

std::size_t ClaimExtractor::frontedClauseEnd(const Reading& r, const Sentence& s) {
    // "Given" or "Considering" opens the sentence; the main clause starts after the first
    // comma whose next few words hold its verb ("Given A, B and C, W is", "..., it is
    // possible that"), not after a list's comma ("Given A, B and C").
    static constexpr std::array<std::string_view, 2> kOpeners = {"given", "considering"};
    static constexpr std::array<std::string_view, 16> kMainVerbs = {
        "is",     "are", "was",  "were",  "could",   "may",      "might",   "would",
        "should", "can", "must", "seems", "appears", "suggests", "suggest", "points"};
    constexpr std::size_t kMaxOpening = 30, kVerbWithin = 6;
    if (s.tb - s.ta < 4 || !words::in(kOpeners, r.tokens[s.ta].norm))
        return 0;
    for (std::size_t t = s.ta + 2; t < s.tb && t - s.ta <= kMaxOpening; ++t) {
        const std::string_view sep = r.separator(t);
        if (hasAny(sep, ";:()[]{}\".!?"))
            return 0;
        if (!hasAny(sep, ",") || r.tokens[t].norm == "and" || r.tokens[t].norm == "or")
            continue;
        for (std::size_t u = t; u < s.tb && u - t < kVerbWithin; ++u) {
            if (u > t && hasAny(r.separator(u), ",;:()"))
                break;
            if (words::in(kMainVerbs, r.tokens[u].norm))
                return t;
        }
    }
    return 0;
}

void ClaimExtractor::frontedEvidence(const Reading& r, const Sentence& s, std::size_t mainAt,
                                     std::vector<Claim>& claims) const {
    // The main clause must weigh a diagnosis, with a word that hedges it ("W is a likely
    // diagnosis", "it is possible that") or one that does not ("the diagnosis is W", "W is
    // unlikely": a denial, scanPolarity's); its first KG disease is what is weighed.
    static constexpr std::array<std::string_view, 9> kHedges = {
        "likely",  "possible",  "possibility", "probable", "consider",
        "suspect", "suspicion", "may",         "might"};
    static constexpr std::array<std::string_view, 4> kWeighing = {"likelihood", "diagnosis",
                                                                  "suggests", "unlikely"};
    const auto evidential = forwardCue_.find("evidential");
    if (evidential == forwardCue_.end() || kb_ == nullptr)
        return;
    std::size_t clauseEnd = mainAt + 1; // the main clause runs to the next comma
    while (clauseEnd < s.tb && !hasAny(r.separator(clauseEnd), ",;:()"))
        ++clauseEnd;
    bool weighs = false;
    for (std::size_t t = mainAt; t < clauseEnd && !weighs; ++t)
        weighs = words::in(kWeighing, r.tokens[t].norm) || words::in(kHedges, r.tokens[t].norm);
    std::vector<std::size_t> heads, target;
    std::size_t headEnd = 0; // one past the last head's item
    for (std::size_t i : s.mentions) {
        const AlignedMention& m = r.aligned[i];
        if (m.first > s.ta && m.last <= mainAt) {
            // Not "family history" in "family history of dementia" (the history is
            // dementia's), nor "India" in "travel to India", "multiple partners" in
            // "unprotected sex with multiple partners" (the item is the first phrase), nor
            // a place ("on the patient's body").
            const bool ofNoun = m.last < mainAt && r.tokens[m.last].norm == "of" &&
                                words::in(kRelationalNouns, r.tokens[m.last - 1].norm);
            std::size_t before = m.first;
            while (before > s.ta && (words::in(kDeterminers, r.tokens[before - 1].norm) ||
                                     words::in(kPossessives, r.tokens[before - 1].norm) ||
                                     vagueWord(r.tokens[before - 1].norm)))
                --before;
            const bool prepObject = before > s.ta + 1 && before - 1 == headEnd &&
                                    words::in(kItemPrepositions, r.tokens[before - 1].norm);
            const bool place =
                words::in(kBodyRegions, r.tokens[m.last - 1].norm) || organ(m.mention->node);
            // Nor a single word the KG does not know ("the characteristics of the mass"), nor
            // a process ("the pathogenesis options provided").
            const bool bareWord = m.mention->node == kNoNode
                                      ? m.last - m.first == 1
                                      : kb_->nodeKind(m.mention->node) == "Biological Process";
            if (!ofNoun && !prepObject && !place && !bareWord)
                heads.push_back(i);
            if (!ofNoun && !place)
                headEnd = m.last;
        } else if (target.empty() && m.first >= mainAt && m.last <= clauseEnd &&
                   m.mention->node != kNoNode &&
                   (kb_->nodeKind(m.mention->node) == "Disease" ||
                    kb_->nodeKind(m.mention->node) == "Side Effect")) {
            target.push_back(i);
        }
    }
    if (!weighs || heads.empty() || target.empty())
        return;
    CueHit hit;
    hit.start = mainAt;
    hit.cue = evidential->second;
    const std::size_t first = claims.size();
    claimsOfPairs(r, s, hit, heads, target, ClaimPattern::FrontedEvidence, claims);
    // The main clause's weighing hedges the claims, or denies them ("W is less likely").
    // Only the main clause up to a contrast after the disease ("heat stroke rather than heat
    // exhaustion"), not the evidence's own words ("the lack of other findings").
    static constexpr std::array<std::string_view, 6> kContrasts = {"rather", "instead", "than",
                                                                   "versus", "vs",      "but"};
    const AlignedMention& w = r.aligned[target.front()];
    std::size_t end = w.last;
    while (end < clauseEnd && !words::in(kContrasts, r.tokens[end].norm))
        ++end;
    bool negated = false, hedged = false;
    scanPolarity(r, &w, mainAt, end, negated, hedged);
    for (std::size_t t = mainAt; t < end && !hedged; ++t)
        hedged = words::in(kHedges, r.tokens[t].norm);
    // The cue shown is the opening word ("Given"), not the lexicon's evidential cue.
    const Token& opener = r.tokens[s.ta];
    for (std::size_t c = first; c < claims.size(); ++c) {
        claims[c].polarity = negated  ? Polarity::Negated
                             : hedged ? Polarity::Hedged
                                      : Polarity::Asserted;
        claims[c].cue = std::string(r.text.substr(opener.begin, opener.end - opener.begin));
    }
}

} // namespace rs
