// Which noun heads a cue's argument on its left: the concept next to the cue, the head noun
// N1 of "N1 prep N2" before it, or none, when the concept next to the cue is only when
// something happened or the cue is a verb's object; the concept a reason clause's pronoun
// stands for (an answer, a relative clause's antecedent); a class after "this" that points
// back, a subject that names nothing beside a concept, and a purpose's agent
// (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

std::size_t ClaimExtractor::nounHead(const Reading& r, const Sentence& s, std::size_t i,
                                     std::size_t from, bool anyPreposition) const {
    if (i == 0)
        return i;
    const AlignedMention& n2 = r.aligned[s.mentions[i]];
    const AlignedMention& n1 = r.aligned[s.mentions[i - 1]];
    // "murmur at the left upper sternal border": which part is said before N2 too.
    std::size_t t = n2.first;
    while (t > n1.last && (words::in(kDeterminers, r.tokens[t - 1].norm) ||
                           words::in(kPossessives, r.tokens[t - 1].norm) ||
                           words::in(kSideWords, r.tokens[t - 1].norm)))
        --t;
    if (t != n1.last + 1 || n1.first < from || n1.last <= s.ta)
        return i;
    const std::string& prep = r.tokens[n1.last].norm;
    const std::string& noun = r.tokens[n1.last - 1].norm;
    const bool joins = anyPreposition ? words::in(kItemPrepositions, prep) : prep == "of";
    // Not "goes all the way down to the bone, which": a particle ends no noun. Not "an
    // episode of syncope", "elevated levels of calcium": N2 is what they name ("low levels
    // of X" is not X).
    if (!joins || (prep == "of" && countsItsObject(r, n1.last - 1)) ||
        words::in(words::kVerbFollowers, noun) || words::in(kOnsetNouns, noun) ||
        words::in(words::kSubsumptionNouns, noun) || words::in(kRelationalNouns, noun) ||
        !r.softJoin(n1.last) || !r.softJoin(n1.last + 1))
        return i;
    return i - 1;
}

std::size_t ClaimExtractor::timePrepositionBefore(const Reading& r, std::size_t first) {
    std::size_t t = first;
    while (t > 0 && (words::in(kDeterminers, r.tokens[t - 1].norm) ||
                     words::in(kPossessives, r.tokens[t - 1].norm)))
        --t;
    // "after starting amoxicillin": one gerund between.
    if (t > 1 && r.tokens[t - 1].norm.size() > 4 && r.tokens[t - 1].norm.ends_with("ing") &&
        !r.linked(t - 1) && !words::in(kTimePrepositions, r.tokens[t - 1].norm))
        --t;
    return t > 0 && words::in(kTimePrepositions, r.tokens[t - 1].norm) ? t - 1 : 0;
}

bool ClaimExtractor::drug(NodeId node) const {
    if (kb_ == nullptr || node == kNoNode)
        return false;
    const std::string_view kind = kb_->nodeKind(node);
    return kind == "Compound" || kind == "Pharmacologic Class";
}

bool ClaimExtractor::drugRelation(const CueHit& hit) const {
    const RelationCue& c = lexicon_.relationCues()[hit.cue];
    return c.direction == CueDirection::Forward &&
           (c.relation == "treats" || c.relation == "prevents" || c.relation == "targets" ||
            c.relation == "contraindicated_for");
}

bool ClaimExtractor::verbObjectCue(const Reading& r, const Sentence& s, const CueHit& hit) const {
    // "to determine the cause of the stroke", "can help rule out other causes of": a cue noun
    // after a verb and its article (or particle, or "other") is the verb's object.
    std::size_t object = hit.start;
    while (object > s.ta + 1 &&
           (words::in(kDeterminers, r.tokens[object - 1].norm) ||
            r.tokens[object - 1].norm == "other" || r.tokens[object - 1].norm == "out"))
        --object;
    const PhraseWord* verb =
        object < hit.start ? lexicon_.phraseWord(r.tokens[object - 1].norm) : nullptr;
    return verb && *verb == PhraseWord::Verb;
}

