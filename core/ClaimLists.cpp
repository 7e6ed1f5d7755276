// Lists in claims: where a list item starts and ends, coordinated concepts, objects listed
// after a class ("including", "such as", "like"), examples of a relational noun, the findings
// a relative clause after a list judges together, a denied item ("A, not B"), and a cue
// inside a bracket (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

namespace {

// Words after which "like" is a verb or compares, never lists examples.
constexpr std::array<std::string_view, 22> kLikeVerbs = {
    "seems",    "seem",    "seemed", "look",    "looks", "looked", "feel", "feels",
    "felt",     "sound",   "sounds", "would",   "more",  "less",   "much", "something",
    "anything", "nothing", "just",   "exactly", "act",   "acts"};

} // namespace

using namespace claimwords;

bool ClaimExtractor::closesOpeningClause(const Reading& r, std::size_t t) const {
    // Back from the comma before token t to the start of the sentence or item, over no other
    // comma: the clause opens with a subordinator and has a verb ("While immunodeficient
    // patients may require transfusions, anaphylactic reactions are not"); "Although fever,
    // cough and wheezing are" is a list.
    static constexpr std::array<std::string_view, 8> kOpeners = {
        "while", "although", "though", "whereas", "because", "since", "if", "when"};
    constexpr std::size_t kMaxClause = 24;
    bool verb = false;
    for (std::size_t u = t - 1; u + kMaxClause >= t; --u) {
        const std::string& w = r.tokens[u].norm;
        const PhraseWord* k = lexicon_.phraseWord(w);
        if (u > 0 && !r.linked(u))
            verb = verb || words::in(words::kAuxiliaries, w) || (k && *k == PhraseWord::Verb);
        if (u == 0)
            return verb && words::in(kOpeners, w);
        const std::string_view sep = r.separator(u);
        if (hasAny(sep, ".;:!?\n") || words::spacedDash(sep))
            return verb && words::in(kOpeners, w);
        if (hasAny(sep, ","))
            return false;
    }
    return false;
}

