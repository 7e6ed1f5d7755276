// Sequels: "a pituitary tumor, which can cause hyperprolactinemia and subsequent amenorrhea",
// "can contribute to lower estrogen levels and subsequently, amenorrhea": what follows
// "and subsequent" is an effect of the cause before it and of the effect before it too, a
// causal chain the lexicon has no cue for (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

void ClaimExtractor::sequels(const Reading& r, std::vector<Claim>& claims,
                             std::size_t first) const {
    const std::size_t end = claims.size();
    for (std::size_t i = first; i < end; ++i) {
        const Claim& a = claims[i];
        if (a.relation != "causes")
            continue;
        // The next token after the effect: "and subsequent", then the later effect.
        const std::size_t after = r.tokenAtOrAfter(a.tailEnd);
        if (after + 2 >= r.tokens.size() || r.tokens[after].norm != "and" ||
            !(r.tokens[after + 1].norm == "subsequent" ||
              r.tokens[after + 1].norm == "subsequently") ||
            !r.softJoin(after) || !r.softJoin(after + 1))
            continue;
        // "subsequently, amenorrhea": the later effect may follow a comma.
        const std::size_t later = after + 2;
        if (!r.softJoin(after + 2) && r.separator(after + 2) != ", ")
            continue;
        if (r.covered[later] < 0 || r.aligned[std::size_t(r.covered[later])].first != later)
            continue;
        const AlignedMention& effect = r.aligned[std::size_t(r.covered[later])];
        Claim c = a;
        c.head = a.tail;
        c.headText = a.tailText;
        c.headBegin = a.tailBegin;
        c.headEnd = a.tailEnd;
        c.tail = effect.mention->node;
        c.tailBegin = effect.mention->begin;
        c.tailEnd = effect.mention->end;
        c.tailText = c.tail == kNoNode
                         ? std::string(r.text.substr(c.tailBegin, c.tailEnd - c.tailBegin))
                         : std::string();
        c.phraseBegin = c.headBegin;
        c.phraseEnd = c.tailEnd;
        c.pattern = ClaimPattern::CausalChain;
        if (c.head == kNoNode || c.head != c.tail)
            claims.push_back(std::move(c));
    }
}

} // namespace rs