ClaimExtractor::HeadNoun ClaimExtractor::cueHeadNoun(const Reading& r, const Sentence& s,
                                                     const CueHit& hit, std::size_t k,
                                                     std::size_t from) const {
    const AlignedMention& n2 = r.aligned[s.mentions[k - 1]];
    bool relative = false, comma = false;
    for (std::size_t t = n2.last; t < hit.start && !relative; ++t) {
        comma = comma || hasAny(r.separator(t), ",");
        relative =
            words::in(words::kRelativePronouns, r.tokens[t].norm) && hasAny(r.separator(t), ",");
    }
    // "fever since the trip, which suggests malaria", "a rash after starting amoxicillin,
    // which": the object of a time preposition is no antecedent; the concept the time
    // phrase follows is, or none.
    if (const std::size_t prep = timePrepositionBefore(r, n2.first); relative && prep != 0) {
        if (k < 2 || r.aligned[s.mentions[k - 2]].last != prep ||
            r.aligned[s.mentions[k - 2]].first < from)
            return HeadNoun::None;
        return HeadNoun::Before;
    }
    if (k < 2)
        return HeadNoun::Next;
    // "Rubella infection during pregnancy causes", "pain after meals suggests": the object
    // of a time preposition right after the head noun says when, the noun is the head. Not
    // before a participle right after the object, which is said of it ("two days after a
    // fall resulting in").
    const std::string& cueVerb = lexicon_.relationCues()[hit.cue].tokens.front();
    const bool participleOfN2 = n2.last == hit.start && !hasAny(r.separator(hit.start), ",") &&
                                (cueVerb.ends_with("ing") || cueVerb.ends_with("ed"));
    if (const std::size_t prep = timePrepositionBefore(r, n2.first);
        !relative && prep != 0 && !participleOfN2) {
        const AlignedMention& n1 = r.aligned[s.mentions[k - 2]];
        std::size_t end = n1.last; // "Rubella infection": the head noun's own words
        while (end < prep && words::in(words::kTransparentHeads, r.tokens[end].norm))
            ++end;
        if (end == prep && n1.first >= from)
            return HeadNoun::Before;
    }
    // "inclusion bodies within erythrocytes, which are specific to": a relative clause after
    // a comma is about the head noun of "N1 prep N2", not about N2 (the distance to the cue
    // is checked from N2). Not after a relational noun ("a diagnosis of N2", "a form of
    // N2"), whose N2 is what the phrase names (nounHead).
    // "The wide splitting of S2 suggests": the subject is N1 (of N2) too; so is "the low
    // bicarbonate level in the serum" when N2 names no KG concept, but not the class of
    // examples ("therapy with dopamine agonists such as").
    const bool anyPreposition =
        s.mentions[k - 1] >= r.linkedCount && examplesMarker(r, s, hit.start) == 0;
    // "a documented allergy to albendazole, which is a common treatment for": a drug's
    // relation is said of the drug, not of the noun before it.
    if (relative && drug(n2.mention->node) && drugRelation(hit))
        return HeadNoun::Next;
    // "seen in infants with DiGeorge syndrome, which is also associated with": a relative
    // clause after people and their condition is about the condition.
    if (relative && k >= 2) {
        const AlignedMention& n1 = r.aligned[s.mentions[k - 2]];
        const std::string& noun = r.tokens[n1.last - 1].norm;
        if (n1.last < n2.first && r.tokens[n1.last].norm == "with" &&
            (words::in(kPersonNouns, noun) || words::in(kRiskGroups, noun)))
            return HeadNoun::Next;
    }
    const bool before = (relative && nounHead(r, s, k - 1, from, true) != k - 1) ||
                        (!comma && nounHead(r, s, k - 1, from, anyPreposition) != k - 1);
    return before ? HeadNoun::Before : HeadNoun::Next;
}