bool ClaimExtractor::coordinated(const Reading& r, const AlignedMention& p,
                                 const AlignedMention& q) const {
    // p before q, joined by commas, coordinators and articles ("A, B, and the C"), over
    // bracketed glosses ("anemia (Hb 7 g/dL) and microcytosis (MCV 72)") and over list items
    // nobody linked ("fever, sore throat, and lymphadenopathy").
    constexpr std::size_t kMaxGap = 14, kMaxUnlinked = 5;
    if (q.first < p.last || q.first - p.last > kMaxGap)
        return false;
    bool joined = false, commaAfterItem = false;
    int depth = 0;
    std::size_t unlinked = 0, modifiers = 0; // modifiers: unlinked words since the last joint
    bool article = false, conjoined = false, commaThe = false;
    for (std::size_t t = p.last; t <= q.first; ++t) {
        for (char ch : r.separator(t)) {
            if (ch == '(' || ch == '[')
                ++depth;
            else if ((ch == ')' || ch == ']') && depth > 0)
                --depth;
            else if (depth == 0 && std::string_view(";:{}\".!?").find(ch) != std::string_view::npos)
                return false;
            else if (depth == 0 && (ch == ',' || ch == '/')) {
                if (ch == ',' && closesOpeningClause(r, t))
                    return false;
                joined = true;
                commaAfterItem = commaAfterItem || unlinked > 0;
                modifiers = 0;
            }
        }
        if (t == q.first || depth > 0)
            continue;
        const std::string& w = r.tokens[t].norm;
        // "as" joins only in "as well as": "for DKA, as the acidosis will improve" opens a
        // clause.
        if (w == "as" && r.tokens[t + 1].norm != "well" && r.tokens[t - 1].norm != "well")
            return false;
        // "While the infections are consistent with X, the clumsiness is": a comma right
        // before "the" closes a clause; a list would join with "and" or "or".
        commaThe = commaThe || (w == "the" && hasAny(r.separator(t), ","));
        if (words::in(kCoordinators, w) || w == "the") {
            joined = joined || w == "and" || w == "or" || w == "nor" || w == "well";
            conjoined = conjoined || w == "and" || w == "or" || w == "nor";
            article = article || w == "a" || w == "an";
            modifiers = w == "the" ? modifiers : 0;
            continue;
        }
        // "used to treat A and protect the D": a verb before an article opens a predicate of
        // its own ("and lower extremity edema": a modifier).
        const PhraseWord* kind = lexicon_.phraseWord(w);
        const PhraseWord* next = lexicon_.phraseWord(r.tokens[t + 1].norm);
        // "a low hemoglobin level and hematocrit": a measure right after p is p's item.
        static constexpr std::array<std::string_view, 6> kMeasures = {
            "level", "levels", "value", "values", "count", "concentration"};
        if (t == p.last && words::in(kMeasures, w) && r.softJoin(t))
            continue;
        // "such as dopamine, and administering albumin": so does a verb in -ing right
        // before q ("and worsening dyspnea" is a modifier, no verb of the lexicon).
        if (words::in(kPhraseStops, w) || words::in(words::kRelativePronouns, w) ||
            words::in(kNonConcepts, w) ||
            (kind && *kind == PhraseWord::Verb && next && *next == PhraseWord::Determiner) ||
            (kind && *kind == PhraseWord::Verb && w.ends_with("ing") && t + 1 == q.first &&
             words::in(kCoordinators, r.tokens[t - 1].norm)) ||
            ++unlinked > kMaxUnlinked)
            return false;
        ++modifiers;
    }
    if (depth != 0)
        return false;
    // "In COPD, lung compliance is decreased": the comma closes a fronted prepositional
    // phrase, it joins no list (which would have its "and" or "or").
    std::size_t before = p.first;
    while (before > 0 && words::in(kDeterminers, r.tokens[before - 1].norm))
        --before;
    if (!conjoined && before > 0 &&
        words::in(words::kArgumentPrepositions, r.tokens[before - 1].norm) &&
        (before == 1 || hasAny(r.separator(before - 1), ".;:!?\n")))
        return false;
    // Unlinked words between the two make a list item of their own only between commas:
    // "A, B C, and D", not "A B and D" nor "A, and his D"; or they are q's modifiers, all
    // after the last joint ("A, decreased D", "A, bilateral lower D"); "A, a severe D" is an
    // apposition, not a list.
    constexpr std::size_t kMaxModifiers = 3;
    if ((article || commaThe) && !conjoined)
        return false; // "Pseudomonas aeruginosa, a gram-negative bacillus"
    return joined && (unlinked == 0 || (commaAfterItem && hasAny(r.separator(p.last), ",")) ||
                      (unlinked == modifiers && modifiers <= kMaxModifiers));
}

bool ClaimExtractor::bracketAround(const Reading& r, const Sentence& s, const CueHit& hit,
                                   std::size_t& open, std::size_t& close) {
    // The innermost bracket open at the cue: open is its first token (an item before it ends
    // there), close the first token after it (s.tb when it does not close).
    std::vector<std::size_t> opened;
    for (std::size_t t = s.ta + 1; t <= hit.start; ++t)
        for (char ch : r.separator(t)) {
            if (ch == '(' || ch == '[')
                opened.push_back(t);
            else if ((ch == ')' || ch == ']') && !opened.empty())
                opened.pop_back();
        }
    if (opened.empty())
        return false;
    open = opened.back();
    int depth = 1;
    for (close = hit.start + 1; close < s.tb && depth > 0; ++close)
        for (char ch : r.separator(close))
            depth += ch == '(' || ch == '[' ? 1 : ch == ')' || ch == ']' ? -1 : 0;
    if (depth > 0)
        close = s.tb;
    else
        --close;
    return true;
}

