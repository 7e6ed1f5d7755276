// The constructions the claim extractor reads beyond the neighbours of a cue: item labels in
// later clauses, appositions, relative clauses on a predicate noun, causal chains, copular
// complements, and where a cue's object starts (ClaimExtractor.h). Lists are in
// ClaimLists.cpp.
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

namespace {

// Whether a cue's first word is a participle that can follow its noun directly ("an
// antibiotic used to treat", "a movement disorder caused by", "a finding seen in"; not
// "found": "a protein found in muscle cells" places it, the cue "found in" would not).
bool participle(const std::string& w) {
    return w == "used" || w == "seen" || w == "heard" || (w.size() > 4 && w.ends_with("ed"));
}

} // namespace

std::size_t ClaimExtractor::objectStart(const Reading& r, const Sentence& s, std::size_t from) {
    // "is contraindicated in patients with a history of seizures", "is common in those
    // with diabetes": the people who have it stand for the condition.
    std::size_t t = from;
    if (t + 1 < s.tb && words::in(kPopulations, r.tokens[t].norm) &&
        r.tokens[t + 1].norm == "with" && !r.linked(t))
        t += 2;
    // "the patient's history of", "his history of": a possessive before it too.
    std::size_t u = t;
    while (
        u < s.tb &&
        (words::in(kDeterminers, r.tokens[u].norm) || words::in(kPossessives, r.tokens[u].norm)) &&
        !r.linked(u))
        ++u;
    if (u + 1 < s.tb && r.tokens[u].norm == "history" && r.tokens[u + 1].norm == "of")
        t = u + 2;
    // "caused by long-term use of antipsychotic medications": the exposure is the drug.
    constexpr std::size_t kMaxUseModifiers = 2;
    u = t;
    while (u < s.tb && words::in(kDeterminers, r.tokens[u].norm))
        ++u;
    for (std::size_t m = 0; m <= kMaxUseModifiers && u + 1 < s.tb && !r.linked(u); ++m, ++u)
        if (words::in(kUseNouns, r.tokens[u].norm) && r.tokens[u + 1].norm == "of") {
            t = u + 2;
            break;
        }
    // "a very aggressive and rare type of thyroid cancer": the kind's adjectives are no
    // distance to what it is a kind of.
    constexpr std::size_t kMaxKindModifiers = 5;
    u = t;
    while (u < s.tb && words::in(kDeterminers, r.tokens[u].norm))
        ++u;
    for (std::size_t m = 0; m <= kMaxKindModifiers && u + 1 < s.tb && !r.linked(u); ++m, ++u) {
        const std::string& w = r.tokens[u].norm;
        if (kindOfAt(r, u)) {
            t = u + 2;
            break;
        }
        if ((words::in(kPhraseStops, w) && w != "and") ||
            r.separator(u + 1).find_first_not_of(", ") != std::string_view::npos)
            break;
    }
    // "suggests that the patient had a cholecystectomy", "that he may have experienced
    // muscle breakdown": what the patient has is the object.
    if (t + 2 < s.tb && r.tokens[t].norm == "that") {
        u = t + 1;
        while (u < s.tb && words::in(kDeterminers, r.tokens[u].norm))
            ++u;
        if (u < s.tb && (r.tokens[u].norm == "patient" || r.tokens[u].norm == "he" ||
                         r.tokens[u].norm == "she")) {
            std::size_t v = u + 1;
            while (v < s.tb && v - u <= kMaxPatientVerbs && !r.linked(v) &&
                   words::in(kPatientVerbs, r.tokens[v].norm))
                ++v;
            if (v > u + 1)
                t = v;
        }
    }
    return t;
}

bool ClaimExtractor::labelSeparator(std::string_view sep) {
    return hasAny(sep, ":") || words::spacedDash(sep);
}

namespace {
// "X has also been shown to reduce the risk of": the verb's auxiliaries and the words that
// report it are no distance between a concept and its cue ("to" only after those:
// "discontinued to reduce" opens a purpose clause); "are medications that can be used to
// treat": a modal too; nor is a denial ("it is not the best treatment for").
constexpr std::array<std::string_view, 17> kVerbChain = {
    "has",     "have",     "had", "been",  "also", "shown", "known", "found", "reported",
    "thought", "believed", "can", "could", "may",  "might", "will",  "not"};
} // namespace

bool ClaimExtractor::noDistance(const Reading& r, std::size_t t) {
    const std::string& w = r.tokens[t].norm;
    // "it is not the most appropriate treatment for": the degree of a qualifier neither (not
    // "the most likely underlying cause is": a rank, no qualifier).
    const bool degree = w == "most" && t + 1 < r.tokens.size() &&
                        words::in(words::kQualifiers, r.tokens[t + 1].norm);
    return degree || words::in(kVerbChain, w) ||
           (w == "to" && t > 0 && words::in(kVerbChain, r.tokens[t - 1].norm));
}