std::size_t ClaimExtractor::answeredOption(const Reading& r, const Sentence& s,
                                           const CueHit& hit) const {
    // "the correct answer is B) Diarrhea, as it is not a typical symptom of X": the pronoun
    // of the reason clause stands for the answer's concept. Returns 1 + its index into
    // s.mentions, 0 when the sentence is not so built.
    const std::size_t p = laterClausePronoun(r, s, hit);
    if (p < s.ta + 3)
        return 0;
    std::size_t end = p - 1; // the pronoun; the answer ends before its opener and comma
    if (words::in(kClauseOpeners, r.tokens[end - 1].norm))
        --end;
    if (!hasAny(r.separator(end), ","))
        return 0;
    std::size_t k = s.mentions.size();
    while (k > 0 && r.aligned[s.mentions[k - 1]].last > end)
        --k;
    if (k == 0 || r.aligned[s.mentions[k - 1]].last != end)
        return 0;
    // Back over the option's letter and "option"/"choice", then "answer is" / "answer
    // would be" / "answer should be".
    std::size_t t = r.aligned[s.mentions[k - 1]].first;
    while (t > s.ta && (words::in(kDeterminers, r.tokens[t - 1].norm) ||
                        r.tokens[t - 1].norm == "option" || r.tokens[t - 1].norm == "choice" ||
                        (r.tokens[t - 1].allUpper && r.tokens[t - 1].norm.size() == 1)))
        --t;
    constexpr std::size_t kMaxCopula = 2; // "is", "would be", "should be"
    for (std::size_t c = 1; c <= kMaxCopula + 1 && t >= s.ta + c; ++c)
        if (r.tokens[t - c].norm == "answer")
            return c > 1 && (r.tokens[t - 1].norm == "is" || r.tokens[t - 1].norm == "be") ? k : 0;
    return 0;
}

std::size_t ClaimExtractor::relativeAntecedent(const Reading& r, const Sentence& s,
                                               const CueHit& hit) const {
    // "Option C suggests amlodipine, which is a good choice as it is a calcium channel
    // blocker": the pronoun of a reason clause inside a relative clause stands for the
    // relative pronoun's antecedent, when no concept stands between them. Returns 1 + its
    // index into s.mentions, 0 when the sentence is not so built.
    const std::size_t p = laterClausePronoun(r, s, hit);
    if (p < s.ta + 3)
        return 0;
    constexpr std::size_t kMaxClause = 10;
    for (std::size_t t = p - 2; t > s.ta && p - 2 - t <= kMaxClause; --t) {
        if (r.covered[t] >= 0)
            return 0;
        if (r.tokens[t].norm != "which" || !hasAny(r.separator(t), ","))
            continue;
        std::size_t k = s.mentions.size();
        while (k > 0 && r.aligned[s.mentions[k - 1]].last > t)
            --k;
        return k > 0 && r.aligned[s.mentions[k - 1]].last == t ? k : 0;
    }
    return 0;
}

namespace {
constexpr std::array<std::string_view, 5> kAnaphoricDeterminers = {"these", "those", "this", "that",
                                                                   "such"};
} // namespace