std::size_t ClaimExtractor::listedItem(const Reading& r, const Sentence& s,
                                       std::size_t from) const {
    // From the cue's end, a few words that name no concept of the KG (at most one noun
    // phrase: "a wide range of symptoms", "multiple organ systems"), then "including",
    // "such as", "especially" or "particularly" and the first listed concept.
    constexpr std::size_t kMaxClassTokens = 7;
    std::size_t phrases = 0;
    for (std::size_t t = from; t < s.tb && t - from <= kMaxClassTokens; ++t) {
        if (r.linked(t) || (t > from && hasAny(r.separator(t), ";:()[]{}\".!?")))
            return s.mentions.size();
        if (r.covered[t] >= 0 && (t == from || r.covered[t] != r.covered[t - 1]))
            ++phrases;
        const std::string& w = r.tokens[t].norm;
        std::size_t list = 0;
        if (w == "especially" || w == "particularly")
            list = t + 1;
        else if (const std::size_t marker = examplesMarker(r, s, t); marker != 0)
            list = t + marker;
        if (list == 0) {
            if (words::in(words::kRelativePronouns, w) || words::in(kClauseConjunctions, w))
                return s.mentions.size();
            continue;
        }
        if (phrases > 1 || t == from)
            return s.mentions.size();
        // "is a genetic risk factor for autoimmune thyroid disease, including": the class
        // is a relational noun, the list its object's members, no members of the class.
        if (isaCueEndingAt(s, from))
            for (const CueHit& h : s.hits)
                if (h.start > from && h.start < t)
                    return s.mentions.size();
        while (list < s.tb && words::in(kDeterminers, r.tokens[list].norm))
            ++list;
        // "including paraneoplastic syndromes", "such as acute pancreatitis": modifiers no
        // phrase holds (a one-word adjective names nothing by itself) belong to the item.
        constexpr std::size_t kMaxModifiers = 2;
        for (std::size_t m = 0; m < kMaxModifiers && list + 1 < s.tb && modifierOnly(r, list); ++m)
            ++list;
        for (std::size_t k = 0; k < s.mentions.size(); ++k)
            if (r.aligned[s.mentions[k]].first == list)
                return k;
        return s.mentions.size();
    }
    return s.mentions.size();
}

bool ClaimExtractor::modifierOnly(const Reading& r, std::size_t t) const {
    const std::string& w = r.tokens[t].norm;
    return !r.linked(t) && r.covered[t] < 0 && t + 1 < r.tokens.size() && r.softJoin(t + 1) &&
           lexicon_.phraseWord(w) == nullptr && !w.ends_with("ing") &&
           !words::in(kPhraseStops, w) && !words::in(kNonConcepts, w);
}

bool ClaimExtractor::isaCueEndingAt(const Sentence& s, std::size_t end) const {
    for (const CueHit& h : s.hits)
        if (h.start + h.len == end && lexicon_.relationCues()[h.cue].relation == "is_a")
            return true;
    return false;
}

void ClaimExtractor::examplesOfSymptoms(const Reading& r, Sentence& s) const {
    // At "including" or "such as": back over a few words with no punctuation but the comma
    // right before the list word, to "of" after a symptom noun.
    constexpr std::size_t kMaxObject = 6;
    if (presentsWithCue_ == kNoCue)
        return;
    for (std::size_t i = s.ta + 2; i < s.tb; ++i) {
        if (examplesMarker(r, s, i) == 0)
            continue;
        std::size_t of = i - 1;
        for (; of > s.ta && i - of <= kMaxObject; --of) {
            if (of + 1 < i && hasAny(r.separator(of + 1), ";:()[]{}\".!?,"))
                break;
            if (r.tokens[of].norm == "of")
                break;
        }
        if (of <= s.ta || of + 1 >= i || r.tokens[of].norm != "of" ||
            !words::in(kSymptomNouns, r.tokens[of - 1].norm) || r.linked(of - 1))
            continue;
        // "symptoms of viral infections such as herpes simplex virus": examples of a plural
        // class right before the list word are of that class, not of the symptoms.
        if (const std::string& before = r.tokens[i - 1].norm;
            before.ends_with('s') &&
            (inList(kClassHeads, before) || inList(kQualifiedClassHeads, before)))
            continue;
        syntheticHit(s, i, presentsWithCue_).examples = true;
    }
}

