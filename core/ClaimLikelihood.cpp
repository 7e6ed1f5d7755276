// Likelihood clauses in claims: "no prior history of heart problems, making VT less likely",
// "the presence of chorea makes Huntington's disease more likely"; cues that hedge themselves
// ("the most likely cause of", "a possible finding in") (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

void ClaimExtractor::likelihoodClauses(const Reading& r, Sentence& s) const {
    // The lexicon's "makes" cues relate only when "less likely", "more likely" or
    // "unlikely" follow their object (one noun phrase: no clause break, a few words);
    // those words give the claim's polarity.
    constexpr std::size_t kMaxObjectTokens = 6;
    for (std::size_t j = 0; j < s.hits.size();) {
        CueHit& hit = s.hits[j];
        const RelationCue& cue = lexicon_.relationCues()[hit.cue];
        const std::string& verb = cue.tokens.front();
        if (cue.relation != "evidential" ||
            !(verb == "make" || verb == "makes" || verb == "making" || verb == "made")) {
            ++j;
            continue;
        }
        const std::size_t from = hit.start + hit.len;
        for (std::size_t t = from + 1; t < s.tb && t - from <= kMaxObjectTokens && !hit.likelihood;
             ++t) {
            if (!r.softJoin(t))
                break;
            const std::string& w = r.tokens[t].norm;
            const bool comparative = (w == "less" || w == "more") && t + 1 < s.tb &&
                                     r.tokens[t + 1].norm == "likely" && r.softJoin(t + 1);
            if (w == "unlikely" || comparative) {
                hit.likelihood = w == "more" ? Polarity::Asserted : Polarity::Negated;
            }
        }
        if (hit.likelihood)
            ++j;
        else
            s.hits.erase(s.hits.begin() + std::ptrdiff_t(j));
    }
}

bool ClaimExtractor::cueHedgesItself(const Reading& r, const Sentence& s, const CueHit& cue) {
    // A cue that names a possibility hedges itself ("This is a possibility given X", "a
    // possible finding in W"). So does "the most likely cause of", "is most likely derived
    // from": the writer ranks the relation among others, not commits to it (a bare "is
    // likely" is a polarity cue).
    for (std::size_t t = cue.start > s.ta ? cue.start - 1 : cue.start; t < cue.start + cue.len; ++t)
        if ((t >= cue.start &&
             (r.tokens[t].norm == "possibility" || r.tokens[t].norm == "possible")) ||
            (t + 1 < cue.start + cue.len &&
             (r.tokens[t].norm == "likely" || r.tokens[t].norm == "probable")))
            return true;
    return false;
}

} // namespace rs
