// From a cue's heads and tails to claims: the claims of one cue (a copular complement or
// the checked pairs), whether the words around the cue let the two be its arguments, which
// pairs make a claim (the settings for ends the KG does not know, heads stated absent, a
// place a clause ends on), with their polarity, spans and pattern; and where a cue opens a
// second predicate of its clause's subject (ClaimExtractor.h).
#include "ClaimReading.h"

#include <algorithm>

namespace rs {

using namespace claimwords;

std::size_t ClaimExtractor::secondPredicateAt(const Reading& r, const CueHit& hit,
                                              std::size_t after) const {
    // "X crosses the placenta and can cause Y": the concept before a conjunction that
    // opens a second predicate is not its subject.
    // The caller takes the subject of the first predicate when only auxiliaries, adverbs
    // and a negation stand between the conjunction and the cue ("and can cause", "and is
    // commonly heard in", "and not consistent with").
    constexpr std::size_t kMaxVerbal = 5;
    // "X can cause a metabolic acidosis by inhibiting HCO3- reabsorption": "by" and a
    // gerund cue say how the subject does it, as a second predicate of it.
    const auto& cueWords = lexicon_.relationCues()[hit.cue].tokens;
    // "X is used as a mood stabilizer for A, not as a first-line treatment for B": a
    // contrast after a comma is a second predicate of X too.
    const auto opens = [&](std::size_t t) {
        return words::in(kClauseConjunctions, r.tokens[t].norm) ||
               (r.tokens[t].norm == "not" && r.separator(t) == ", ") ||
               (r.tokens[t].norm == "by" && t + 1 == hit.start &&
                cueWords.front().ends_with("ing"));
    };
    std::size_t conjunction = hit.start;
    while (conjunction > after && hit.start - conjunction <= kMaxVerbal) {
        const std::string& w = r.tokens[conjunction - 1].norm;
        // "and WAS is associated with": a capitalised gene symbol is no auxiliary.
        const Token& tok = r.tokens[conjunction - 1];
        if (r.covered[conjunction - 1] >= 0 || !r.softJoin(conjunction) ||
            (tok.allUpper && tok.norm.size() > 1))
            break;
        if (opens(conjunction - 1)) {
            --conjunction;
            break;
        }
        // "but may not be the best choice for".
        if (!(words::in(kFillers, w) || words::in(kRelativeAuxiliaries, w) || w == "not" ||
              w == "best" || w == "as" || words::in(words::kQualifiers, w) || words::adverb(w)))
            break;
        --conjunction;
    }
    // "a sign and symptom of": a relational noun right after the conjunction is coordinated
    // with the noun before it; a predicate needs a verb.
    const std::string& head = cueWords.front();
    const bool nounCue = conjunction + 1 == hit.start &&
                         words::in(words::kArgumentPrepositions, cueWords.back()) &&
                         !(head.ends_with("s") || head.ends_with("ed") || head.ends_with("ing") ||
                           words::in(kFillers, head));
    return conjunction < hit.start && opens(conjunction) && !nounCue ? conjunction : 0;
}

void ClaimExtractor::claimsOfPairs(const Reading& r, const Sentence& s, CueHit& hit,
                                   const std::vector<std::size_t>& left,
                                   const std::vector<std::size_t>& right, ClaimPattern pattern,
                                   std::vector<Claim>& claims) const {
    const RelationCue& cue = lexicon_.relationCues()[hit.cue];
    const bool forward = cue.direction == CueDirection::Forward;
    // "X is associated with Y": a cue explicit enough for one end the KG does not know.
    const bool explicitAssociation = explicitCue(cue);
    const std::size_t firstOfCue = claims.size();
    for (std::size_t li : left) {
        const AlignedMention& a = r.aligned[li];
        // A cue with linked concepts on both sides reports no coverage gap, whether or
        // not it makes a claim (gapsOfUnusedCues).
        for (std::size_t ri : right)
            hit.used = hit.used || (li < r.linkedCount && ri < r.linkedCount);
        // "No cough suggests pneumonia": the head is a finding stated absent, and the
        // sentence says what its absence points to, not that cough does not point there.
        // "is a direct treatment for": a phrase between an article and the cue is the
        // cue noun's modifier, not its head.
        // Not before "such as": "an over-the-counter medication such as X" is X's class; nor
        // before a verb ("A positive Tzanck smear suggests herpes").
        const bool examplesCue = cue.relation == "is_a" && !forward;
        const PhraseWord* first = lexicon_.phraseWord(cue.tokens.front());
        // "An HPV infection can cause": a modal opens a verb cue too.
        const bool verbCue =
            cue.tokens.size() == 1 || words::in(words::kAuxiliaries, cue.tokens.front()) ||
            (first && *first == PhraseWord::Verb && cue.tokens.front().ends_with('s'));
        // "the acute management of", "immediate management for": one word the KG does not
        // know right before the cue's noun is that noun's modifier too.
        const bool cueNoun =
            first && (*first == PhraseWord::Generic || *first == PhraseWord::Relational);
        // "no history of X, making Y less likely": the absence is the evidence.
        if ((negatesMention(r, s, a) && !hit.likelihood) ||
            (li >= r.linkedCount && a.last == hit.start && a.first > s.ta && !examplesCue &&
             !verbCue &&
             (r.tokens[a.first - 1].norm == "a" || r.tokens[a.first - 1].norm == "an" ||
              (cueNoun && a.last - a.first == 1 && r.separator(a.last) == " "))))
            continue;
        for (std::size_t ri : right) {
            const AlignedMention& b = r.aligned[ri];
            if (sameConcept(r, a, b) ||
                (li >= r.linkedCount && ri >= r.linkedCount &&
                 !phrasePairAllowed(
                     hit, {a.last - a.first, a.holdsLinked}, {b.last - b.first, b.holdsLinked},
                     (examplesCue && namesClinicalClass(r, a)) ||
                         (cue.relation == "is_a" && forward && namesClinicalClass(r, b)))) ||
                ((li >= r.linkedCount || ri >= r.linkedCount) &&
                 !(hit.labelled && settings_.unlinkedItemLabels && ri < r.linkedCount) &&
                 !(explicitAssociation && (li < r.linkedCount || ri < r.linkedCount ||
                                           (a.last - a.first > 1 && b.last - b.first > 1))) &&
                 std::find(settings_.linkedOnlyRelations.begin(),
                           settings_.linkedOnlyRelations.end(),
                           cue.relation) != settings_.linkedOnlyRelations.end()))
                continue;
            if (ri >= r.linkedCount &&
                std::find(settings_.linkedObjectCueWords.begin(),
                          settings_.linkedObjectCueWords.end(),
                          cue.tokens.front()) != settings_.linkedObjectCueWords.end())
                continue; // "can occur in newborns"
            Claim c;
            c.step = s.step;
            // "non-pitting edema in the lower extremities", "nodules on the DIP joints": an
            // organ that ends a finding's item stands for the finding before it.
            const bool placed = cue.relation == "localizes_to" || cue.relation == "is_a";
            const AlignedMention& h = placed ? (forward ? a : b) : findingAt(r, s, forward ? a : b);
            const AlignedMention& tl =
                placed ? (forward ? b : a) : findingAt(r, s, forward ? b : a);
            if (&h == &tl || sameConcept(r, h, tl) || testedOrgan(r, h) || testedOrgan(r, tl))
                continue; // "increased norepinephrine at the SA node would be seen in ..."
            c.head = h.mention->node;
            c.tail = tl.mention->node;
            c.headBegin = h.mention->begin;
            c.headEnd = h.mention->end;
            c.tailBegin = tl.mention->begin;
            c.tailEnd = tl.mention->end;
            if (c.head == kNoNode)
                c.headText = std::string(r.text.substr(c.headBegin, c.headEnd - c.headBegin));
            if (c.tail == kNoNode)
                c.tailText = std::string(r.text.substr(c.tailBegin, c.tailEnd - c.tailBegin));
            c.relation = cue.relation;
            // "immunocompromised individuals, such as those with HIV/AIDS": people are no
            // class of a disease.
            if (c.relation == "is_a" && c.tail == kNoNode &&
                (words::in(kPersonNouns, r.tokens[tl.last - 1].norm) ||
                 words::in(kRiskGroups, r.tokens[tl.last - 1].norm)))
                continue;
            // "avoid contact sports and heavy lifting to prevent splenic rupture": what is
            // avoided to prevent Z is a risk factor for Z, not its prevention.
            if (c.relation == "prevents" && avoidedObject(r, s, r.aligned[left.front()]))
                c.relation = "risk_factor_for";
            // "more common in smokers", "seen in women": a risk group, not a disease. "seen
            // in infants with DiGeorge syndrome": the group's condition is the head, not read.
            if (c.relation == "presents_with" && c.head == kNoNode &&
                words::in(kRiskGroups, r.tokens[h.last - 1].norm)) {
                if (h.last < r.tokens.size() &&
                    (r.tokens[h.last].norm == "with" || r.tokens[h.last].norm == "of"))
                    continue;
                c.relation = "risk_factor_for";
            }
            // "more common in people with weakened immune systems": an organ with the words
            // that make it a finding, after "with", is a condition of the group, a risk.
            if (c.relation == "presents_with" && organ(c.head) && afterWith(r, s, h)) {
                findingWithModifiers(r, s, h, c.head, c.headBegin, c.headText);
                if (c.head == kNoNode)
                    c.relation = "risk_factor_for";
            }
            // "fluid accumulates in the pericardial sac", "is found in the kidneys": a
            // presents-with cue before an organ places the finding there.
            if (c.relation == "presents_with" && organ(c.head)) {
                std::swap(c.head, c.tail);
                std::swap(c.headBegin, c.tailBegin);
                std::swap(c.headEnd, c.tailEnd);
                std::swap(c.headText, c.tailText);
                c.relation = "localizes_to";
            }
            absentFinding(r, h, c.head, c.headBegin, c.headText);
            absentFinding(r, tl, c.tail, c.tailBegin, c.tailText);
            if (!readOrganEnds(r, s, hit, li < r.linkedCount || ri < r.linkedCount, h, tl, c))
                continue;
            c.polarity = hit.likelihood                  ? *hit.likelihood
                         : examplesCue || hit.appositive ? classPolarity(r, b, hit)
                                                         : polarityOf(r, s, a, b, hit);
            c.deniesNorm = c.polarity == Polarity::Negated && normDenied(r, s, hit);
            c.begin = s.span.begin;
            c.end = s.span.end;
            c.cue = cue.cue;
            c.phraseBegin = a.mention->begin;
            c.phraseEnd = b.mention->end;
            c.pattern = pattern;
            // "contusions on his forehead, legs, and back": the regions of one item give one
            // end, the item's concept if the KG has it, else the longest.
            const auto same =
                std::find_if(claims.begin() + std::ptrdiff_t(firstOfCue), claims.end(),
                             [&](const Claim& prior) { return sameEndsWidened(r, prior, c); });
            if (same != claims.end()) {
                if (same->head == c.head && same->tail == c.tail)
                    *same = std::move(c);
                continue;
            }
            claims.push_back(std::move(c));
        }
    }
}

bool ClaimExtractor::readOrganEnds(const Reading& r, const Sentence& s, const CueHit& hit,
                                   bool anyLinked, const AlignedMention& h,
                                   const AlignedMention& tl, Claim& c) const {
    // "falls or trauma" do not cause "legs": a bare region of the body is only a place: the
    // place of a relational noun ("damage to the stomach"), of the list item it ends
    // ("forearms angled away from the body, ..."), or of nothing.
    if (c.relation != "localizes_to" && c.relation != "is_a" && c.relation != "associated_with") {
        const bool evidence = c.relation == "evidential" || c.relation == "indicates";
        if (!endOfRegion(r, s, h, c.head, evidence, c.headBegin, c.headText) ||
            !endOfRegion(r, s, tl, c.tail, evidence, c.tailBegin, c.tailText))
            return false;
    }
    // "tea-colored urine", "enlarged cheeks": an organ with the words that make it
    // a finding is that finding, which the KG does not know.
    if (c.relation != "localizes_to" && c.relation != "is_a") {
        findingWithModifiers(r, s, h, c.head, c.headBegin, c.headText);
        findingWithModifiers(r, s, tl, c.tail, c.tailBegin, c.tailText);
        // "the gluteus minimus muscles, which are responsible for stabilizing": a
        // finding so read is a phrase the KG does not know, and two such ends need
        // the cue that two phrases need.
        if (c.head == kNoNode && c.tail == kNoNode && anyLinked &&
            !phrasePairAllowed(hit, {wordsOf(r, c.headBegin, c.headEnd), false},
                               {wordsOf(r, c.tailBegin, c.tailEnd), false}, false))
            return false;
    } else if (c.relation == "is_a") {
        // "Macroorchidism: This is an enlarged testicle": the class is the finding,
        // where a class the KG does not know may stand.
        Claim finding = c;
        findingWithModifiers(r, s, tl, finding.tail, finding.tailBegin, finding.tailText);
        if (finding.head != kNoNode ||
            phrasePairAllowed(hit, {wordsOf(r, finding.headBegin, finding.headEnd), false},
                              {wordsOf(r, finding.tailBegin, finding.tailEnd), false}, false))
            c = std::move(finding);
    }
    if (organOutOfPlace(c, lexicon_.relationCues()[hit.cue].cue)) {
        // "damage to the bladder or kidneys, leading to bleeding": the relational
        // noun's phrase is the end; an organ alone is none.
        if (organ(c.head))
            placeOfRelationalNoun(r, s, h, c.head, c.headBegin, c.headText);
        if (organ(c.tail))
            placeOfRelationalNoun(r, s, tl, c.tail, c.tailBegin, c.tailText);
        if (organ(c.head) || organ(c.tail))
            return false;
    }
    return true;
}

bool ClaimExtractor::endOfRegion(const Reading& r, const Sentence& s, const AlignedMention& m,
                                 NodeId node, bool evidence, std::size_t& begin,
                                 std::string& text) const {
    if (node != kNoNode || !bareRegion(r, m))
        return true;
    const std::size_t before = begin;
    placeOfRelationalNoun(r, s, m, node, begin, text); // "damage to the stomach"
    if (begin != before)
        return true;
    // "jerky movements of her arms and legs": back over regions, side words, possessives
    // and "and"/"or" to a preposition right after a phrase, which is the end.
    constexpr std::size_t kMaxBack = 8;
    std::size_t t = m.first;
    while (t > s.ta + 1 && m.first - t < kMaxBack &&
           (words::in(kBodyRegions, r.tokens[t - 1].norm) ||
            words::in(kSideWords, r.tokens[t - 1].norm) ||
            words::in(kDeterminers, r.tokens[t - 1].norm) ||
            words::in(kPossessives, r.tokens[t - 1].norm) || r.tokens[t - 1].norm == "and" ||
            r.tokens[t - 1].norm == "or"))
        --t;
    std::size_t first = m.first;
    if (t > s.ta + 1 && words::in(kItemPrepositions, r.tokens[t - 1].norm) && r.covered[t - 2] >= 0)
        first = r.aligned[std::size_t(r.covered[t - 2])].first;
    // "forearms angled away from the body, ...": the list item it ends.
    else if (const std::size_t item = itemStart(r, s, m);
             item < m.first && !words::in(kItemPrepositions, r.tokens[item].norm))
        first = item; // not ", on the other hand,"
    if (first == m.first)
        return evidence; // "jerky movements of his limbs and trunk suggest": the evidence is there
    begin = r.tokens[first].begin;
    text = std::string(r.text.substr(begin, m.mention->end - begin));
    return true;
}

bool ClaimExtractor::sameEndsWidened(const Reading& r, const Claim& a, const Claim& b) {
    // b is a or a widened to a region of the body: both ends start where a's do and end no
    // earlier, an end b names by a KG concept a names by the same, and a longer end of b
    // ends at a region ("tumors of the parathyroid, pituitary" is a list the labels split).
    const auto same = [&](NodeId na, NodeId nb, std::size_t ba, std::size_t bb, std::size_t ea,
                          std::size_t eb) {
        return ba == bb && (nb == kNoNode || na == nb) &&
               (ea == eb ||
                (ea < eb && words::in(kBodyRegions, r.tokens[r.tokenAtOrAfter(eb) - 1].norm)));
    };
    return a.relation == b.relation && a.begin == b.begin && a.polarity == b.polarity &&
           same(a.head, b.head, a.headBegin, b.headBegin, a.headEnd, b.headEnd) &&
           same(a.tail, b.tail, a.tailBegin, b.tailBegin, a.tailEnd, b.tailEnd);
}

bool ClaimExtractor::afterWith(const Reading& r, const Sentence& s, const AlignedMention& m) const {
    std::size_t from = modifiersStart(r, s, m);
    while (from > s.ta && words::in(kDeterminers, r.tokens[from - 1].norm))
        --from;
    return from > s.ta && r.tokens[from - 1].norm == "with";
}

bool ClaimExtractor::bareRegion(const Reading& r, const AlignedMention& m) {
    // Body regions, with which side or part ("the opposite side", "the lower back"), and
    // nothing that makes them a finding ("enlarged spleen", "cool leg").
    static constexpr std::array<std::string_view, 4> kWhich = {"opposite", "same", "other",
                                                               "entire"};
    if (m.last <= m.first || !words::in(kBodyRegions, r.tokens[m.last - 1].norm))
        return false;
    for (std::size_t t = m.first; t + 1 < m.last; ++t)
        if (!(words::in(kBodyRegions, r.tokens[t].norm) ||
              words::in(kSideWords, r.tokens[t].norm) || words::in(kWhich, r.tokens[t].norm) ||
              words::in(kDeterminers, r.tokens[t].norm)))
            return false;
    return true;
}

bool ClaimExtractor::explicitCue(const RelationCue& cue) const {
    return std::find_first_of(cue.tokens.begin(), cue.tokens.end(),
                              settings_.explicitCueWords.begin(),
                              settings_.explicitCueWords.end()) != cue.tokens.end();
}

std::size_t ClaimExtractor::wordsOf(const Reading& r, std::size_t begin, std::size_t end) {
    return r.tokenAtOrAfter(end) - r.tokenAtOrAfter(begin);
}

bool ClaimExtractor::phrasePairAllowed(const CueHit& hit, PhraseEnd a, PhraseEnd b,
                                       bool clinicalClass) const {
    const RelationCue& cue = lexicon_.relationCues()[hit.cue];
    const bool longA = a.words > 1, longB = b.words > 1;
    // A phrase holding a linked complement ("a tumor in the left atrium") names a KG
    // concept's state: for causes one such end is enough, with a phrase of two words or more
    // at the other ("increase" alone names nothing); not for is_a ("the CT scan ... a
    // compressive tumor of the pons"). Two phrases of two words or more relate by causes
    // (not "responsible for") and by an explicit association ("associated with").
    return (cue.relation == "causes" && ((a.holdsLinked && longB) || (b.holdsLinked && longA) ||
                                         (longA && longB && cue.tokens.back() != "for"))) ||
           (explicitCue(cue) && longA && longB) || settings_.bothEndsUnlinked ||
           (hit.labelled && settings_.unlinkedItemLabels) || clinicalClass ||
           std::find(settings_.unlinkedPairRelations.begin(), settings_.unlinkedPairRelations.end(),
                     cue.relation) != settings_.unlinkedPairRelations.end();
}

bool ClaimExtractor::avoidedObject(const Reading& r, const Sentence& s, const AlignedMention& m) {
    static constexpr std::array<std::string_view, 8> kAvoidVerbs = {
        "avoid", "avoiding", "avoids", "stop", "stopping", "quit", "quitting", "discontinue"};
    static constexpr std::array<std::string_view, 6> kAvoidBeforeFrom = {
        "abstain", "abstaining", "refrain", "refraining", "abstinence", "withdrawal"};
    std::size_t t = m.first;
    while (t > s.ta && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    if (t == s.ta)
        return false;
    const std::string& w = r.tokens[t - 1].norm;
    if (words::in(kAvoidVerbs, w))
        return true;
    return t - 1 > s.ta && ((w == "from" && words::in(kAvoidBeforeFrom, r.tokens[t - 2].norm)) ||
                            (w == "of" && (r.tokens[t - 2].norm == "avoidance" ||
                                           r.tokens[t - 2].norm == "cessation")));
}

Polarity ClaimExtractor::classPolarity(const Reading& r, const AlignedMention& example,
                                       const CueHit& hit) const {
    // "does not cover gram-negative bacteria like Pasteurella", "could indicate a psychotic
    // disorder such as schizophrenia", "a possible diagnosis of GBS, a rare autoimmune
    // disorder": the clause's negation or hedge is about its own verb, the class still has
    // its member. Only "like A, but not B" denies that B is one.
    bool negated = false, hedged = false;
    scanPolarity(r, nullptr, hit.start + hit.len, example.first, negated, hedged);
    return negated ? Polarity::Negated : Polarity::Asserted;
}

bool ClaimExtractor::complementPhrase(const Reading& r, const AlignedMention& m) {
    if (m.holdsLinked)
        return true;
    if (m.mention->node != kNoNode)
        return false;
    for (std::size_t t = m.first + 1; t + 1 < m.last; ++t)
        if (words::in(words::kArgumentPrepositions, r.tokens[t].norm))
            return true;
    return false;
}

bool ClaimExtractor::sameConcept(const Reading& r, const AlignedMention& a,
                                 const AlignedMention& b) {
    if (a.mention->node != kNoNode || b.mention->node != kNoNode)
        return a.mention->node == b.mention->node;
    // Two noun phrases: the same words.
    if (a.last - a.first != b.last - b.first)
        return false;
    for (std::size_t i = 0; i < a.last - a.first; ++i)
        if (r.tokens[a.first + i].norm != r.tokens[b.first + i].norm)
            return false;
    return true;
}

bool ClaimExtractor::organOutOfPlace(const Claim& c, std::string_view cue) const {
    // "the bladder descends into the vagina due to weakened pelvic floor muscles", "blood in
    // sputum suggests TB", "a disorder that affects the lungs and liver, leading to
    // emphysema": an organ is where something happens, neither a cause nor an effect, a
    // finding, a disease nor a drug's target. Only an organ's product is its own ("the
    // thyroid gland produces T4"), and what acts on an organ targets it ("TSH stimulates the
    // thyroid gland").
    if (c.relation == "localizes_to" || c.relation == "is_a" || c.relation == "associated_with")
        return false;
    if (c.relation == "causes" && organ(c.head) && !organ(c.tail) &&
        (cue == "produces" || cue == "produce"))
        return false;
    if (c.relation == "targets")
        return organ(c.head);
    return organ(c.head) || organ(c.tail);
}

void ClaimExtractor::placeOfRelationalNoun(const Reading& r, const Sentence& s,
                                           const AlignedMention& m, NodeId& node,
                                           std::size_t& begin, std::string& text) const {
    // Back from the organ over determiners, other organs and "and"/"or" ("tumors of the
    // parathyroid, pituitary, and ...") to "of", "to" or "in" after a relational noun.
    constexpr std::size_t kMaxBack = 8;
    std::size_t t = m.first;
    while (t > s.ta + 1 && m.first - t < kMaxBack) {
        const std::string& w = r.tokens[t - 1].norm;
        if (w == "of" || w == "to" || w == "in") {
            const PhraseWord* k = lexicon_.phraseWord(r.tokens[t - 2].norm);
            if (k && *k == PhraseWord::Relational && !r.linked(t - 2)) {
                node = kNoNode;
                begin = r.tokens[t - 2].begin;
                text = std::string(r.text.substr(begin, m.mention->end - begin));
            }
            return;
        }
        // An organ, or a phrase of the list the chunker made ("tumors of the parathyroid").
        const bool organWord =
            r.covered[t - 1] >= 0 &&
            (!r.linked(t - 1) || organ(r.aligned[std::size_t(r.covered[t - 1])].mention->node));
        if (!(organWord || w == "and" || w == "or" || words::in(kDeterminers, w)))
            return;
        --t;
    }
}

std::string_view ClaimExtractor::kindAtToken(const Reading& r, std::size_t t) const {
    if (kb_ == nullptr || r.covered[t] < 0)
        return {};
    const NodeId node = r.aligned[std::size_t(r.covered[t])].mention->node;
    return node == kNoNode ? std::string_view() : kb_->nodeKind(node);
}

bool ClaimExtractor::vagueWord(const std::string& w) const {
    const PhraseWord* k = lexicon_.phraseWord(w);
    return k && *k == PhraseWord::Vague;
}

bool ClaimExtractor::inCue(const Sentence& s, std::size_t t) {
    return std::any_of(s.hits.begin(), s.hits.end(),
                       [t](const CueHit& h) { return h.start <= t && t < h.start + h.len; });
}

bool ClaimExtractor::organ(NodeId node) const {
    return kb_ != nullptr && node != kNoNode && kb_->nodeKind(node) == "Anatomy";
}

void ClaimExtractor::findingWithModifiers(const Reading& r, const Sentence& s,
                                          const AlignedMention& m, NodeId& node, std::size_t& begin,
                                          std::string& text) const {
    // "a low TSH", "elevated prolactin": a gene or compound with a direction word before it
    // is a lab finding the KG does not have, as an organ with its modifiers is.
    static constexpr std::array<std::string_view, 10> kDirections = {
        "low",     "high",   "elevated",  "decreased",  "increased",
        "reduced", "raised", "excessive", "diminished", "undetectable"};
    const bool analyte = kb_ != nullptr && node != kNoNode &&
                         (kb_->nodeKind(node) == "Gene" || kb_->nodeKind(node) == "Compound") &&
                         m.first > s.ta && r.softJoin(m.first) &&
                         words::in(kDirections, r.tokens[m.first - 1].norm);
    if (!organ(node) && !analyte)
        return;
    const std::size_t t = modifiersStart(r, s, m);
    if (t == m.first)
        return;
    // "the proximal muscles", "the left ventricle": words that say which part of the body
    // leave it a place. Not sizes: "a long face", "small testes" are findings.
    // Besides the side words: "the entire colon", "bilateral kidneys".
    static constexpr std::array<std::string_view, 12> kOtherPartWords = {
        "both",     "entire",      "whole",    "superficial", "deep",      "central",
        "adjacent", "surrounding", "internal", "external",    "bilateral", "multiple"};
    bool part = !analyte;
    for (std::size_t i = t; i < m.first && part; ++i)
        part =
            words::in(kSideWords, r.tokens[i].norm) || words::in(kOtherPartWords, r.tokens[i].norm);
    if (part)
        return;
    node = kNoNode;
    begin = r.tokens[t].begin;
    text = std::string(r.text.substr(begin, m.mention->end - begin));
}

std::size_t ClaimExtractor::modifiersStart(const Reading& r, const Sentence& s,
                                           const AlignedMention& m) const {
    // Unlinked modifiers right before it, in the same noun phrase: no closed-class word but
    // vague ones ("swollen red tongue").
    std::size_t t = m.first;
    while (t > s.ta && r.softJoin(t) && r.covered[t - 1] < 0) {
        const std::string& w = r.tokens[t - 1].norm;
        const PhraseWord* k = lexicon_.phraseWord(w);
        if ((k && *k != PhraseWord::Vague) || words::in(kDeterminers, w) ||
            words::in(kPossessives, w) || words::in(kPhraseStops, w))
            break;
        --t;
    }
    return t;
}

const ClaimExtractor::AlignedMention& ClaimExtractor::findingAt(const Reading& r, const Sentence& s,
                                                                const AlignedMention& m) const {
    if (!organ(m.mention->node))
        return m;
    // "nodules on distal interphalangeal joints": the organ's modifiers are part of it.
    std::size_t t = modifiersStart(r, s, m);
    while (t > 0 && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    if (t < 2)
        return m;
    // "a calcified mass near the gallbladder", "tenderness over the maxillary sinuses".
    static constexpr std::array<std::string_view, 10> kPlacePrepositions = {
        "in", "on", "at", "of", "near", "over", "around", "along", "within", "behind"};
    const std::string& prep = r.tokens[t - 1].norm;
    if (!words::in(kPlacePrepositions, prep) || !r.softJoin(t - 1) || !r.softJoin(t) ||
        r.covered[t - 2] < 0)
        return m;
    // Not "small amounts of blood": a noun that counts its "of" object is no finding.
    if (prep == "of" && countsItsObject(r, t - 2))
        return m;
    const AlignedMention& finding = r.aligned[std::size_t(r.covered[t - 2])];
    return finding.last == t - 1 ? finding : m;
}

bool ClaimExtractor::testedOrgan(const Reading& r, const AlignedMention& m) const {
    // "E) CT scan of the head: This is a quick ... study": the organ a test is "of" is the
    // test's object, no concept of the sentence's claims.
    if (!organ(m.mention->node))
        return false;
    std::size_t t = m.first;
    while (t > 0 && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    if (t < 2 || r.tokens[t - 1].norm != "of")
        return false;
    const PhraseWord* k = lexicon_.phraseWord(r.tokens[t - 2].norm);
    return k && *k == PhraseWord::Kind;
}

bool ClaimExtractor::namesClinicalClass(const Reading& r, const AlignedMention& m) {
    const std::string& head = r.tokens[m.last - 1].norm;
    return inList(kClassHeads, head) || inList(kMemberClassHeads, head) ||
           (m.last - m.first > 1 && inList(kQualifiedClassHeads, head));
}

bool ClaimExtractor::cueArgumentsAreMentions(const Reading& r, const Sentence& s,
                                             const AlignedMention& a, const AlignedMention& b,
                                             const CueHit& cue, std::size_t from) const {
    const auto& tokens = r.tokens;
    // "X causes inflammation of Y", "X is a common symptom of Y": the tail is the argument
    // of an unlinked noun, not of the cue ("a severe form of Y" still is).
    // "leads to the development of Y", "presents with episodes of Y", "suggests the presence
    // of Y" are about Y.
    for (std::size_t t = objectStart(r, s, cue.start + cue.len); t < b.first; ++t)
        if (words::in(words::kArgumentPrepositions, tokens[t].norm) &&
            !(t > cue.start + cue.len && tokens[t].norm == "of" &&
              (words::in(words::kSubsumptionNouns, tokens[t - 1].norm) ||
               words::in(kOnsetNouns, tokens[t - 1].norm) ||
               words::in(kEpisodeNouns, tokens[t - 1].norm) || tokens[t - 1].norm == "presence")))
            return false; // not "can cause a similar presentation to Y"
    // "anxiety related to leaving her home": the object of a gerund right after the cue is
    // the gerund's, not the cue's ("suggest that the patient is experiencing an asthma
    // attack" is still about the attack).
    if (const std::size_t g = cue.start + cue.len;
        g + 1 < b.first && r.covered[g] < 0 && tokens[g].norm.ends_with("ing") &&
        !words::in(words::kIngNouns, tokens[g].norm) && r.softJoin(g + 1) &&
        lexicon_.phraseWord(tokens[g + 1].norm) &&
        *lexicon_.phraseWord(tokens[g + 1].norm) == PhraseWord::Determiner)
        return false;
    // "symptoms of RA, such as wrist pain": the first concept is the argument of an
    // unlinked noun before it, so the cue is about that noun, not the concept.
    std::size_t t = a.first;
    while (t > s.ta && words::in(kDeterminers, tokens[t - 1].norm))
        --t;
    // "The presence of X suggests", "evidence of X, which is a complication of Y", "a
    // history of X is a risk factor for" are about X; "in the case of X, the concern is"
    // is not.
    // "symptoms of X, which is a complication of Y", "a diagnosis of X, which is
    // characterized by Y": a relative clause after a comma is X's.
    // "The patient's symptoms of fatigue and weakness are consistent with Y": the symptoms
    // are the evidence; "could be related to Y": what is related.
    const std::string& relation = lexicon_.relationCues()[cue.cue].relation;
    const bool evidence =
        relation == "evidential" || relation == "indicates" || relation == "associated_with";
    const bool causeAfter =
        relation == "causes" && lexicon_.relationCues()[cue.cue].direction == CueDirection::Reverse;
    bool relative = false;
    for (std::size_t u = a.last; u < cue.start && !relative; ++u)
        relative =
            words::in(words::kRelativePronouns, tokens[u].norm) && hasAny(r.separator(u), ",");
    if (!cue.examples && t > s.ta && t > from && tokens[t - 1].norm == "of" &&
        !(t - 1 > s.ta &&
          (words::in(words::kSubsumptionNouns, tokens[t - 2].norm) ||
           (words::in(kRelationalNouns, tokens[t - 2].norm) && tokens[t - 2].norm != "case") ||
           countsItsObject(r, t - 2) ||
           ((relative || cue.appositive) && (words::in(kSymptomNouns, tokens[t - 2].norm) ||
                                             words::in(kOnsetNouns, tokens[t - 2].norm))) ||
           (evidence && (words::in(kSymptomNouns, tokens[t - 2].norm) ||
                         words::in(kOnsetNouns, tokens[t - 2].norm))) ||
           // "symptoms of NAS due to the mother's use of codeine": NAS is due to it.
           (causeAfter && words::in(kSymptomNouns, tokens[t - 2].norm)))))
        return false;
    // "X, which is a major concern given his Y": the predicate noun of an is-a cue ends at
    // a generic noun ("a type of Y" aside); a concept after it is none of the cue's.
    if (const RelationCue& c = lexicon_.relationCues()[cue.cue];
        c.relation == "is_a" && c.direction == CueDirection::Forward)
        for (std::size_t u = cue.start + cue.len; u < b.first; ++u)
            if (const PhraseWord* w = lexicon_.phraseWord(tokens[u].norm);
                w && *w == PhraseWord::Generic &&
                !words::in(words::kSubsumptionNouns, tokens[u].norm))
                return false;
    // "X is a condition in which the Y ...": a relative clause after the cue starts a new
    // predicate; Y is not the cue's argument.
    for (std::size_t u = objectStart(r, s, cue.start + cue.len); u < b.first; ++u)
        if (words::in(words::kRelativePronouns, tokens[u].norm))
            return false;
    return true;
}

bool ClaimExtractor::normDenied(const Reading& r, const Sentence& s, const CueHit& hit) {
    // A word of the norm in the cue or the few words before it: "not typically used for",
    // "is not the first-line treatment for", "may not be the best choice for".
    static constexpr std::array<std::string_view, 13> kNormWords = {
        "typically", "usually", "commonly",   "generally", "routinely", "primarily",  "mainly",
        "often",     "first",   "first-line", "best",      "preferred", "recommended"};
    constexpr std::size_t kLookBehind = 4;
    const std::size_t from = hit.start > s.ta + kLookBehind ? hit.start - kLookBehind : s.ta;
    for (std::size_t t = from; t < hit.start + hit.len && t < s.tb; ++t)
        if (words::in(kNormWords, r.tokens[t].norm))
            return true;
    return false;
}

void ClaimExtractor::claimsOfCue(const Reading& r, const Sentence& s, CueHit& hit,
                                 std::vector<std::size_t> left,
                                 const std::vector<std::size_t>& right, bool listed,
                                 std::size_t from, ClaimPattern pattern,
                                 std::vector<Claim>& claims) const {
    // A head found before the subject's clause ("Albuterol helps, but the treatment for W
    // is V") is not the cue's.
    std::size_t copula = 0, subject = 0;
    if (!listed)
        if (auto complement = copularComplement(r, s, hit, right, copula, subject);
            !complement.empty() && (left.empty() || r.aligned[left.back()].last <= subject)) {
            const std::size_t before = claims.size();
            claimsOfPairs(r, s, hit, complement, right, ClaimPattern::Copular, claims);
            copularPolarity(r, subject, hit.start, copula, complement, claims, before);
            hit.copulaRead = copula;
            return;
        }
    if (!left.empty() &&
        (pattern == ClaimPattern::Direct || pattern == ClaimPattern::Coordination) &&
        placeOfClause(r, s, r.aligned[left.back()], hit))
        return;
    if (left.empty() || right.empty() ||
        // Listed objects stand after the words of their class: no check between.
        !cueArgumentsAreMentions(r, s, r.aligned[left.front()],
                                 listed ? r.aligned[left.front()] : r.aligned[right.front()], hit,
                                 from))
        return;
    std::vector<std::size_t> named = right;
    for (std::size_t& m : left)
        m = alsoKnownAs(r, s, m);
    for (std::size_t& m : named)
        m = alsoKnownAs(r, s, m);
    claimsOfPairs(r, s, hit, left, named, pattern, claims);
}

bool ClaimExtractor::placeOfClause(const Reading& r, const Sentence& s, const AlignedMention& m,
                                   const CueHit& hit) const {
    // "air accumulates in the pleural space, causing", "shunting of blood in the heart,
    // leading to", "blocking histamine receptors in the brain, which can cause": a
    // participle or a relative clause after a comma is said of the clause before it; the
    // place the clause ends on is none of its heads; nor is a source ("the myosin heads
    // cannot detach from the actin filaments, leading to muscle rigidity").
    static constexpr std::array<std::string_view, 15> kPlaces = {
        "in",   "on",     "within", "into",   "inside",  "outside", "at",    "throughout",
        "from", "around", "along",  "across", "between", "beneath", "behind"};
    const RelationCue& c = lexicon_.relationCues()[hit.cue];
    std::size_t opens = hit.start; // the first word after the comma
    if (!c.tokens.front().ends_with("ing")) {
        while (opens > m.last && words::in(kRelativeAuxiliaries, r.tokens[opens - 1].norm))
            --opens;
        // "heard best at the second right intercostal space, which is consistent with".
        if (opens == m.last || r.tokens[opens - 1].norm != "which" ||
            !(c.relation == "causes" || c.relation == "evidential" || c.relation == "indicates"))
            return false;
        --opens;
    } else {
        // "grow outside the uterus, often causing": an adverb before the participle.
        while (opens > m.last &&
               (r.tokens[opens - 1].norm == "often" || r.tokens[opens - 1].norm == "thereby" ||
                r.tokens[opens - 1].norm == "further" || r.tokens[opens - 1].norm == "also" ||
                words::adverb(r.tokens[opens - 1].norm)))
            --opens;
    }
    if (!hasAny(r.separator(opens), ",") || m.last != opens)
        return false;
    // Back over the place's determiners and modifiers and the places listed before it ("at
    // the second right intercostal space, which", "in the fingers and toes, resulting in").
    constexpr std::size_t kMaxPlaceTokens = 6;
    std::size_t t = m.first;
    while (t > s.ta && m.first - t < kMaxPlaceTokens && r.softJoin(t) &&
           !words::in(kPlaces, r.tokens[t - 1].norm)) {
        const std::string& word = r.tokens[t - 1].norm;
        const PhraseWord* w = lexicon_.phraseWord(word);
        if ((w && *w != PhraseWord::Determiner && *w != PhraseWord::Vague && word != "and" &&
             word != "or") ||
            words::in(words::kArgumentPrepositions, word))
            break;
        --t;
    }
    // Not the preposition of a cue ("seen in X, which causes", "result in X, which").
    for (const CueHit& h : s.hits)
        if (t > h.start && t <= h.start + h.len)
            return false;
    return t > s.ta && words::in(kPlaces, r.tokens[t - 1].norm);
}

void ClaimExtractor::copularPolarity(const Reading& r, std::size_t subject, std::size_t cue,
                                     std::size_t copula, const std::vector<std::size_t>& complement,
                                     std::vector<Claim>& claims, std::size_t from) const {
    // "The treatment for W is not V": the copula's negation or hedge is the claims'; so is a
    // hedge of the subject ("Other possible causes of W include V").
    bool negated = false, hedged = false;
    scanPolarity(r, nullptr, copula, r.aligned[complement.front()].first, negated, hedged);
    // Only the subject's hedge: a negation there is inside the subject's own noun phrase.
    bool subjectNegated = false;
    scanPolarity(r, nullptr, subject, cue, subjectNegated, hedged);
    for (std::size_t i = from; i < claims.size(); ++i)
        claims[i].polarity = negated ? Polarity::Negated
                             : hedged && claims[i].polarity == Polarity::Asserted
                                 ? Polarity::Hedged
                                 : claims[i].polarity;
}

} // namespace rs