void ClaimExtractor::examplesOfRelationalNoun(const Reading& r, Sentence& s) const {
    constexpr std::size_t kMaxObject = 6;
    for (std::size_t i = s.ta + 2; i < s.tb; ++i) {
        if (examplesMarker(r, s, i) == 0)
            continue;
        // The cue ending in "of" / "for" shortly before, only its object between ("causes
        // of chest pain and shortness of breath, such as").
        CueHit* noun = nullptr;
        for (CueHit& h : s.hits) {
            const RelationCue& c = lexicon_.relationCues()[h.cue];
            const std::size_t end = h.start + h.len;
            // A plural relational noun: examples of "a cause of postpartum infections,
            // including endometritis" are infections, and "suggestive of" is no noun.
            if (end >= i || i - end > kMaxObject || c.relation == "is_a" ||
                !(c.tokens.back() == "of" || c.tokens.back() == "for") || c.tokens.size() < 2 ||
                !words::in(kRelationalPlurals, c.tokens.end()[-2]))
                continue;
            // The object a plain list: no preposition outside a linked concept ("long-term
            // use of antipsychotic medications, such as" gives examples of medications).
            bool plain = true;
            for (std::size_t t = end; t < i && plain; ++t)
                plain = (t == end || r.softJoin(t)) &&
                        (r.linked(t) || !words::in(kItemPrepositions, r.tokens[t].norm));
            if (plain && hasAny(r.separator(i), ","))
                noun = &h;
        }
        if (noun == nullptr)
            continue;
        const RelationCue& c = lexicon_.relationCues()[noun->cue];
        const auto& turned = c.direction == CueDirection::Forward ? reverseCue_ : forwardCue_;
        const auto it = turned.find(c.relation);
        if (it == turned.end())
            continue;
        // The examples are the noun's missing argument: no coverage gap for it.
        noun->used = true;
        syntheticHit(s, i, it->second).examples = true;
    }
}

bool ClaimExtractor::membersListedAt(const Reading& r, const Sentence& s, std::size_t t,
                                     std::string_view cue) const {
    if (cue == "like")
        return examplesMarker(r, s, t) != 0;
    if (cue == "including")
        return classBeforeExamples(r, s, t);
    if (cue == "specifically")
        return specificMember(r, s, t);
    return true;
}

bool ClaimExtractor::classBeforeExamples(const Reading& r, const Sentence& s, std::size_t t) const {
    // A plural class head right before the comma: a kind by itself ("antibiotics,
    // including"), or a disease class with a modifier that is no vague word ("various
    // autoimmune diseases"; not "medical conditions", "infections, including those").
    if (t < s.ta + 3 || !hasAny(r.separator(t), ",") || !r.softJoin(t - 1))
        return false;
    const std::string& head = r.tokens[t - 1].norm;
    const std::string& modifier = r.tokens[t - 2].norm;
    // Back over the class's modifiers: not "respiratory and gastrointestinal pathogens" (the
    // examples may be of either), nor "the secretion of various hormones" (no class end).
    constexpr std::size_t kMaxModifiers = 4;
    for (std::size_t u = t - 2; u > s.ta && t - 2 - u < kMaxModifiers; --u) {
        const std::string& w = r.tokens[u].norm;
        if (w == "and" || w == "or" || w == "of")
            return false;
        if (words::in(kDeterminers, w) || hasAny(r.separator(u), ",;:()[]"))
            break;
    }
    if (inList(kClassHeads, head))
        return true;
    if (!inList(kDiseaseClassPlurals, head) || lexicon_.phraseWord(modifier) != nullptr ||
        words::in(kPhraseStops, modifier) || words::in(kDeterminers, modifier) ||
        modifier == "medical")
        return false;
    // Not "dog bite infections, including anaerobic bacteria": organisms are no infections.
    for (std::size_t u = t + 1; u < s.tb && u <= t + 3; ++u)
        if (inList(kClassHeads, r.tokens[u].norm))
            return false;
    return true;
}

