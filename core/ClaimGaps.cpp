// Coverage gaps of claims: a relation cue with a KG concept on one side only names, on the
// other, a phrase the KG does not have (ClaimExtractor.h). Such a gap is the KG's, never
// the model's error.
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

void ClaimExtractor::gapsOfUnusedCues(const Reading& r, const Sentence& s,
                                      std::vector<CoverageGap>& gaps) const {
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    const auto& hits = s.hits;
    // Cues with a concept on one side only: the other side is what the KG lacks.
    std::size_t coveredUntil = 0;
    for (std::size_t j = 0; j < hits.size(); ++j) {
        const CueHit& hit = hits[j];
        const std::size_t hitEnd = hit.start + hit.len;
        const bool inside = hit.start < coveredUntil;
        coveredUntil = std::max(coveredUntil, hitEnd);
        if (hit.used || inside)
            continue; // a shorter cue inside a longer one says nothing new
        bool overlapsUsed = false;
        for (std::size_t o = j + 1; o < hits.size() && hits[o].start < hitEnd; ++o)
            overlapsUsed = overlapsUsed || hits[o].used;
        if (overlapsUsed)
            continue;
        bool before = false, after = false;
        for (std::size_t mi : s.mentions) {
            if (mi >= r.linkedCount)
                continue; // a noun phrase with no concept is the gap itself
            const AlignedMention& m = r.aligned[mi];
            if (m.last <= hit.start && hit.start - m.last <= gapMax)
                before = true;
            if (m.first >= hitEnd && m.first - hitEnd <= gapMax)
                after = true;
        }
        if (before == after)
            continue;
        const auto [pb, pe] = unlinkedPhrase(r, s, hit, before);
        bool meaningful = false;
        for (std::size_t t = pb; t < pe && !meaningful; ++t) {
            const std::string& w = r.tokens[t].norm;
            const bool numeric =
                std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            meaningful = !numeric && !inList(kNonConcepts, w) && !inList(kFillers, w);
        }
        if (!meaningful)
            continue;
        const RelationCue& cue = lexicon_.relationCues()[hit.cue];
        const bool phraseIsHead = (cue.direction == CueDirection::Forward) != before;
        CoverageGap g;
        g.begin = r.tokens[pb].begin;
        g.end = r.tokens[pe - 1].end;
        g.text = std::string(r.text.substr(g.begin, g.end - g.begin));
        g.where = "claim";
        g.reason = std::string("the ") + (phraseIsHead ? "head" : "tail") + " of a '" +
                   cue.relation + "' claim (cue '" + cue.cue + "') has no KG concept";
        gaps.push_back(std::move(g));
    }
}

std::pair<std::size_t, std::size_t> ClaimExtractor::unlinkedPhrase(const Reading& r,
                                                                   const Sentence& s,
                                                                   const CueHit& hit,
                                                                   bool afterCue) const {
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    const auto maxPhrase = std::size_t(std::max(1, settings_.maxPhraseTokens));
    const std::size_t hitEnd = hit.start + hit.len;
    const auto& tokens = r.tokens;
    std::size_t pb = 0, pe = 0;
    // The phrase must touch the cue within its clause: "X, ..., treats Y" does not make the
    // words before the comma the head.
    if (afterCue) {
        std::size_t t = hitEnd;
        while (t < s.tb && !r.linked(t) && !r.clauseBreakBefore(t) &&
               inList(kFillers, tokens[t].norm) && t - hitEnd < gapMax)
            ++t;
        pb = pe = t;
        while (pe < s.tb && pe - pb < maxPhrase && !r.linked(pe) && !r.clauseBreakBefore(pe) &&
               !inList(kPhraseStops, tokens[pe].norm) &&
               !lexicon_.relationCuesStartingWith(tokens[pe].norm))
            ++pe;
    } else {
        std::size_t t = hit.start; // phrase ends before token t
        while (t > s.ta && !r.linked(t - 1) && !r.clauseBreakBefore(t) &&
               inList(kFillers, tokens[t - 1].norm) && hit.start - t < gapMax)
            --t;
        pb = pe = t;
        while (pb > s.ta && pe - pb < maxPhrase && !r.linked(pb - 1) && !r.clauseBreakBefore(pb) &&
               !inList(kPhraseStops, tokens[pb - 1].norm) &&
               !lexicon_.relationCuesStartingWith(tokens[pb - 1].norm))
            --pb;
    }
    return {pb, pe};
}

} // namespace rs
