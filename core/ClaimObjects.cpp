// What stands in a cue's object before its concept: "presents with sudden, severe pain" (a
// comma after the first of two adjectives), "given the patient's age, X and Y" (an item that
// names only the patient) (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

bool ClaimExtractor::adjectivesBeforeComma(const Reading& r, std::size_t objectAt,
                                           std::size_t t) const {
    // "a raised, waxy, and pearly nodule": each word before t in no mention and of no
    // closed class but "and", joined by commas and spaces only.
    std::size_t u = objectAt;
    while (u < t && words::in(kDeterminers, r.tokens[u].norm))
        ++u;
    // Not before a clause ("a beta agonist, and asthma is", "a disease, but it").
    const std::string& next = r.tokens[t].norm;
    if (u == t || r.separator(t).find_first_not_of(", ") != std::string_view::npos ||
        words::in(kClauseConjunctions, next) || words::in(words::kRelativePronouns, next) ||
        words::in(words::kSubjectPronouns, next))
        return false;
    for (std::size_t v = u; v < t; ++v) {
        const PhraseWord* w = lexicon_.phraseWord(r.tokens[v].norm);
        if (r.covered[v] >= 0 || (w && *w != PhraseWord::Vague && r.tokens[v].norm != "and") ||
            (v > u && r.separator(v).find_first_not_of(", ") != std::string_view::npos))
            return false;
    }
    return true;
}

std::size_t ClaimExtractor::afterPatientItem(const Reading& r, const Sentence& s,
                                             std::size_t objectAt) {
    // "given the patient's age, the progressive swelling, and the absence of pain", "given
    // her age and sun exposure": a first item that names only the patient's age or history
    // leaves the list to the items after it. Returns where they start (objectAt if none).
    static constexpr std::array<std::string_view, 5> kAttributes = {"age", "sex", "gender",
                                                                    "history", "demographics"};
    constexpr std::size_t kMaxItem = 4; // "the patient 's age"
    for (std::size_t t = objectAt; t < s.tb && t - objectAt < kMaxItem; ++t) {
        const std::string& w = r.tokens[t].norm;
        if (words::in(kAttributes, w)) {
            if (t + 1 >= s.tb || !(r.separator(t + 1) == ", " || r.tokens[t + 1].norm == "and"))
                return objectAt;
            const std::size_t next = t + 1 + (r.tokens[t + 1].norm == "and" ? 1 : 0);
            return next < s.tb ? next : objectAt;
        }
        if (!(words::in(kDeterminers, w) || words::in(kPossessives, w) || w == "s") ||
            (t > objectAt && !r.softJoin(t)))
            return objectAt;
    }
    return objectAt;
}

} // namespace rs