bool ClaimExtractor::specificMember(const Reading& r, const Sentence& s, std::size_t t) const {
    // After a comma, before the member's name: not "specifically in the liver",
    // "specifically his high LDL".
    if (t <= s.ta || t + 1 >= s.tb || !hasAny(r.separator(t), ",") ||
        words::in(words::kArgumentPrepositions, r.tokens[t + 1].norm) ||
        words::in(kPossessives, r.tokens[t + 1].norm) ||
        words::in(kPhraseStops, r.tokens[t + 1].norm))
        return false;
    // The class: a KG disease, symptom or drug class, or a clinical class the KG lacks
    // ("an inflammatory condition", "a tick-borne illness", "intrapartum antibiotics").
    const std::string& head = r.tokens[t - 1].norm;
    const std::string_view kind = kindAtToken(r, t - 1);
    // "pituitary adenoma, specifically a prolactinoma": the KG may know the class only as a
    // side effect.
    const bool clinicalKind = kind == "Disease" || kind == "Symptom" ||
                              kind == "Pharmacologic Class" || kind == "Side Effect";
    static constexpr std::array<std::string_view, 7> kOtherClinicalClasses = {
        "conditions", "issues", "issue", "medications", "drugs", "therapies", "bacillus"};
    if (r.covered[t - 1] >= 0 ? !clinicalKind
                              : !(inList(kClassHeads, head) || inList(kDiseaseClassPlurals, head) ||
                                  inList(kOtherClinicalClasses, head) || inList(kClassNouns, head)))
        return false;
    // The member: no organ, cell or process ("the pituitary gland", "a thyroid gland").
    std::size_t u = t + 1;
    while (u < s.tb && u < t + 4 && r.covered[u] < 0 && r.softJoin(u))
        ++u;
    const std::string_view member = u < s.tb ? kindAtToken(r, u) : std::string_view();
    return member.empty() || member == "Disease" || member == "Symptom" || member == "Compound" ||
           member == "Pharmacologic Class" || member == "Side Effect";
}

std::size_t ClaimExtractor::examplesMarker(const Reading& r, const Sentence& s, std::size_t t) {
    // "including", "such as", and "like" after a noun: "infections like Streptococcus
    // pneumoniae", "a calcium channel blocker like nifedipine"; not a verb's "like" ("seems
    // like", "would like"), "-like" ("malaria-like"), nor "like X, Y" opening a sentence.
    const std::string& w = r.tokens[t].norm;
    if (w == "including")
        return 1;
    if (w == "such" && t + 1 < s.tb && r.tokens[t + 1].norm == "as")
        return 2;
    if (w != "like" || t <= s.ta || t + 1 >= s.tb || !r.softJoin(t) || hasAny(r.separator(t), "-"))
        return 0;
    const std::string& before = r.tokens[t - 1].norm;
    return words::in(kLikeVerbs, before) || words::in(kPhraseStops, before) ||
                   words::in(kDeterminers, before) || words::adverb(before)
               ? 0
               : 1;
}

ClaimExtractor::CueHit& ClaimExtractor::syntheticHit(Sentence& s, std::size_t at, std::size_t cue) {
    auto hit =
        std::find_if(s.hits.begin(), s.hits.end(), [at](const CueHit& h) { return h.start == at; });
    if (hit == s.hits.end()) {
        CueHit h;
        h.start = at;
        h.len = 1;
        hit = s.hits.insert(std::find_if(s.hits.begin(), s.hits.end(),
                                         [at](const CueHit& x) { return x.start > at; }),
                            h);
    }
    hit->cue = cue;
    return *hit;
}

