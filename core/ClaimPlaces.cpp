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
    std::vector<std::size_t> placedClasses; // is-a claims their place replaces
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
        // "Mydriasis, which is dilation of the pupils": a process is done to its object, which
        // is no place of the member; "tendinitis, which is inflammation of the Achilles
        // tendon" is the inflammation in its place, and the place says all the class does.
        const std::string& head = r.tokens[p - 1].norm;
        const bool inflamed = head == "inflammation" || head == "infection";
        if (words::in(kDefiningProcesses, head) && !inflamed)
            continue;
        std::size_t o = p + 1;
        while (o < s.tb && words::in(kDeterminers, r.tokens[o].norm) && r.softJoin(o))
            ++o;
        if (o >= s.tb || !r.softJoin(o))
            continue;
        // A linked organ, also inside the class's noun phrase ("tumor of the vagina"), also
        // after a modifier or two of its own ("inflammation of the Achilles tendon").
        constexpr std::size_t kMaxModifiers = 2;
        const auto linkedEnd = r.aligned.begin() + std::ptrdiff_t(r.linkedCount);
        const auto at =
            std::lower_bound(r.aligned.begin(), linkedEnd, o,
                             [](const AlignedMention& m, std::size_t t) { return m.first < t; });
        bool modifiers =
            at != linkedEnd && at->first <= o + kMaxModifiers && organ(at->mention->node);
        for (std::size_t t = o; modifiers && t < at->first; ++t)
            modifiers = r.softJoin(t + 1) && lexicon_.phraseWord(r.tokens[t].norm) == nullptr;
        Claim c = claims[i];
        c.relation = "localizes_to";
        if (modifiers) {
            c.tail = at->mention->node;
            c.tailText.clear();
            c.tailBegin = at->mention->begin;
            c.tailEnd = at->mention->end;
        } else if (inflamed && o < after && r.covered[o] == r.covered[classFirst]) {
            // "an inflammation of the epididymis": the place the KG lacks is the rest of the
            // class's phrase.
            c.tail = kNoNode;
            c.tailBegin = r.tokens[o].begin;
            c.tailEnd = claims[i].tailEnd;
            c.tailText = std::string(r.text.substr(c.tailBegin, c.tailEnd - c.tailBegin));
        } else {
            continue;
        }
        c.phraseEnd = std::max(c.phraseEnd, c.tailEnd);
        const bool known =
            std::any_of(claims.begin() + std::ptrdiff_t(first), claims.end(), [&](const Claim& o) {
                return o.relation == c.relation && o.head == c.head && o.tail == c.tail &&
                       o.headBegin == c.headBegin && o.tailText == c.tailText;
            });
        if (!known)
            claims.push_back(std::move(c));
        if (inflamed)
            placedClasses.push_back(i);
    }
    for (auto i = placedClasses.rbegin(); i != placedClasses.rend(); ++i)
        claims.erase(claims.begin() + std::ptrdiff_t(*i));
}

Claim ClaimExtractor::placeClaim(const Reading& r, const Sentence& s, const AlignedMention& what,
                                 const AlignedMention& place) {
    Claim c;
    c.step = s.step;
    c.head = what.mention->node;
    c.headBegin = what.mention->begin;
    c.headEnd = what.mention->end;
    if (c.head == kNoNode)
        c.headText = std::string(r.text.substr(c.headBegin, c.headEnd - c.headBegin));
    c.tail = place.mention->node;
    c.tailBegin = place.mention->begin;
    c.tailEnd = place.mention->end;
    c.relation = "localizes_to";
    c.begin = s.span.begin;
    c.end = s.span.end;
    c.phraseBegin = c.headBegin;
    c.phraseEnd = c.tailEnd;
    return c;
}

void ClaimExtractor::placesInPhrases(const Reading& r, const Sentence& s,
                                     std::vector<Claim>& claims, std::size_t first) const {
    // "osteomyelitis of the mandible", "an infection of the uterus", "small cell carcinoma of
    // the lung": a disease the KG knows, a place preposition and an organ the KG knows (past
    // articles and a possessive) name the disease in its place. Not a symptom ("pain in the
    // chest" is one finding), not a disease the sentence says is absent.
    static constexpr std::array<std::string_view, 6> kInPlace = {
        "of", "in", "on", "within", "involving", "affecting"};
    const auto localizes = forwardCue_.find("localizes_to");
    if (localizes == forwardCue_.end())
        return;
    for (std::size_t i = 0; i + 1 < s.mentions.size(); ++i) {
        const AlignedMention& disease = r.aligned[s.mentions[i]];
        const AlignedMention& place = r.aligned[s.mentions[i + 1]];
        if (s.mentions[i] >= r.linkedCount || s.mentions[i + 1] >= r.linkedCount ||
            kindAtToken(r, disease.first) != "Disease" || !organ(place.mention->node))
            continue;
        std::size_t p = disease.last;
        if (p >= place.first || !words::in(kInPlace, r.tokens[p].norm) || !r.softJoin(p) ||
            !r.softJoin(p + 1))
            continue;
        std::size_t o = p + 1;
        while (o < place.first &&
               (words::in(kDeterminers, r.tokens[o].norm) ||
                words::in(kPossessives, r.tokens[o].norm)) &&
               r.softJoin(o + 1))
            ++o;
        if (o != place.first || negatesMention(r, s, disease))
            continue;
        Claim c = placeClaim(r, s, disease, place);
        // "the most likely diagnosis is osteomyelitis of the mandible": hedged as the
        // sentence has it.
        c.polarity = polarityOf(r, s, disease, place, CueHit{p, 1, localizes->second});
        constexpr std::size_t kRankWords = 4; // "the most likely diagnosis is"
        for (std::size_t t = disease.first;
             t > s.ta && disease.first - t < kRankWords && c.polarity == Polarity::Asserted; --t)
            if (r.tokens[t - 1].norm == "likely" || r.tokens[t - 1].norm == "possible" ||
                r.tokens[t - 1].norm == "probable")
                c.polarity = Polarity::Hedged;
        c.cue = r.tokens[p].norm;
        c.pattern = ClaimPattern::Direct;
        const bool known =
            std::any_of(claims.begin() + std::ptrdiff_t(first), claims.end(), [&](const Claim& o) {
                return o.relation == c.relation && o.head == c.head && o.tail == c.tail;
            });
        if (!known)
            claims.push_back(std::move(c));
    }
}

} // namespace rs