std::size_t ClaimExtractor::wordsBetween(const Reading& r, const Sentence& s,
                                         const AlignedMention& a, const CueHit& hit) const {
    // "persistent pain in the lower limbs, which are symptoms of": the finding's own place
    // is part of it, no distance to the cue.
    std::size_t t = std::min(itemEnd(r, s, a), hit.start);
    // "high blood pressure (170/100 mm Hg), which could be related to": a bracketed gloss
    // right after the concept explains it and is no distance to the cue.
    if (t < hit.start && hasAny(r.separator(t), "([")) {
        int depth = 0;
        for (const std::size_t open = t; t < hit.start; ++t) {
            for (char ch : r.separator(t))
                depth += ch == '(' || ch == '['                  ? 1
                         : (ch == ')' || ch == ']') && depth > 0 ? -1
                                                                 : 0;
            if (depth == 0 && t > open)
                break;
        }
    }
    // "crackles are heard on pulmonary auscultation, which suggests": how the finding was
    // observed is no distance either.
    static constexpr std::array<std::string_view, 6> kObserved = {"heard",    "seen",  "noted",
                                                                  "observed", "found", "detected"};
    if (t + 2 < hit.start && words::in(words::kBeForms, r.tokens[t].norm) &&
        words::in(kObserved, r.tokens[t + 1].norm) && r.softJoin(t) && r.softJoin(t + 1))
        t += 2;
    // "The bilateral lung infiltrates seen on the chest radiograph are consistent with": a
    // participle with no "be" before a test or an exam, too.
    else if (t + 1 < hit.start && words::in(kObserved, r.tokens[t].norm) && r.softJoin(t) &&
             (r.tokens[t + 1].norm == "on" || r.tokens[t + 1].norm == "at"))
        ++t;
    // "crackles on pulmonary exam, which could indicate": where a finding was seen (a test
    // or an exam) is no distance either.
    constexpr std::size_t kMaxSeenOn = 4;
    if (t < hit.start && (r.tokens[t].norm == "on" || r.tokens[t].norm == "at"))
        for (std::size_t u = t + 1; u < hit.start && u - t <= kMaxSeenOn && !r.linked(u); ++u)
            if (const PhraseWord* k = lexicon_.phraseWord(r.tokens[u].norm);
                k && *k == PhraseWord::Kind && (u + 1 == hit.start || r.clauseBreakBefore(u + 1))) {
                t = u + 1;
                break;
            }
    // Nor are the verb's auxiliaries, a denial or a degree (noDistance).
    std::size_t n = 0;
    for (; t < hit.start; ++t)
        n += noDistance(r, t) ? 0 : 1;
    return n;
}

std::size_t ClaimExtractor::clauseLabel(const Reading& r, const Sentence& s,
                                        const CueHit& hit) const {
    // A subject pronoun a few words before the cue that opens a clause ("..., but it does
    // not explain", "and this can cause"), in a sentence that opens with an item label
    // ("C) X: This ..."): the pronoun stands for the label's concept.
    const std::size_t p = laterClausePronoun(r, s, hit);
    if (p == 0)
        return 0;
    const std::size_t pronoun = p - 1;
    // The label: the first subject pronoun of the sentence after a colon or a dash.
    for (std::size_t q = s.ta + 1; q < pronoun; ++q) {
        if (!words::in(words::kSubjectPronouns, r.tokens[q].norm))
            continue;
        CueHit opening = hit;
        opening.start = q + 1;
        return r.covered[q] < 0 ? itemLabelBefore(r, s, opening, s.ta) : 0;
    }
    return 0;
}

std::size_t ClaimExtractor::laterClausePronoun(const Reading& r, const Sentence& s,
                                               const CueHit& hit) const {
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    std::size_t p = hit.start, n = 0;
    while (p > s.ta && n < gapMax && !words::in(words::kSubjectPronouns, r.tokens[p - 1].norm)) {
        if (r.covered[p - 1] >= 0)
            return 0;
        n += noDistance(r, p - 1) ? 0 : 1;
        --p;
    }
    if (p <= s.ta + 1 || !words::in(words::kSubjectPronouns, r.tokens[p - 1].norm))
        return 0;
    const std::size_t pronoun = p - 1;
    if (!words::in(kClauseOpeners, r.tokens[pronoun - 1].norm) &&
        !hasAny(r.separator(pronoun), ",;"))
        return 0;
    return p;
}

std::size_t ClaimExtractor::appositionHead(const Reading& r, const Sentence& s,
                                           const CueHit& hit) const {
    // "X - an anticholinergic agent that blocks Y", "X, a drug that can be used to treat Y",
    // "X, a penicillin used to treat Y": an apposition to X with a relative clause or a
    // participle cue; returns the index into s.mentions of X, s.mentions.size() if none.
    constexpr std::size_t kMaxNoun = 5;
    const std::size_t none = s.mentions.size();
    std::size_t t = hit.start;
    while (t > s.ta && words::in(kRelativeAuxiliaries, r.tokens[t - 1].norm))
        --t;
    const std::string& first = r.tokens[hit.start].norm;
    bool relative = participle(first);
    if (t > s.ta && (r.tokens[t - 1].norm == "that" || r.tokens[t - 1].norm == "which")) {
        --t;
        relative = true;
    }
    if (!relative)
        return labelApposition(r, s, hit);
    // The apposition's noun back to its article ("a severe infection of the bone"), no
    // punctuation in it.
    std::size_t words = 0;
    for (; t > s.ta && r.tokens[t - 1].norm != "a" && r.tokens[t - 1].norm != "an"; --t)
        if (++words > kMaxNoun || hasAny(r.separator(t), ",;:()[]"))
            return labelApposition(r, s, hit);
    if (words == 0 || t < s.ta + 2)
        return none;
    const std::size_t article = t - 1;
    const std::string_view sep = r.separator(article);
    if (!hasAny(sep, ",(") && !words::spacedDash(sep))
        return labelApposition(r, s, hit);
    for (std::size_t k = 0; k < s.mentions.size(); ++k)
        if (r.aligned[s.mentions[k]].last == article)
            return k;
    return none;
}

// Auxiliaries and modals: a clause with one of them has a subject of its own.
constexpr std::array<std::string_view, 17> kFiniteVerbs = {
    "is",    "are",   "was",   "were",   "has",  "have", "had",  "can", "may",
    "might", "could", "would", "should", "will", "must", "does", "do"};