void ClaimExtractor::listHeads(const Reading& r, const Sentence& s, const CueHit& hit,
                               const std::vector<std::size_t>& prevRight,
                               std::vector<std::size_t>& left, ClaimPattern& pattern) const {
    // "causes of fever and cough, such as pneumonia": the examples relate to every object of
    // the relational noun.
    if (hit.examples && !prevRight.empty() && !left.empty() &&
        (left.back() == prevRight.back() ||
         coordinated(r, r.aligned[prevRight.back()], r.aligned[left.front()]))) {
        auto objects = prevRight;
        for (std::size_t m : left)
            if (std::find(objects.begin(), objects.end(), m) == objects.end())
                objects.push_back(m);
        left = std::move(objects);
        pattern = ClaimPattern::SuchAs;
    }
    // "presents with A, B, and C, which suggests D": the findings listed before the relative
    // clause support D together, not C alone. The list is the previous cue's object, so the
    // preposition before it is the cue's, not one whose object a relative clause passes
    // over (clauseAntecedent).
    // The last finding's own place goes with it ("and persistent pain in the lower limbs,
    // which are symptoms of").
    if (!prevRight.empty() && left.size() == 1 && left.back() == prevRight.back() &&
        listAntecedent(r, itemEnd(r, s, r.aligned[left.back()]), hit)) {
        left = prevRight;
        pattern = ClaimPattern::RelativeClause;
    } else if (clauseAntecedent(r, s, left, hit)) {
        left.clear();
    }
}

bool ClaimExtractor::listAntecedent(const Reading& r, std::size_t after, const CueHit& hit) const {
    // ", which suggests", ", which is consistent with", ", which could indicate", ", which
    // are all signs of", ", all of which are consistent with": a comma, the relative pronoun
    // (after "all of", "both of"), auxiliaries; an evidential,
    // indicates or presents_with cue (the findings together point to one diagnosis).
    // A causal cue too when its verb agrees with a list or says nothing of number ("foot
    // ulcers and infections, which can lead to amputations"); not "which leads to", said of
    // the last item or of the clause.
    const RelationCue& cue = lexicon_.relationCues()[hit.cue];
    const std::string& relation = cue.relation;
    const bool causal = relation == "causes" && cue.direction == CueDirection::Forward &&
                        !cue.tokens.front().ends_with("s");
    if (!(relation == "evidential" || relation == "indicates" || relation == "presents_with" ||
          causal) ||
        after >= hit.start || !hasAny(r.separator(after), ","))
        return false;
    // ", all of which are consistent with", ", both of which suggest".
    std::size_t pronoun = after;
    const std::string& first = r.tokens[after].norm;
    if ((first == "all" || first == "both" || first == "each") && after + 2 < hit.start &&
        r.tokens[after + 1].norm == "of" && r.tokens[after + 2].norm == "which")
        pronoun = after + 2;
    if (!(r.tokens[pronoun].norm == "which" || r.tokens[pronoun].norm == "that"))
        return false;
    for (std::size_t t = pronoun + 1; t < hit.start; ++t)
        if (!words::in(kRelativeAuxiliaries, r.tokens[t].norm) || !r.softJoin(t) ||
            (causal &&
             (r.tokens[t].norm == "is" || r.tokens[t].norm == "has" || r.tokens[t].norm == "was")))
            return false;
    return r.softJoin(hit.start);
}

bool ClaimExtractor::contrasted(const Reading& r, const AlignedMention& p,
                                const AlignedMention& q) {
    // "associated with A, not B", "due to A and not B", "A but not the B", "indicative of A,
    // rather than B": a comma or a conjunction, "not" (or "rather than"), then articles only.
    // Not "A, not typical of B": q is "not"'s object.
    std::size_t t = p.last; // ends at the denying word ("not", or "than" of "rather than")
    if (t + 1 < q.first && r.tokens[t].norm == "rather" && r.tokens[t + 1].norm == "than" &&
        r.softJoin(t + 1)) {
        ++t;
    } else {
        if (t < q.first && (r.tokens[t].norm == "and" || r.tokens[t].norm == "but"))
            ++t;
        else if (!hasAny(r.separator(t), ","))
            return false;
        if (t >= q.first || r.tokens[t].norm != "not" || !r.softJoin(t + 1))
            return false;
    }
    // "presents with A, but not typically with B", "seen in A, not in B": an adverb and
    // the cue's preposition again; not "to" ("used to induce labor, not to stop it").
    static constexpr std::array<std::string_view, 5> kRepeated = {"with", "in", "of", "for", "by"};
    ++t;
    if (t + 1 < q.first && words::adverb(r.tokens[t].norm) && r.softJoin(t + 1))
        ++t;
    if (t < q.first && words::in(kRepeated, r.tokens[t].norm))
        ++t;
    for (; t < q.first; ++t)
        if (!words::in(kDeterminers, r.tokens[t].norm))
            return false;
    return true;
}

