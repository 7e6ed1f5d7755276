// The place a class names: "osteomyelitis, a severe infection of the bone", "Eosinophilic
// esophagitis - This is an allergic inflammatory condition of the esophagus" place the
// member where its class is (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

void ClaimExtractor::placesOfClasses(const Reading& r, const Sentence& s,
                                     std::vector<Claim>& claims, std::size_t first) const {
    static constexpr std::array<std::string_view, 5> kPlacePrepositions = {
        "of", "in", "on", "affecting", "involving"};
    const std::size_t end = claims.size();
    for (std::size_t i = first; i < end; ++i) {
        if (claims[i].relation != "is_a" || claims[i].polarity == Polarity::Negated)
            continue;
        // The preposition inside the class's phrase ("a malignant tumor of the vagina") or
        // right after it ("a rough, scaly patch on the skin").
        const std::size_t classFirst = r.tokenAtOrAfter(claims[i].tailBegin);
        const std::size_t after = r.tokenAtOrAfter(claims[i].tailEnd);
        std::size_t p = classFirst + 1;
        while (p <= after && p < s.tb && !words::in(kPlacePrepositions, r.tokens[p].norm))
            ++p;
        if (p > after || p >= s.tb || !r.softJoin(p))
            continue;
        std::size_t o = p + 1;
        while (o < s.tb && words::in(kDeterminers, r.tokens[o].norm) && r.softJoin(o))
            ++o;
        if (o >= s.tb || !r.softJoin(o))
            continue;
        // A linked organ, also inside the class's noun phrase ("tumor of the vagina").
        const auto linkedEnd = r.aligned.begin() + std::ptrdiff_t(r.linkedCount);
        const auto at =
            std::lower_bound(r.aligned.begin(), linkedEnd, o,
                             [](const AlignedMention& m, std::size_t t) { return m.first < t; });
        if (at == linkedEnd || at->first != o || !organ(at->mention->node))
            continue;
        const AlignedMention& place = *at;
        Claim c = claims[i];
        c.relation = "localizes_to";
        c.tail = place.mention->node;
        c.tailText.clear();
        c.tailBegin = place.mention->begin;
        c.tailEnd = place.mention->end;
        c.phraseEnd = std::max(c.phraseEnd, c.tailEnd);
        const bool known =
            std::any_of(claims.begin() + std::ptrdiff_t(first), claims.end(), [&](const Claim& o) {
                return o.relation == c.relation && o.head == c.head && o.tail == c.tail &&
                       o.headBegin == c.headBegin;
            });
        if (!known)
            claims.push_back(std::move(c));
    }
}

} // namespace rs