bool ClaimExtractor::genericCosubject(const Reading& r, std::size_t first,
                                      const CueHit& hit) const {
    // "The patient's bleeding and abnormal labs are consistent with W": after the
    // conjunction a subject that names nothing (a generic noun and its modifiers), then a
    // plural verb; the concept before the conjunction is still a subject of the cue.
    // Not "but the symptoms are specific to": a new clause, not a second subject.
    if (first == 0 || !(r.tokens[first - 1].norm == "and" || r.tokens[first - 1].norm == "or"))
        return false;
    if (words::in(kAnaphoricDeterminers, r.tokens[first].norm))
        return false; // "and these findings are": the findings before, not a subject more
    static constexpr std::array<std::string_view, 4> kPluralVerbs = {"are", "were", "suggest",
                                                                     "indicate"};
    std::size_t end = hit.start;
    if (end > first && words::in(kPluralVerbs, r.tokens[end - 1].norm))
        --end;
    else if (!words::in(kPluralVerbs, r.tokens[hit.start].norm))
        return false;
    constexpr std::size_t kMaxWords = 4;
    if (end <= first || end - first > kMaxWords)
        return false;
    const PhraseWord* head = lexicon_.phraseWord(r.tokens[end - 1].norm);
    if (!head || *head != PhraseWord::Generic)
        return false;
    for (std::size_t t = first; t + 1 < end; ++t) {
        const PhraseWord* k = lexicon_.phraseWord(r.tokens[t].norm);
        if (!(words::in(words::kJudgements, r.tokens[t].norm) ||
              (k && (*k == PhraseWord::Determiner || *k == PhraseWord::Possessor ||
                     *k == PhraseWord::Generic || *k == PhraseWord::Vague))))
            return false;
    }
    return true;
}

bool ClaimExtractor::genericClass(const std::string& word) const {
    static constexpr std::array<std::string_view, 6> kClasses = {
        "infection", "tumor", "cancer", "malignancy", "pathology", "abnormality"};
    // The singular of a plural ("these infections", "these abnormalities").
    std::string one = word;
    if (one.ends_with("ies"))
        one.replace(one.size() - 3, 3, "y");
    else if (one.ends_with('s'))
        one.pop_back();
    for (const std::string& w : {word, one}) {
        const PhraseWord* k = lexicon_.phraseWord(w);
        if ((k && (*k == PhraseWord::Generic || *k == PhraseWord::Kind)) || words::in(kClasses, w))
            return true;
    }
    return false;
}

bool ClaimExtractor::anaphoricClassAt(const Reading& r, std::size_t t) const {
    if (t == 0 || r.covered[t] < 0)
        return false;
    const AlignedMention& m = r.aligned[std::size_t(r.covered[t])];
    const std::string& before = r.tokens[t - 1].norm;
    return m.first == t && (before == "this" || before == "these" || before == "those") &&
           genericClass(r.tokens[m.last - 1].norm);
}

bool ClaimExtractor::kindOfAt(const Reading& r, std::size_t t) {
    return t + 1 < r.tokens.size() && words::in(words::kSubsumptionNouns, r.tokens[t].norm) &&
           r.tokens[t + 1].norm == "of";
}

bool ClaimExtractor::demonstrativeKindAt(const Reading& r, std::size_t t) {
    if (t < 3 || r.covered[t] < 0 || r.aligned[std::size_t(r.covered[t])].first != t)
        return false;
    const std::string& demonstrative = r.tokens[t - 3].norm;
    return kindOfAt(r, t - 2) && (demonstrative == "this" || demonstrative == "these");
}

std::size_t ClaimExtractor::purposeAgent(const Reading& r, const Sentence& s, const CueHit& hit,
                                         const std::vector<std::size_t>& left) const {
    const std::string& relation = lexicon_.relationCues()[hit.cue].relation;
    if (kb_ == nullptr || left.empty() || hit.start <= s.ta ||
        r.tokens[hit.start - 1].norm != "to" || !(relation == "prevents" || relation == "treats"))
        return kNoAgent;
    const auto disease = [&](std::size_t mi) {
        const NodeId n = r.aligned[mi].mention->node;
        return n != kNoNode && kb_->nodeKind(n) == "Disease";
    };
    if (!disease(left.back()))
        return kNoAgent;
    // The subject must be something given: a KG concept other than a disease (a drug, a
    // class of drugs, a procedure the KG names), not "the researchers".
    bool isLabel = false;
    const std::size_t k = sentenceSubject(r, s, isLabel);
    return k != 0 && r.aligned[s.mentions[k - 1]].mention->node != kNoNode &&
                   !disease(s.mentions[k - 1]) &&
                   r.aligned[s.mentions[k - 1]].last <= r.aligned[left.back()].first
               ? k
               : 0;
}

} // namespace rs