void ClaimExtractor::narrowToBracket(const Reading& r, const Sentence& s, const CueHit& hit,
                                     std::vector<std::size_t>& left,
                                     std::vector<std::size_t>& right, ClaimPattern& pattern) {
    std::size_t open = 0, close = 0;
    if (!bracketAround(r, s, hit, open, close))
        return;
    const bool inside = std::any_of(left.begin(), left.end(),
                                    [&](std::size_t m) { return r.aligned[m].first >= open; });
    std::erase_if(left, [&](std::size_t m) {
        return inside ? r.aligned[m].first < open : r.aligned[m].last != open;
    });
    std::erase_if(right, [&](std::size_t m) { return r.aligned[m].last > close; });
    if (pattern == ClaimPattern::Coordination && left.size() <= 1 && right.size() <= 1)
        pattern = ClaimPattern::Direct;
}

bool ClaimExtractor::absorbMentions(const Reading& r, Sentence& s, std::size_t first,
                                    std::size_t last) {
    // "deficiency of iron": the linked mentions inside the phrase leave the sentence's
    // mentions; one that reaches out of it keeps the phrase out instead.
    for (std::size_t m : s.mentions)
        if (r.aligned[m].first < last && r.aligned[m].last > first &&
            (r.aligned[m].first < first || r.aligned[m].last > last))
            return false;
    std::erase_if(s.mentions, [&](std::size_t m) {
        return r.aligned[m].first >= first && r.aligned[m].last <= last;
    });
    return true;
}

void ClaimExtractor::claimsOfExamples(std::string_view text, std::vector<Claim>& claims,
                                      std::size_t first) const {
    // An example's claim is (X, is_a, Y) from a reverse is-a cue ("Y such as X", "Y like
    // X"); a claim of the class has Y's span as one end ("the first-line medications for
    // ADHD are stimulants such as X" as its subject). Not another class claim ("X is a Y
    // such as Z" says nothing of X and Z).
    const auto examplesCue = [&](const Claim& c) {
        return c.relation == "is_a" &&
               std::find(examplesCues_.begin(), examplesCues_.end(), c.cue) != examplesCues_.end();
    };
    const auto sameEnd = [](const Claim& a, const Claim& b, bool head) {
        const NodeId na = head ? a.head : a.tail, nb = head ? b.head : b.tail;
        return na == nb &&
               (na != kNoNode || (head ? a.headBegin == b.headBegin : a.tailBegin == b.tailBegin));
    };
    const std::size_t end = claims.size();
    // "(A, B, C) are associated with diseases such as X, Y and Z, respectively" pairs them.
    if (end > first && text.substr(claims[first].begin, claims[first].end - claims[first].begin)
                               .find("respectively") != std::string_view::npos)
        return;
    for (std::size_t i = first; i < end; ++i) {
        if (claims[i].relation == "is_a")
            continue;
        for (std::size_t j = first; j < end; ++j) {
            const Claim& example = claims[j];
            if (!examplesCue(example))
                continue;
            const bool ofTail =
                example.tailBegin == claims[i].tailBegin && example.tailEnd == claims[i].tailEnd;
            const bool ofHead =
                example.tailBegin == claims[i].headBegin && example.tailEnd == claims[i].headEnd;
            if (!(ofTail || ofHead) || example.headBegin < example.tailEnd)
                continue;
            Claim c = claims[i];
            if (ofTail) {
                c.tail = example.head;
                c.tailText = example.headText;
                c.tailBegin = example.headBegin;
                c.tailEnd = example.headEnd;
            } else {
                c.head = example.head;
                c.headText = example.headText;
                c.headBegin = example.headBegin;
                c.headEnd = example.headEnd;
            }
            c.phraseBegin = std::min({c.phraseBegin, c.headBegin, c.tailBegin});
            c.phraseEnd = std::max({c.phraseEnd, c.headEnd, c.tailEnd});
            c.pattern = ClaimPattern::SuchAs;
            // "related to autoimmune diseases like X, not Y": Y is the contrast, denied.
            if (example.polarity == Polarity::Negated)
                c.polarity = Polarity::Negated;
            const bool known = std::any_of(
                claims.begin() + std::ptrdiff_t(first), claims.end(), [&](const Claim& o) {
                    return o.relation == c.relation && sameEnd(o, c, true) && sameEnd(o, c, false);
                });
            if (!known)
                claims.push_back(std::move(c));
        }
    }
}

