// Plural copular classes: "Gonadotropins are hormones that", "Atenolol and labetolol are
// beta-blockers, which", "CD20+ cells, which are B-lymphocytes.": a bare plural class after
// "are" classes its subject (ClaimExtractor.h). The lexicon has no "are" cue: as a cue of its
// own it took the place of the cues it sits in ("are symptoms of") and cost the labelled sets
// 35 matched claims. Copular processes: "Mydriasis, which is dilation of the pupils", "This is
// the surgical removal of the gonads": a bare process noun and its "of" after "is" defines
// the subject; the lexicon cannot hold "is inflammation of", whose noun is a KG concept.
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

namespace {

// Words between "are" and its class that keep the class reading ("are also hormones", "are
// typically gram-negative bacilli").
constexpr std::array<std::string_view, 7> kCopularAdverbs = {
    "also", "typically", "usually", "generally", "often", "both", "all"};

// Subjects that are no member of a class: pronouns, people and what a text lists ("the
// symptoms are", "they are", "the patient's findings are").
constexpr std::array<std::string_view, 8> kNoMemberWords = {"they",  "these", "those", "both",
                                                            "there", "we",    "you",   "options"};

} // namespace

bool ClaimExtractor::pluralMember(const Reading& r, const Sentence& s, std::size_t t) const {
    const std::string& w = r.tokens[t].norm;
    if (!w.ends_with("s") || words::in(kNoMemberWords, w) || inList(kPersonNouns, w) ||
        inList(kRiskGroups, w) || words::in(words::kRelativePronouns, w))
        return false;
    const bool classNoun = inList(kClassHeads, w) || inList(kQualifiedClassHeads, w);
    if (!classNoun)
        return true;
    if (t == s.ta || !r.softJoin(t))
        return false;
    const std::string& modifier = r.tokens[t - 1].norm;
    return !words::in(kDeterminers, modifier) && !words::in(kNoMemberWords, modifier) &&
           !vagueWord(modifier);
}

bool ClaimExtractor::kindsBefore(const Reading& r, const Sentence& s, std::size_t t) {
    // "The most commonly used classes of antiretroviral drugs are NRTIs, ...": the subject
    // is the class, what follows "are" its members.
    static constexpr std::array<std::string_view, 4> kPluralKinds = {"classes", "groups",
                                                                     "examples", "categories"};
    constexpr std::size_t kMaxLookBack = 5;
    for (std::size_t u = t; u > s.ta + 1 && t - u < kMaxLookBack && r.softJoin(u); --u)
        if (r.tokens[u - 1].norm == "of")
            return words::in(words::kSubsumptionNouns, r.tokens[u - 2].norm) ||
                   words::in(kPluralKinds, r.tokens[u - 2].norm);
    return false;
}

bool ClaimExtractor::copularClassAt(const Reading& r, const Sentence& s, std::size_t at) {
    // The class: modifiers and a plural head ending at a clause boundary, a relative pronoun
    // or a participle ("organelles involved in"), never the object of "of" ("are causes of").
    constexpr std::size_t kMaxClassWords = 4;
    std::size_t t = at + 1;
    while (t < s.tb && words::in(kCopularAdverbs, r.tokens[t].norm) && r.softJoin(t))
        ++t;
    const std::size_t first = t;
    std::size_t head = 0;
    for (; t < s.tb && t - first < kMaxClassWords && r.softJoin(t); ++t) {
        const std::string& w = r.tokens[t].norm;
        if (words::in(words::kRelativePronouns, w) || (t > first && w.ends_with("ed")))
            break;
        if (words::in(kDeterminers, w) || w == "of" || w == "not" ||
            words::in(words::kArgumentPrepositions, w) || words::in(words::kBeForms, w))
            return false;
        head = t;
    }
    if (head == 0 ||
        (t < s.tb && r.softJoin(t) && !words::in(words::kRelativePronouns, r.tokens[t].norm) &&
         !r.tokens[t].norm.ends_with("ed")))
        return false;
    // "beta-blockers": the word after a hyphen heads a compound.
    std::string_view h = r.tokens[head].norm;
    if (const std::size_t dash = h.rfind('-'); dash != std::string_view::npos)
        h = h.substr(dash + 1);
    return h.ends_with("s") && (inList(kClassHeads, h) || inList(kMemberClassHeads, h) ||
                                (head > first && inList(kQualifiedClassHeads, h)));
}

