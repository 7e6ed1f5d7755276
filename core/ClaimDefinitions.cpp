// Places of defining clauses: "Cardiac tamponade is a life-threatening condition where fluid
// accumulates in the pericardial sac", "B) Pulmonary hypoplasia: This is a condition where the
// fetal lungs do not develop properly", "C) Tension pneumothorax: This occurs when air
// accumulates in the pleural space": the clause defines the condition by what happens in an
// organ, so the condition localizes to that organ (ClaimExtractor.h). The clause has a subject
// of its own, so no cue inside it says anything of the condition; only its places do.
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

namespace {

// Heads of the class a defining clause follows ("a condition where", "an autoimmune disorder
// in which").
constexpr std::array<std::string_view, 9> kDefinedNouns = {
    "condition", "disorder", "disease",      "syndrome",   "state",
    "defect",    "anomaly",  "malformation", "abnormality"};

// Regions that name no place of a condition ("the body's normal clotting process").
constexpr std::array<std::string_view, 3> kWholeBody = {"body", "bodies", "organism"};

// Prepositions that put something away from an organ ("grow outside the uterus").
constexpr std::array<std::string_view, 4> kNotThere = {"outside", "beyond", "from", "except"};

} // namespace

std::size_t ClaimExtractor::definingClauseAt(const Reading& r, const Sentence& s, std::size_t t,
                                             std::size_t& verb) const {
    // "where", "whereby", "in which" after a class noun and its modifiers, the noun after "a"
    // or "an" that "is" or an apposition's comma opens; "occurs when". Returns the first token
    // of the clause (0: none), verb the token of "is" or "occurs" (or the comma's article).
    constexpr std::size_t kMaxModifiers = 4;
    if (t < s.ta + 2 || !r.softJoin(t))
        return 0;
    const std::string& w = r.tokens[t].norm;
    if (w == "when" && (r.tokens[t - 1].norm == "occurs" || r.tokens[t - 1].norm == "occur") &&
        r.softJoin(t - 1)) {
        verb = t - 1;
        return t + 1;
    }
    std::size_t noun = t - 1;
    if (w == "which" && r.tokens[t - 1].norm == "in" && r.softJoin(t - 1))
        --noun;
    else if (w != "where" && w != "whereby")
        return 0;
    if (noun <= s.ta || !words::in(kDefinedNouns, r.tokens[noun].norm) || r.linked(noun) ||
        !r.softJoin(noun))
        return 0;
    std::size_t article = noun;
    while (article > s.ta && noun - article <= kMaxModifiers && r.tokens[article - 1].norm != "a" &&
           r.tokens[article - 1].norm != "an") {
        if (!r.softJoin(article) || r.linked(article - 1))
            return 0;
        --article;
    }
    if (article <= s.ta + 1 ||
        (r.tokens[article - 1].norm != "a" && r.tokens[article - 1].norm != "an"))
        return 0;
    --article; // the article itself
    if (hasAny(r.separator(article), ",")) {
        verb = article;
        return t + 1;
    }
    std::size_t is = article - 1;
    if (r.tokens[is].norm == "also" && is > s.ta)
        --is;
    if (r.tokens[is].norm != "is" || !r.softJoin(article))
        return 0;
    verb = is;
    return t + 1;
}

std::size_t ClaimExtractor::definedConcept(const Reading& r, const Sentence& s,
                                           std::size_t verb) const {
    // The concept ending right before the verb (or before ", which" / the apposition's comma),
    // or the item label a subject pronoun there stands for. 1 + its index into s.mentions.
    std::size_t end = verb;
    if (verb <= s.ta)
        return 0;
    if (words::in(words::kSubjectPronouns, r.tokens[verb - 1].norm)) {
        CueHit at{verb, 1, 0};
        return itemLabelBefore(r, s, at, s.ta);
    }
    if (r.tokens[verb - 1].norm == "which" && verb - 1 > s.ta && hasAny(r.separator(verb - 1), ","))
        end = verb - 1;
    for (std::size_t k = s.mentions.size(); k > 0; --k)
        if (r.aligned[s.mentions[k - 1]].last == end)
            return k;
    return 0;
}

bool ClaimExtractor::definesCondition(const Reading& r, const Sentence& s) const {
    std::size_t verb = 0;
    for (std::size_t t = s.ta + 2; t < s.tb; ++t)
        if (definingClauseAt(r, s, t, verb) != 0)
            return true;
    return false;
}

void ClaimExtractor::placesOfDefinitions(const Reading& r, const Sentence& s,
                                         std::vector<Claim>& claims, std::size_t first) const {
    for (std::size_t t = s.ta + 2; t < s.tb; ++t) {
        std::size_t verb = 0;
        const std::size_t clause = definingClauseAt(r, s, t, verb);
        if (clause == 0 || clause >= s.tb)
            continue;
        const std::size_t k = definedConcept(r, s, verb);
        if (k == 0)
            continue;
        const AlignedMention& defined = r.aligned[s.mentions[k - 1]];
        if (organ(defined.mention->node))
            continue;
        // The clause runs to the next clause break; each organ in it is a place.
        for (const std::size_t mi : s.mentions) {
            const AlignedMention& place = r.aligned[mi];
            if (place.first < clause)
                continue;
            bool broken = false;
            for (std::size_t u = clause + 1; u <= place.first && !broken; ++u)
                broken = r.clauseBreakBefore(u);
            if (broken)
                break;
            // "endometrial cells grow outside the uterus": no place of the condition.
            std::size_t before = place.first;
            while (before > clause && words::in(kDeterminers, r.tokens[before - 1].norm))
                --before;
            const bool outside = before > clause && words::in(kNotThere, r.tokens[before - 1].norm);
            // "blood is shunted from the left side of the heart": blood that moves is no
            // place; blood is one after "in" ("high levels of homocysteine in the blood").
            const bool in = before > clause && (r.tokens[before - 1].norm == "in" ||
                                                r.tokens[before - 1].norm == "within");
            const bool movingBlood = r.tokens[place.first].norm == "blood" && !in;
            if (!organ(place.mention->node) ||
                words::in(kWholeBody, r.tokens[place.last - 1].norm) || outside || movingBlood ||
                sameConcept(r, defined, place))
                continue;
            Claim c = placeClaim(r, s, defined, place);
            c.cue = std::string(r.text.substr(r.tokens[verb].begin,
                                              r.tokens[clause - 1].end - r.tokens[verb].begin));
            c.pattern = ClaimPattern::RelativeClause;
            const bool known = std::any_of(
                claims.begin() + std::ptrdiff_t(first), claims.end(), [&](const Claim& o) {
                    return o.relation == c.relation && o.head == c.head && o.tail == c.tail;
                });
            if (!known)
                claims.push_back(std::move(c));
        }
    }
}

} // namespace rs