std::size_t ClaimExtractor::itemStart(const Reading& r, const Sentence& s,
                                      const AlignedMention& m) const {
    constexpr std::size_t kMaxItemTokens = 7;
    std::size_t t = m.first, preps = 0;
    for (; t > s.ta && m.first - t < kMaxItemTokens; --t) {
        const std::string_view sep = r.separator(t);
        if (hasAny(sep, ",(["))
            break;
        if (hasAny(sep, ";:.!?)]{}\""))
            return m.first;
        const std::string& w = r.tokens[t - 1].norm;
        if (words::in(kItemPrepositions, w)) {
            ++preps;
            continue;
        }
        if (words::in(kDeterminers, w))
            continue;
        // "positive urine toxicology for cocaine and opiates": a coordinator after the
        // preposition joins its objects; before it, it ends the item.
        if (w == "and" || w == "or") {
            if (preps == 0)
                continue;
            break;
        }
        if (words::in(kPhraseStops, w) || words::in(kNonConcepts, w) ||
            words::in(kCoordinators, w) || lexicon_.relationCuesStartingWith(w))
            return m.first;
    }
    const bool opened = t > s.ta && (hasAny(r.separator(t), ",([") ||
                                     r.tokens[t - 1].norm == "and" || r.tokens[t - 1].norm == "or");
    return preps == 1 && t < m.first && opened ? t : m.first;
}

std::size_t ClaimExtractor::itemEnd(const Reading& r, const Sentence& s,
                                    const AlignedMention& m) const {
    constexpr std::size_t kMaxItemTokens = 7;
    if (m.last >= s.tb || !words::in(kItemPrepositions, r.tokens[m.last].norm) ||
        !r.softJoin(m.last))
        return m.last;
    std::size_t t = m.last, preps = 0;
    bool ofAfterFirst = false; // "a disregard for the rights of others, deceitfulness"
    for (; t < s.tb && t - m.last < kMaxItemTokens; ++t) {
        const std::string_view sep = r.separator(t);
        if (t > m.last && hasAny(sep, ","))
            break;
        if (hasAny(sep, ";:.!?()[]{}\""))
            return m.last;
        // "difficulty with sucking and swallowing": without a comma, a coordinator joins
        // the preposition's objects, not a next item.
        const std::string& w = r.tokens[t].norm;
        if (w == "and" || w == "or")
            continue;
        if (words::in(kItemPrepositions, w)) {
            ++preps;
            ofAfterFirst = ofAfterFirst || (preps > 1 && w == "of");
            continue;
        }
        if (words::in(kDeterminers, w))
            continue;
        // A cue ends it, not a word a cue starts with ("the lower limbs", not "lower the
        // risk of").
        if (words::in(kPhraseStops, w) || words::in(kNonConcepts, w) ||
            std::any_of(s.hits.begin(), s.hits.end(),
                        [t](const CueHit& h) { return h.start == t; }))
            return m.last;
    }
    return (preps == 1 || (preps == 2 && ofAfterFirst)) && t > m.last + 1 ? t : m.last;
}

} // namespace rs