void ClaimExtractor::copularProcesses(const Reading& r, Sentence& s) const {
    constexpr std::size_t kMaxModifiers = 2; // "the surgical removal of"
    if (isACue_ == kNoCue)
        return;
    for (std::size_t t = s.ta + 1; t + 2 < s.tb; ++t) {
        // "In emphysema, there is destruction of the alveolar walls": "there is" states that
        // something happens, it defines nothing.
        if (r.tokens[t].norm != "is" || !r.softJoin(t + 1) || inCue(s, t) ||
            r.tokens[t - 1].norm == "there")
            continue;
        std::size_t u = t + 1;
        if (r.tokens[u].norm == "the")
            ++u;
        const std::size_t first = u;
        while (u + 1 < s.tb && u - first < kMaxModifiers &&
               !words::in(kDefiningProcesses, r.tokens[u].norm) && !r.linked(u) &&
               lexicon_.phraseWord(r.tokens[u].norm) == nullptr && r.softJoin(u + 1))
            ++u;
        if (u + 1 < s.tb && words::in(kDefiningProcesses, r.tokens[u].norm) &&
            r.tokens[u + 1].norm == "of" && r.softJoin(u + 1))
            syntheticHit(s, t, isACue_);
    }
}

void ClaimExtractor::copularClasses(const Reading& r, Sentence& s) const {
    if (isACue_ == kNoCue)
        return;
    for (std::size_t t = s.ta + 1; t + 1 < s.tb; ++t) {
        // "Option B (Neisseria gonorrhoeae) and option C (Chlamydia trachomatis) are common
        // STIs that": a concept in brackets may end the subject.
        const bool bracketed = r.separator(t) == ") " && r.linked(t - 1);
        if (r.tokens[t].norm != "are" || !(r.softJoin(t) || bracketed) || !r.softJoin(t + 1))
            continue;
        if (inCue(s, t))
            continue;
        // The subject: a linked concept or a plural noun (before "are" or before ", which
        // are") that names no group and, bare, no class ("Smudge cells are", "CD20+ cells,
        // which are"; not "Symptoms are", "the cells are").
        std::size_t subject = t - 1;
        if (r.tokens[subject].norm == "which" && subject > s.ta + 1 &&
            hasAny(r.separator(subject), ","))
            --subject;
        // "Atenolol and labetolol are": the last item of a list that opens with a concept.
        const bool listItem =
            subject > s.ta + 1 && r.softJoin(subject) &&
            (r.tokens[subject - 1].norm == "and" || r.tokens[subject - 1].norm == "or") &&
            r.linked(subject - 2);
        // "A) Sofosbuvir and simeprevir: These are direct-acting antivirals", "D) Hepatic
        // Kupffer cells - These cells are macrophages": a pronoun (and its noun) that opens
        // the clause after an item label stands for the label's concepts.
        std::size_t pronoun = subject;
        if (pronoun > s.ta + 1 && r.softJoin(pronoun) &&
            (r.tokens[pronoun - 1].norm == "these" || r.tokens[pronoun - 1].norm == "those"))
            --pronoun;
        const bool labelPronoun =
            (r.tokens[pronoun].norm == "these" || r.tokens[pronoun].norm == "those" ||
             r.tokens[pronoun].norm == "they") &&
            pronoun > s.ta &&
            (hasAny(r.separator(pronoun), ":") || words::spacedDash(r.separator(pronoun)));
        if ((!r.linked(subject) && !listItem && !labelPronoun && !pluralMember(r, s, subject)) ||
            kindsBefore(r, s, subject))
            continue;
        if (copularClassAt(r, s, t))
            syntheticHit(s, t, isACue_);
    }
}

} // namespace rs