std::size_t ClaimExtractor::labelApposition(const Reading& r, const Sentence& s,
                                            const CueHit& hit) const {
    // "E) Methotrexate - an immunosuppressive drug, used for RA, not indicated for W",
    // "X: a rare type of thyroid cancer, usually presents with Y": an item label, its class
    // after the separator, then predicates with no subject of their own, each after a
    // comma; the label is their subject.
    constexpr std::size_t kMaxLabelTokens = 12;
    const std::size_t none = s.mentions.size();
    const RelationCue& cue = lexicon_.relationCues()[hit.cue];
    if (cue.relation == "is_a" && cue.direction == CueDirection::Reverse)
        return none; // "..., such as X" lists examples, it predicates nothing
    std::size_t article = s.ta + 1;
    while (article < s.tb && article - s.ta <= kMaxLabelTokens &&
           !labelSeparator(r.separator(article)))
        ++article;
    if (article >= hit.start || article - s.ta > kMaxLabelTokens ||
        !(r.tokens[article].norm == "a" || r.tokens[article].norm == "an"))
        return none;
    // Only adverbs and a negation between the last comma and the cue; no finite verb and
    // no clause punctuation from the article on.
    std::size_t t = hit.start;
    while (t > article && !hasAny(r.separator(t), ",") &&
           (words::in(kFillers, r.tokens[t - 1].norm) || r.tokens[t - 1].norm == "not" ||
            r.tokens[t - 1].norm == "best" || words::in(words::kQualifiers, r.tokens[t - 1].norm) ||
            words::adverb(r.tokens[t - 1].norm)))
        --t;
    if (t == article || !hasAny(r.separator(t), ","))
        return none;
    for (std::size_t u = article + 1; u < hit.start; ++u) {
        const std::string& w = r.tokens[u].norm;
        if (hasAny(r.separator(u), ";:()[]\".!?") || words::in(kFiniteVerbs, w) ||
            words::in(words::kRelativePronouns, w))
            return none;
    }
    for (std::size_t k = 0; k < s.mentions.size(); ++k)
        if (r.aligned[s.mentions[k]].first >= s.ta && r.aligned[s.mentions[k]].last <= article)
            return k; // the label's first concept
    return none;
}

bool ClaimExtractor::clauseAntecedent(const Reading& r, const Sentence& s,
                                      const std::vector<std::size_t>& left,
                                      const CueHit& hit) const {
    // "Probing goes down to the bone, which indicates osteomyelitis": what a relative clause
    // after a comma judges as evidence is the clause before it, not the object of its
    // preposition.
    // "hypotension after the operation, which could be a sign of sepsis" likewise, for a
    // time's preposition ("refers to eye movements, which could be a sign of" is about them).
    const RelationCue& c = lexicon_.relationCues()[hit.cue];
    const bool sign = c.relation == "presents_with" && c.direction == CueDirection::Reverse;
    if (left.empty() || !(c.relation == "evidential" || c.relation == "indicates" || sign))
        return false;
    const AlignedMention& a = r.aligned[left.front()];
    bool relative = false;
    for (std::size_t t = r.aligned[left.back()].last; t < hit.start && !relative; ++t)
        relative =
            words::in(words::kRelativePronouns, r.tokens[t].norm) && hasAny(r.separator(t), ",");
    std::size_t t = a.first;
    while (t > s.ta && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    static constexpr std::array<std::string_view, 4> kTimes = {"after", "before", "during",
                                                               "following"};
    // "elevated levels of bilirubin, which are consistent with" is about the bilirubin.
    const bool counted = t > s.ta + 1 && r.tokens[t - 1].norm == "of" && countsItsObject(r, t - 2);
    return relative && t > s.ta && !counted &&
           (sign ? words::in(kTimes, r.tokens[t - 1].norm)
                 : words::in(words::kArgumentPrepositions, r.tokens[t - 1].norm));
}

bool ClaimExtractor::countsItsObject(const Reading& r, std::size_t noun) {
    const std::string& n = r.tokens[noun].norm;
    return words::in(kEpisodeNouns, n) ||
           (words::in(kQuantityNouns, n) &&
            !(noun > 0 && words::in(kLackWords, r.tokens[noun - 1].norm)));
}

bool ClaimExtractor::actionEffect(const Reading& r, const CueHit& prev, const CueHit& hit) const {
    const RelationCue& p = lexicon_.relationCues()[prev.cue];
    const RelationCue& c = lexicon_.relationCues()[hit.cue];
    // "Atorvastatin inhibits HMG-CoA reductase, which leads to a decrease in": a relative
    // clause after what a drug acts on is about the action too (after a disease it treats
    // or prevents, it is the disease's: "prevents pneumonia, which causes fever").
    const bool participle =
        c.tokens.front().ends_with("ing") && hasAny(r.separator(hit.start), ",");
    const bool relative = p.relation == "targets" && hit.start > 0 &&
                          r.tokens[hit.start - 1].norm == "which" &&
                          hasAny(r.separator(hit.start - 1), ",");
    return (p.relation == "targets" || p.relation == "treats" || p.relation == "prevents") &&
           p.direction == CueDirection::Forward &&
           (c.relation == "causes" || (relative && c.relation == "risk_factor_for")) &&
           c.direction == CueDirection::Forward && hit.start > prev.start + prev.len &&
           (participle || relative);
}

bool ClaimExtractor::causalChain(const Reading& r, const CueHit& prev, std::size_t prevTail,
                                 const CueHit& hit) const {
    // A causal participle ("leading to", "resulting in", "causing") after the tail of a
    // causal cue, joined by a comma or "and", over a prepositional phrase of the tail
    // ("damage to the DNA of healthy cells, leading to").
    constexpr std::size_t kMaxBetween = 6;
    const RelationCue& p = lexicon_.relationCues()[prev.cue];
    const RelationCue& c = lexicon_.relationCues()[hit.cue];
    const AlignedMention& tail = r.aligned[prevTail];
    // "characterized by A and B, leading to C": the features lead to C too.
    if ((p.relation != "causes" && p.relation != "presents_with") ||
        p.direction != CueDirection::Forward || c.relation != "causes" ||
        c.direction != CueDirection::Forward || !c.tokens.front().ends_with("ing") ||
        tail.last > hit.start || hit.start - tail.last > kMaxBetween)
        return false;
    bool joined = false;
    for (std::size_t t = tail.last; t <= hit.start; ++t) {
        const std::string_view sep = r.separator(t);
        if (hasAny(sep, ";:()[]{}\".!?"))
            return false;
        joined = joined || hasAny(sep, ",");
        if (t == hit.start)
            break;
        const std::string& w = r.tokens[t].norm;
        if (w == "and")
            joined = true;
        else if (r.covered[t] < 0 && !words::in(kDeterminers, w) && w != "of" && w != "in" &&
                 w != "on")
            return false;
    }
    return joined;
}

bool ClaimExtractor::copularBridge(const Reading& r, const CueHit& copula,
                                   const CueHit& hit) const {
    // "X is a common cause of Y", "X is an effective treatment for Y": the copula and a
    // few qualifying words lead to the cue, which then takes X as its head. So does a
    // causal or associative verb to a risk cue: "X can lead to an increased risk of Y",
    // "X is associated with a higher risk of Y".
    const RelationCue& c = lexicon_.relationCues()[copula.cue];
    const RelationCue& next = lexicon_.relationCues()[hit.cue];
    const bool toRisk = (c.relation == "causes" || c.relation == "associated_with") &&
                        c.direction == CueDirection::Forward && next.relation == "risk_factor_for";
    if (!toRisk && (c.relation != "is_a" || c.tokens.size() > 2 || c.tokens.front() != "is"))
        return false;
    // "is a life-threatening complication of": qualifiers and vague words, and the degree
    // of a qualifier ("is a less common complication of", "the most common cause of"); a
    // likelihood ("This is a likely possibility given").
    static constexpr std::array<std::string_view, 5> kDegrees = {"less", "more", "most", "very",
                                                                 "relatively"};
    constexpr std::size_t kMaxBetween = 3;
    const std::size_t end = copula.start + copula.len;
    if (hit.start < end || hit.start - end > kMaxBetween)
        return false;
    for (std::size_t t = end; t < hit.start; ++t) {
        const PhraseWord* w = lexicon_.phraseWord(r.tokens[t].norm);
        if (r.linked(t) || !r.softJoin(t) ||
            !(words::in(words::kQualifiers, r.tokens[t].norm) || (w && *w == PhraseWord::Vague) ||
              r.tokens[t].norm == "likely" ||
              (toRisk && words::in(kDeterminers, r.tokens[t].norm)) ||
              (words::in(kDegrees, r.tokens[t].norm) && t + 1 < hit.start)))
            return false;
    }
    return r.softJoin(hit.start);
}

std::size_t ClaimExtractor::premodifiersFrom(const Reading& r, const AlignedMention& m) const {
    std::size_t t = m.first;
    while (t > 0 && r.covered[t - 1] < 0 && r.softJoin(t)) {
        const PhraseWord* w = lexicon_.phraseWord(r.tokens[t - 1].norm);
        if (w && *w != PhraseWord::Vague)
            break;
        --t;
    }
    return t;
}

bool ClaimExtractor::appositiveRelativeBetween(const Reading& r, const CueHit& subjectCue,
                                               std::size_t conjunction) {
    // "epididymitis, which is inflammation of the epididymis, a structure that sits on the
    // testicle and is responsible for": the second predicate is the relative clause's of an
    // apposition to the "of" complement, about the structure, not the subject of the cue
    // before.
    bool ofComplement = false, apposition = false;
    for (std::size_t t = subjectCue.start + subjectCue.len; t + 1 < conjunction; ++t) {
        ofComplement = ofComplement || r.tokens[t].norm == "of";
        apposition = apposition || (ofComplement && r.separator(t) == ", " &&
                                    (r.tokens[t].norm == "a" || r.tokens[t].norm == "an"));
        if (apposition && (r.tokens[t].norm == "that" || r.tokens[t].norm == "which"))
            return true;
    }
    return false;
}

bool ClaimExtractor::classOfPlace(const Reading& r, std::size_t from, std::size_t to) {
    // "an allergic inflammatory condition of the esophagus, which": the words before `to`
    // are a class noun and its "of" complement, so a relative clause there is the class
    // noun's (not after "a type of": kSubsumptionNouns are no class nouns here).
    std::size_t of = to;
    while (of > from && r.tokens[of - 1].norm != "of")
        --of;
    if (of <= from + 1 || !words::in(kClassNouns, r.tokens[of - 2].norm) ||
        words::in(words::kSubsumptionNouns, r.tokens[of - 2].norm))
        return false;
    bool named = false;
    for (std::size_t t = of; t < to; ++t) {
        if (!(r.covered[t] >= 0 || words::in(kDeterminers, r.tokens[t].norm)))
            return false;
        named = named || r.covered[t] >= 0;
    }
    return named;
}

bool ClaimExtractor::relativeBridge(const Reading& r, const Sentence& s, const CueHit& copula,
                                    const CueHit& hit) const {
    // An is-a copula, then its predicate noun (linked or not) and a relative clause or a
    // participle leading to the cue: "is a genetic disorder that can cause", "is an
    // antibiotic used to treat", "a form of folic acid that can be used to treat".
    constexpr std::size_t kMaxBetween = 8;
    const RelationCue& c = lexicon_.relationCues()[copula.cue];
    const std::size_t end = copula.start + copula.len;
    // "is a description of Y, which causes": after "of" the relative clause is Y's; "is a
    // form of Y that can be used to treat" says it of X, a kind of Y.
    if (c.relation != "is_a" || c.direction != CueDirection::Forward || hit.start < end ||
        hit.start - end > kMaxBetween ||
        (c.tokens.back() == "of" &&
         !(c.tokens.size() > 1 && words::in(words::kSubsumptionNouns, c.tokens.end()[-2]))))
        return false;
    // "is a movement disorder caused by": a participle cue right after the noun.
    const std::string& first = r.tokens[hit.start].norm;
    bool relative = participle(first);
    int mentions = 0;
    bool placed = false; // the class noun's place ("of the esophagus") is one of the mentions
    bool ofComplement = false;
    for (std::size_t t = end; t < hit.start; ++t) {
        // "is inflammation of the epididymis, a structure that sits on the testicle": a
        // relative clause on an apposition to the "of" complement is the complement's.
        ofComplement = ofComplement || r.tokens[t].norm == "of";
        if (ofComplement && r.separator(t) == ", " &&
            (r.tokens[t].norm == "a" || r.tokens[t].norm == "an"))
            return false;
        if (r.covered[t] >= 0 && (t == end || r.covered[t] != r.covered[t - 1]))
            ++mentions;
        const bool opensRelative =
            hasAny(r.separator(t), ",") && words::in(words::kRelativePronouns, r.tokens[t].norm);
        if (opensRelative && t > end)
            placed = classOfPlace(r, end, t);
        const std::string_view sep = r.separator(t);
        if (hasAny(sep, ";:()[]{}\".!?") || words::in(words::kSubjectPronouns, r.tokens[t].norm))
            return false;
        // "refers to eye movements, which could be a sign of": a relative clause after a
        // comma is about the noun before it; after an apposition that noun is X itself
        // ("haloperidol, an antipsychotic medication, which can cause NMS"), and so is a
        // class noun after "is a" ("X is a cephalosporin antibiotic, which is effective"), or
        // its "of" complement ("an allergic condition of the esophagus, which can cause");
        // not after "a type of" ("a type of neural tube defect, which": the defect's).
        if (opensRelative && !copula.appositive &&
            !(t > end && c.tokens.back() != "to" && c.tokens.back() != "of" &&
              (words::in(kClassNouns, r.tokens[t - 1].norm) || placed)))
            return false;
        relative = relative || r.tokens[t].norm == "that" || r.tokens[t].norm == "which" ||
                   r.tokens[t].norm == "used";
    }
    // "is an antifungal medication, not appropriate for treating", "is a beta-agonist, not a
    // treatment for": a denied predicate after the class noun is said of X too.
    std::size_t denial = hit.start;
    while (denial > end + 1 && words::in(kDeterminers, r.tokens[denial - 1].norm))
        --denial;
    relative = relative || (denial > end + 1 && r.tokens[denial - 1].norm == "not" &&
                            hasAny(r.separator(denial - 1), ","));
    (void)s;
    return relative && mentions <= (placed ? 2 : 1);
}

std::size_t ClaimExtractor::sentenceSubject(const Reading& r, const Sentence& s, bool& isLabel,
                                            std::size_t* firstItem) const {
    // Where the main clause opens: after the first label separator ("D) External fixation:
    // External fixation is ...", "X - This is ...") and after an introductory phrase of a few
    // words ending in a comma ("However, methimazole is ..."). A concept (after articles) or
    // a pronoun that stands for the label must open it and be followed by its verb, not by
    // a comma or a coordinator (a list, an apposition).
    constexpr std::size_t kMaxLabelTokens = 16, kMaxIntro = 4;
    isLabel = false;
    std::size_t c = s.ta;
    // A dash separates only with white space on both sides ("T-score of -0.8 - This").
    auto separates = [](std::string_view sep) {
        return hasAny(sep, ":") ||
               (hasAny(sep, "-") && !sep.empty() && (sep.front() == ' ' || sep.front() == '\t') &&
                (sep.back() == ' ' || sep.back() == '\t'));
    };
    for (std::size_t t = s.ta + 1; t < s.tb && t - s.ta <= kMaxLabelTokens; ++t)
        if (separates(r.separator(t))) {
            c = t;
            break;
        }
    // "E) Neostigmine is ...": an option letter opens no clause.
    if (c == s.ta && s.ta + 1 < s.tb && r.tokens[s.ta].allUpper &&
        r.tokens[s.ta].norm.size() == 1 && hasAny(r.separator(s.ta + 1), ").") &&
        r.covered[s.ta] < 0)
        c = s.ta + 1;
    for (std::size_t t = c + 1; t < s.tb && t - c <= kMaxIntro; ++t) {
        if (r.covered[t - 1] >= 0)
            break;
        if (hasAny(r.separator(t), ",")) {
            c = t;
            break;
        }
    }
    while (c < s.tb && words::in(kDeterminers, r.tokens[c].norm))
        ++c;
    if (c >= s.tb)
        return 0;
    if (words::in(words::kSubjectPronouns, r.tokens[c].norm) && c > s.ta) {
        if (!separates(r.separator(c)))
            return 0;
        CueHit opening;
        opening.start = c + 1;
        isLabel = true;
        const std::size_t label = itemLabelBefore(r, s, opening, s.ta);
        if (firstItem != nullptr && label != 0)
            *firstItem = label - 1;
        return label;
    }
    for (std::size_t k = 0; k < s.mentions.size(); ++k) {
        if (r.aligned[s.mentions[k]].first != c)
            continue;
        // "Option C, hypothyroidism, can cause": the option's concept between commas.
        const bool namedOption =
            c >= s.ta + 2 && r.tokens[c - 1].allUpper && r.tokens[c - 1].norm.size() == 1 &&
            (r.tokens[c - 2].norm == "option" || r.tokens[c - 2].norm == "choice");
        // "Acyclovir and ganciclovir are": the list's last item before its verb.
        std::size_t last = k;
        while (!namedOption && last + 1 < s.mentions.size() &&
               coordinated(r, r.aligned[s.mentions[last]], r.aligned[s.mentions[last + 1]]))
            ++last;
        const AlignedMention& m = r.aligned[s.mentions[last]];
        const bool closingComma =
            namedOption && m.last < s.tb &&
            r.separator(m.last).find_first_of(";:()[]") == std::string_view::npos &&
            r.covered[m.last] < 0;
        if (m.last >= s.tb || (hasAny(r.separator(m.last), ",;:()[]") && !closingComma) ||
            words::in(kCoordinators, r.tokens[m.last].norm))
            return 0;
        if (firstItem != nullptr)
            *firstItem = k;
        return last + 1;
    }
    return 0;
}

std::size_t ClaimExtractor::anaphoricObject(const Reading& r, const Sentence& s,
                                            std::size_t from) const {
    if (from + 1 >= s.tb || r.tokens[from].norm != "this" ||
        !words::in(kAnaphoricNouns, r.tokens[from + 1].norm) || r.covered[from + 1] >= 0)
        return 0;
    bool isLabel = false;
    const std::size_t k = sentenceSubject(r, s, isLabel);
    return isLabel ? k : 0;
}

bool ClaimExtractor::opensIndefinite(const Reading& r, std::size_t offset) {
    const std::size_t t = r.tokenAtOrAfter(offset);
    return t < r.tokens.size() && (r.tokens[t].norm == "a" || r.tokens[t].norm == "an");
}

void ClaimExtractor::appositiveClasses(const Reading& r, Sentence& s) const {
    if (isACue_ == kNoCue)
        return;
    for (std::size_t i = s.ta + 1; i + 1 < s.tb; ++i) {
        const std::string& w = r.tokens[i].norm;
        if ((w != "a" && w != "an") || r.linked(i))
            continue;
        // "Aortic dissection (A) and": an option letter in brackets is no article; an
        // article is lower case and its noun follows inside the bracket.
        const std::string_view sep = r.separator(i);
        // "E) Anaplastic carcinoma: a rare type of thyroid cancer": after an item label's
        // colon, capital or not.
        constexpr std::size_t kMaxLabelWords = 8;
        const bool colon = sep == ": " && i - s.ta <= kMaxLabelWords;
        if ((r.text[r.tokens[i].begin] != 'a' && !colon) || hasAny(r.separator(i + 1), ")]"))
            continue;
        const bool bracket = sep.find_first_of("([") != std::string_view::npos &&
                             sep.find_first_not_of(" \t([") == std::string_view::npos;
        const bool dash = sep.size() >= 3 && (sep.front() == ' ' || sep.front() == '\t') &&
                          (sep.back() == ' ' || sep.back() == '\t') && hasAny(sep, "-") &&
                          sep.find_first_not_of(" \t-") == std::string_view::npos;
        // "cystic fibrosis (CF), a genetic disorder": a comma after the concept's gloss.
        constexpr std::size_t kMaxGlossTokens = 3;
        std::size_t antecedent = i - 1;
        if (sep == "), ")
            for (std::size_t t = i - 1; t > s.ta + 1 && i - t <= kMaxGlossTokens; --t)
                if (r.separator(t).find('(') != std::string_view::npos) {
                    antecedent = t - 1;
                    break;
                }
        if (!r.linked(antecedent))
            continue;
        if (!bracket && !dash && !colon &&
            !((sep == ", " || (sep == "), " && antecedent != i - 1)) &&
              commaApposition(r, s, i, antecedent)))
            continue;
        if (inCue(s, i))
            continue;
        syntheticHit(s, i, isACue_).appositive = true;
    }
}

bool ClaimExtractor::commaApposition(const Reading& r, const Sentence& s, std::size_t article,
                                     std::size_t antecedent) {
    // "Hashimoto's thyroiditis, an autoimmune disorder.", "Lesch-Nyhan syndrome, a rare
    // genetic disorder, is", "haloperidol, an antipsychotic medication, which": a noun phrase
    // headed by a class noun (or naming a kind "of" a concept) that ends the sentence, opens a
    // relative clause, or closes before the clause's verb or cue. Not a list item ("fever, a cough,
    // nasal stuffiness, and", "fever, a severe cough": no class noun), not the subject of a clause
    // ("Given X, an autoimmune disorder should be considered"), not the object of "of" ("an
    // overdose of nortriptyline, a TCA": the class is nortriptyline's, the cue's head would be the
    // overdose).
    constexpr std::size_t kMaxPhrase = 8;
    const int before = r.covered[antecedent];
    if (before < 0)
        return false;
    const std::size_t first = r.aligned[std::size_t(before)].first;
    // "indicative of X, a severe form of Y": an "of" that ends a cue is no noun's, nor is
    // the "of" of "a diagnosis of X" (which names X).
    const bool cueBefore =
        std::any_of(s.hits.begin(), s.hits.end(),
                    [first](const CueHit& h) { return h.start + h.len == first; }) ||
        (first > s.ta + 1 && inList(kOnsetNouns, r.tokens[first - 2].norm));
    if (first > s.ta &&
        (hasAny(r.separator(first), ",") || (r.tokens[first - 1].norm == "of" && !cueBefore)))
        return false;
    // "a rare and aggressive form of thyroid cancer": "and" between the kind's adjectives.
    std::size_t kindAt = article;
    for (std::size_t t = article + 1; t + 1 < s.tb && t - article <= kMaxPhrase && r.softJoin(t);
         ++t)
        if (kindOfAt(r, t)) {
            kindAt = t;
            break;
        }
    std::size_t end = s.tb; // one past the phrase's last word
    for (std::size_t t = article + 1; t < s.tb && t - article <= kMaxPhrase; ++t) {
        const std::string& w = r.tokens[t].norm;
        // "tinea versicolor, a fungal infection caused by Malassezia": a participle cue ends
        // the phrase as a relative clause would.
        if (r.softJoin(t) && w.ends_with("ed") &&
            std::any_of(s.hits.begin(), s.hits.end(),
                        [t](const CueHit& h) { return h.start == t && h.len > 1; })) {
            end = t;
            break;
        }
        if (words::in(words::kRelativePronouns, w) ||
            (!r.softJoin(t) && hasAny(r.separator(t), ".;:!?,"))) {
            // ", a rare genetic disorder, is": after a comma, the clause's verb or a relative.
            if (hasAny(r.separator(t), ",") &&
                !(words::in(kFillers, w) || words::in(words::kRelativePronouns, w) ||
                  std::any_of(s.hits.begin(), s.hits.end(),
                              [t](const CueHit& h) { return h.start == t; })))
                return false;
            end = t;
            break;
        }
        if (!r.softJoin(t) || words::in(kFillers, w) || ((w == "and" || w == "or") && t > kindAt) ||
            w == "should")
            return false;
    }
    if (end == s.tb && s.tb - article > kMaxPhrase)
        return false;
    // "Legionnaires' disease, a severe form of pneumonia": a kind of its "of" object.
    bool kindOf = false;
    for (std::size_t t = article + 1; t + 1 < end && !kindOf; ++t)
        kindOf = kindOfAt(r, t);
    return end > article + 1 && (kindOf || words::in(kClassNouns, r.tokens[end - 1].norm));
}

void ClaimExtractor::renamingDemonstratives(const Reading& r, Sentence& s) const {
    // "This" or "These" right after the label's separator, then a noun (no verb, auxiliary,
    // cue or non-concept word: "This is", "This finding").
    constexpr std::size_t kMaxLabelTokens = 16;
    if (isACue_ == kNoCue)
        return;
    for (std::size_t i = s.ta + 1; i + 1 < s.tb && i - s.ta <= kMaxLabelTokens; ++i) {
        if (!labelSeparator(r.separator(i)))
            continue;
        // Two words at least: a qualified class ("This congenital heart defect"), not a
        // bare generic noun ("These cells are").
        auto nominal = [&](std::size_t t) {
            const std::string& n = r.tokens[t].norm;
            return t < s.tb && r.softJoin(t) && !words::in(kFillers, n) &&
                   !words::in(kNonConcepts, n) && !words::in(kPhraseStops, n) &&
                   !words::in(words::kCommonVerbs, n) && !lexicon_.relationCuesStartingWith(n);
        };
        const std::string& w = r.tokens[i].norm;
        // "Vascular dementia: This type of dementia is caused by": the item is a kind of
        // the class named after "of".
        const bool kindOf = i + 3 < s.tb && kindOfAt(r, i + 1) && r.linked(i + 3);
        if ((w != "this" && w != "these") || r.covered[i] >= 0 ||
            (!kindOf && (!nominal(i + 1) || i + 2 >= s.tb || !nominal(i + 2))) ||
            std::any_of(s.hits.begin(), s.hits.end(),
                        [i](const CueHit& h) { return h.start <= i + 1 && i < h.start + h.len; }))
            return;
        syntheticHit(s, i, isACue_).renaming = true;
        return;
    }
}

bool ClaimExtractor::renamesSubject(const Reading& r, const Sentence& s, const CueHit& hit,
                                    const std::vector<std::size_t>& right) const {
    if (right.size() != 1)
        return false;
    const AlignedMention& b = r.aligned[right.front()];
    const std::size_t at = hit.start + hit.len;
    const bool kindOf = at + 2 < s.tb && kindOfAt(r, at);
    if (b.first != (kindOf ? at + 2 : at) || (b.last - b.first < 2 && !kindOf) || b.last >= s.tb ||
        !r.softJoin(b.last))
        return false;
    const std::string& verb = r.tokens[b.last].norm;
    return words::in(words::kCommonVerbs, verb) || words::in(kFillers, verb) ||
           lexicon_.relationCuesStartingWith(verb) != nullptr;
}

bool ClaimExtractor::ofArgument(const Reading& r, const Sentence& s, std::size_t mi,
                                std::size_t from) {
    std::size_t t = r.aligned[mi].first;
    while (t > s.ta && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    // "a diagnosis of pituitary adenoma, specifically a prolactinoma": a diagnosis names its
    // disease, which takes the examples.
    if (t <= s.ta + 1 || r.tokens[t - 1].norm != "of" ||
        words::in(words::kSubsumptionNouns, r.tokens[t - 2].norm) ||
        r.tokens[t - 2].norm == "diagnosis")
        return false;
    // "the effects of opioids such as oxycodone": a plural class after "of" takes its own
    // examples; "the hallmark features of PTSD, such as" names one disease.
    const std::string& head = r.tokens[r.aligned[mi].last - 1].norm;
    if (head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us") &&
        !head.ends_with("is") && hasAny(r.separator(r.aligned[mi].last), " ") &&
        !hasAny(r.separator(r.aligned[mi].last), ","))
        return false;
    // After a cue's "of" only a plural relational noun ("hallmark features of Y, such as")
    // takes the examples; an adjective does not ("indicative of Y such as").
    return t > from || r.tokens[t - 2].norm.ends_with("s");
}

bool ClaimExtractor::inGloss(const Reading& r, const Sentence& s, const AlignedMention& m,
                             bool afterLinked) {
    // Back from m to an unclosed bracket; the token before it ends a concept (a linked one
    // with afterLinked).
    constexpr std::size_t kMaxGloss = 12;
    int depth = 0;
    for (std::size_t t = m.first; t > s.ta && m.first - t < kMaxGloss; --t) {
        const std::string_view sep = r.separator(t);
        for (auto it = sep.rbegin(); it != sep.rend(); ++it) {
            if (*it == ')' || *it == ']')
                ++depth;
            else if ((*it == '(' || *it == '[') && depth-- == 0)
                return afterLinked ? r.linked(t - 1) : r.covered[t - 1] >= 0;
        }
    }
    return false;
}

std::vector<std::size_t> ClaimExtractor::copularComplement(const Reading& r, const Sentence& s,
                                                           const CueHit& hit,
                                                           const std::vector<std::size_t>& right,
                                                           std::size_t& copula,
                                                           std::size_t& subject) const {
    // "The most commonly prescribed first-line medications for ADHD in children are
    // stimulants", "The most common cause of W is V": a relational noun cue heads the
    // clause's subject, and the copula's complement is the argument that would stand before
    // the noun ("V, a cause of W").
    constexpr std::size_t kMaxSubjectWords = 5, kMaxModifierWords = 4;
    const RelationCue& cue = lexicon_.relationCues()[hit.cue];
    const std::string& last = cue.tokens.back();
    if (right.empty() || !(last == "for" || last == "of" || last == "in") ||
        words::in(kFillers, cue.tokens.front()))
        return {};
    // The subject: "the" and unlinked modifiers up to the cue, "the" opening the clause (at
    // its start, or after "but", "since", "that": "Albuterol helps, but the treatment for W
    // is V"); not an object ("She stopped the treatment for W").
    std::size_t t = hit.start;
    while (t > s.ta && hit.start - t < kMaxSubjectWords && !r.clauseBreakBefore(t) &&
           r.covered[t - 1] < 0 && r.tokens[t - 1].norm != "the")
        --t;
    // "Side effects of X include": or the sentence opens with the subject.
    const bool opens = t == s.ta;
    if (!opens && !(t > s.ta && r.tokens[t - 1].norm == "the" && r.covered[t - 1] < 0))
        return {};
    const std::size_t the = opens ? t : t - 1;
    if (the > s.ta && !r.clauseBreakBefore(the) &&
        !(words::in(kClauseOpeners, r.tokens[the - 1].norm) || r.tokens[the - 1].norm == "that" ||
          r.tokens[the - 1].norm == "whether"))
        return {};
    subject = the;
    // After the objects, a short prepositional modifier ("in children", "in this patient").
    std::size_t u = itemEnd(r, s, r.aligned[right.back()]);
    if (u < s.tb && (r.tokens[u].norm == "in" || r.tokens[u].norm == "among") && r.softJoin(u)) {
        const std::size_t from = u;
        while (u < s.tb && u - from < kMaxModifierWords && r.covered[u] < 0 && r.softJoin(u) &&
               !(r.tokens[u].norm == "is" || r.tokens[u].norm == "are"))
            ++u;
    }
    // "The side effects of X (can) include A, B": a list of what the noun names.
    if (u + 1 < s.tb && (r.tokens[u].norm == "can" || r.tokens[u].norm == "may") &&
        r.tokens[u + 1].norm == "include")
        ++u;
    if (u >= s.tb || !r.softJoin(u) ||
        !(words::in(kCopulaForms, r.tokens[u].norm) || r.tokens[u].norm == "include" ||
          r.tokens[u].norm == "includes"))
        return {};
    copula = u;
    // The complement: the next concept after the copula, articles and a negation or adverb
    // between, then the concepts coordinated with it.
    std::size_t k = 0;
    while (k < s.mentions.size() && r.aligned[s.mentions[k]].first <= u)
        ++k;
    if (k == s.mentions.size())
        return {};
    const AlignedMention& v = r.aligned[s.mentions[k]];
    // "is cervical trauma": unlinked modifiers of the concept are part of it.
    for (std::size_t w = u + 1, end = std::max(u + 1, premodifiersFrom(r, v)); w < end; ++w)
        if (!r.softJoin(w) ||
            !(words::in(kDeterminers, r.tokens[w].norm) || words::in(kFillers, r.tokens[w].norm) ||
              r.tokens[w].norm == "not" || words::adverb(r.tokens[w].norm)))
            return {};
    std::vector<std::size_t> out{s.mentions[k]};
    for (++k; k < s.mentions.size(); ++k) {
        const AlignedMention& q = r.aligned[s.mentions[k]];
        // "GI upset (nausea, vomiting), drowsiness": a gloss is no item.
        if (inGloss(r, s, q))
            continue;
        if (!coordinated(r, r.aligned[out.back()], q))
            break;
        out.push_back(s.mentions[k]);
    }
    return out;
}

std::size_t ClaimExtractor::alsoKnownAs(const Reading& r, const Sentence& s, std::size_t m) const {
    // "an infection of the uterus, also known as endometritis", "Dimercaptosuccinic acid
    // (DMSA), also known as succimer": the name after "also known as" / "also called" is the
    // concept's, when the KG knows it and the phrase before is unlinked or only partly
    // linked (its item goes on past the mention).
    const AlignedMention& a = r.aligned[m];
    std::size_t t = itemEnd(r, s, a);
    const bool partial = m >= r.linkedCount || t > a.last;
    // Over a bracketed abbreviation: "(DMSA), also known as".
    while (t < s.tb && !r.softJoin(t) && hasAny(r.separator(t), "(") && t + 1 < s.tb &&
           hasAny(r.separator(t + 1), ")"))
        ++t;
    if (!partial || t + 3 > s.tb || r.tokens[t].norm != "also" ||
        !(r.tokens[t + 1].norm == "called" ||
          (r.tokens[t + 1].norm == "known" && r.tokens[t + 2].norm == "as")))
        return m;
    const std::size_t nameAt = r.tokens[t + 1].norm == "called" ? t + 2 : t + 3;
    for (std::size_t k : s.mentions)
        if (k < r.linkedCount && r.aligned[k].first >= nameAt && r.aligned[k].first <= nameAt + 1)
            return k;
    return m;
}

} // namespace rs
