#include "ClaimExtractor.h"

#include "ClaimReading.h"
#include "NounPhraseChunker.h"
#include "StepSegmenter.h"

#include <optional>

namespace rs {

using namespace claimwords;

namespace {

// Whether a relative pronoun stands among tokens [from, to).
bool relativePronounIn(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
    for (std::size_t t = from; t < to; ++t)
        if (words::in(words::kRelativePronouns, tokens[t].norm))
            return true;
    return false;
}

} // namespace

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon, ClaimSettings settings,
                               const KnowledgeBase* kb)
    : lexicon_(lexicon), settings_(settings), kb_(kb) {
    // The cue whose relation "symptoms of Y, including X" states (examplesOfSymptoms).
    const auto& cues = lexicon_.relationCues();
    for (std::size_t i = 0; i < cues.size(); ++i) {
        if (cues[i].relation == "presents_with" && cues[i].direction == CueDirection::Forward &&
            cues[i].cue == "presents with" && presentsWithCue_ == kNoCue)
            presentsWithCue_ = i;
        if (cues[i].relation == "is_a" && cues[i].direction == CueDirection::Forward &&
            cues[i].cue == "is a" && isACue_ == kNoCue)
            isACue_ = i;
        if (cues[i].relation == "is_a" && cues[i].direction == CueDirection::Reverse)
            examplesCues_.push_back(cues[i].cue);
    }
    // For each relation, its first cue of each direction (examplesOfRelationalNoun turns one
    // around).
    for (std::size_t i = 0; i < cues.size(); ++i)
        (cues[i].direction == CueDirection::Forward ? forwardCue_ : reverseCue_)
            .try_emplace(cues[i].relation, i);
}

ClaimExtraction ClaimExtractor::extract(std::string_view text, const std::vector<Step>& steps,
                                        const std::vector<Mention>& mentions) const {
    return extract(text, tokenize(text), steps, mentions);
}

ClaimExtraction ClaimExtractor::extract(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Step>& steps,
                                        const std::vector<Mention>& mentions) const {
    ClaimExtraction out;
    if (tokens.empty() || steps.empty())
        return out;
    Reading r{text, tokens, {}, std::vector<int>(tokens.size(), -1)};
    // Mentions as token ranges; a mention no token starts inside (a linker that splits words
    // differently) cannot take part in claims.
    r.aligned.reserve(mentions.size());
    for (const Mention& m : mentions) {
        if (m.node == kNoNode || m.end <= m.begin)
            continue;
        const std::size_t first = r.tokenAtOrAfter(m.begin);
        const std::size_t last = r.tokenAtOrAfter(m.end);
        if (first >= last || (!r.aligned.empty() && first < r.aligned.back().last))
            continue;
        for (std::size_t t = first; t < last; ++t)
            r.covered[t] = int(r.aligned.size());
        r.aligned.push_back({first, last, &m});
    }
    r.linkedCount = r.aligned.size();
    Sentence s;
    for (std::size_t si = 0; si < steps.size(); ++si) {
        for (const TextSpan& span :
             StepSegmenter::sentences(text, steps[si].begin, steps[si].end)) {
            s.step = int(si);
            s.span = span;
            s.ta = r.tokenAtOrAfter(span.begin);
            s.tb = r.tokenAtOrAfter(span.end);
            if (s.ta >= s.tb)
                continue;
            s.mentions.clear();
            const auto linkedEnd = r.aligned.begin() + std::ptrdiff_t(r.linkedCount);
            auto it = std::lower_bound(
                r.aligned.begin(), linkedEnd, s.ta,
                [](const AlignedMention& m, std::size_t t) { return m.first < t; });
            for (; it != linkedEnd && it->first < s.tb; ++it)
                if (it->last <= s.tb)
                    s.mentions.push_back(std::size_t(it - r.aligned.begin()));
            findCues(r, s);
            const std::size_t mainAt = frontedClauseEnd(r, s);
            // A sentence without a cue can still name a disease in its place.
            if (s.hits.empty() && mainAt == 0 && !definesCondition(r, s)) {
                placesInPhrases(r, s, out.claims, out.claims.size());
                continue;
            }
            if (settings_.unlinkedEnds && lexicon_.hasPhraseWords())
                addPhraseMentions(r, s);
            const std::size_t firstOfSentence = out.claims.size();
            claimsAtCues(r, s, out.claims);
            if (mainAt != 0)
                frontedEvidence(r, s, mainAt, out.claims);
            claimsOfExamples(text, out.claims, firstOfSentence);
            placesOfClasses(r, s, out.claims, firstOfSentence);
            sequels(r, out.claims, firstOfSentence);
            placesOfDefinitions(r, s, out.claims, firstOfSentence);
            placesInPhrases(r, s, out.claims, firstOfSentence);
            deniedStatements(r, s, out.claims, firstOfSentence);
            gapsOfUnusedCues(r, s, out.gaps);
        }
    }
    return out;
}

void ClaimExtractor::findCues(const Reading& r, Sentence& s) const {
    // Longest relation cue at each position outside mentions.
    s.hits.clear();
    for (std::size_t t = s.ta; t < s.tb; ++t) {
        if (r.linked(t))
            continue;
        const auto* cands = lexicon_.relationCuesStartingWith(r.tokens[t].norm);
        if (!cands)
            continue;
        // Whether a copula here is followed by a qualifier (matchesQualified), tested once
        // per token rather than per candidate cue.
        const std::string& next = t + 1 < s.tb ? r.tokens[t + 1].norm : r.tokens[t].norm;
        const bool qualified =
            t + 1 < s.tb && (r.tokens[t].norm == "is" || r.tokens[t].norm == "are") &&
            (next == "also" || next == "all" || words::in(words::kQualifiers, next));
        for (std::size_t ci : *cands) {
            const auto& cueTokens = lexicon_.relationCues()[ci].tokens;
            if (cueTokens.size() == 1 && !membersListedAt(r, s, t, cueTokens[0]))
                continue;
            // "a defect where there is a hole in the wall": "there is" states that something
            // exists, it classes nothing.
            if (t > s.ta && r.tokens[t - 1].norm == "there" &&
                lexicon_.relationCues()[ci].relation == "is_a")
                continue;
            // "one possible cause could be X", "a common trigger": the noun, no verb cue.
            if (cueTokens.size() == 1 && t > s.ta && words::in(kNounVerbs, cueTokens[0]) &&
                (words::in(kDeterminers, r.tokens[t - 1].norm) ||
                 words::in(words::kQualifiers, r.tokens[t - 1].norm) ||
                 words::in(kNounVerbModifiers, r.tokens[t - 1].norm)))
                continue;
            if (r.matches(cueTokens, t, s.tb)) {
                s.hits.push_back({t, cueTokens.size(), ci, false});
                break;
            }
            if (const std::size_t len = qualified ? r.matchesQualified(cueTokens, t, s.tb) : 0) {
                s.hits.push_back({t, len, ci, false});
                break;
            }
        }
    }
    // "used for treating W", "used for prophylaxis against W": a cue ending in a
    // preposition whose object opens another cue leaves the relation to that cue.
    for (std::size_t j = 0; j + 1 < s.hits.size();)
        if (s.hits[j + 1].start == s.hits[j].start + s.hits[j].len &&
            words::in(words::kArgumentPrepositions,
                      lexicon_.relationCues()[s.hits[j].cue].tokens.back()))
            s.hits.erase(s.hits.begin() + std::ptrdiff_t(j));
        else
            ++j;
    examplesOfSymptoms(r, s);
    examplesOfRelationalNoun(r, s);
    appositiveClasses(r, s);
    copularClasses(r, s);
    copularProcesses(r, s);
    indications(r, s);
    renamingDemonstratives(r, s);
    likelihoodClauses(r, s);
}

bool ClaimExtractor::glossOpens(const Reading& r, std::size_t offset, std::size_t lastChunkEnd) {
    // The token before the bracket at offset ends a concept: a linked mention or a phrase.
    const std::size_t t = r.tokenAtOrAfter(offset);
    return t > 0 && (r.linked(t - 1) || lastChunkEnd == t);
}

void ClaimExtractor::addPhraseMentions(Reading& r, Sentence& s) const {
    // One marks vector for the whole output, all Free between sentences: a fresh one per
    // sentence made the extraction quadratic in the output's length.
    std::vector<NounPhraseChunker::Mark>& marks = r.marks;
    if (marks.size() != r.tokens.size())
        marks.assign(r.tokens.size(), NounPhraseChunker::Mark::Free);
    for (std::size_t t = s.ta; t < s.tb; ++t)
        if (r.linked(t))
            marks[t] = NounPhraseChunker::Mark::Linked;
    for (const CueHit& hit : s.hits)
        for (std::size_t t = hit.start; t < hit.start + hit.len; ++t)
            marks[t] = NounPhraseChunker::Mark::Blocked;
    const NounPhraseChunker chunker(lexicon_, std::size_t(std::max(1, settings_.maxChunkTokens)));
    const auto chunks = chunker.chunk(r.text, r.tokens, s.ta, s.tb, marks);
    for (std::size_t t = s.ta; t < s.tb; ++t)
        marks[t] = NounPhraseChunker::Mark::Free;
    for (const CueHit& hit : s.hits)
        for (std::size_t t = hit.start; t < hit.start + hit.len; ++t)
            marks[t] = NounPhraseChunker::Mark::Free;
    if (chunks.empty())
        return;
    // Depth of brackets at each phrase: a bracketed gloss ("anemia (hemoglobin 7 g/dL)")
    // explains the concept before it and is no claim end of its own. A bracket after words
    // that name no concept holds the items themselves ("The symptoms described (short
    // stature, ...) are consistent with").
    int depth = 0;
    std::size_t scanned = r.tokens[s.ta].begin, lastChunkEnd = 0;
    for (const PhraseChunk& c : chunks) {
        for (; scanned < r.tokens[c.first].begin; ++scanned) {
            const char ch = r.text[scanned];
            // "nortriptyline (a tricyclic antidepressant)": an indefinite noun in the bracket
            // names the concept's class (appositiveClasses), no gloss to leave out.
            if ((ch == '(' || ch == '[') && (depth > 0 || glossOpens(r, scanned, lastChunkEnd)) &&
                !(depth == 0 && opensIndefinite(r, scanned + 1)))
                ++depth;
            else if ((ch == ')' || ch == ']') && depth > 0)
                --depth;
        }
        if (depth > 0 || (c.holdsLinked && !absorbMentions(r, s, c.first, c.last)))
            continue;
        // "a rare and aggressive type of Y": a kind noun before "of" names no class, Y does;
        // "recurrent episodes of Y": a count of events names none either ("manic episodes"
        // does).
        if (c.last < s.tb && r.tokens[c.last].norm == "of" &&
            (words::in(words::kSubsumptionNouns, r.tokens[c.last - 1].norm) ||
             words::in(kEpisodeNouns, r.tokens[c.last - 1].norm)))
            continue;
        lastChunkEnd = c.last;
        Mention m;
        m.begin = r.tokens[c.first].begin;
        m.end = r.tokens[c.last - 1].end;
        m.node = kNoNode;
        r.phrases.push_back(std::move(m));
        for (std::size_t t = c.first; t < c.last; ++t)
            r.covered[t] = int(r.aligned.size());
        s.mentions.push_back(r.aligned.size());
        r.aligned.push_back({c.first, c.last, &r.phrases.back(), c.holdsLinked});
    }
    std::sort(s.mentions.begin(), s.mentions.end(), [&r](std::size_t x, std::size_t y) {
        return r.aligned[x].first < r.aligned[y].first;
    });
}

bool ClaimExtractor::adjacent(const Reading& r, const AlignedMention& p, const AlignedMention& q) {
    if (q.first != p.last || q.first == 0)
        return false;
    const std::string_view sep = r.separator(q.first);
    return !sep.empty() && sep.find_first_not_of(" \t") == std::string_view::npos;
}

std::size_t ClaimExtractor::itemLabelBefore(const Reading& r, const Sentence& s, const CueHit& hit,
                                            std::size_t from) const {
    // A subject pronoun a few words before the cue, opening the clause after a colon or a
    // dash ("X: This would cause", "X - it is used to treat"), no concept in between; the
    // label is the short text before it. Returns 1 + the index into s.mentions of the
    // label's last concept, 0 when the sentence is not so built.
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    constexpr std::size_t kMaxLabelTokens = 16;
    for (std::size_t p = hit.start; p > from && hit.start - p <= gapMax;) {
        --p;
        if (r.linked(p) && !anaphoricClassAt(r, p) && !demonstrativeKindAt(r, p))
            return 0;
        if (!words::in(words::kSubjectPronouns, r.tokens[p].norm))
            continue;
        const std::string_view sep = p > s.ta ? r.separator(p) : std::string_view();
        if (!(hasAny(sep, ":") || words::spacedDash(sep)) || p - s.ta > kMaxLabelTokens)
            return 0;
        // The label's concept is its first ("Diminished pulses in the lower extremity",
        // "Punctate bleeding spots when scales are removed"); a list ("Spider angiomata
        // and distended abdomen: These are signs of") is taken from its last item, the
        // caller adds those coordinated with it.
        std::size_t k = s.mentions.size();
        while (k > 0 && r.aligned[s.mentions[k - 1]].last > p)
            --k;
        std::size_t first = 0;
        while (first < k && r.aligned[s.mentions[first]].first < from)
            ++first;
        if (first == k)
            return 0;
        // A list: every concept of the label coordinated with the one before it, not
        // "phosphorylation of serine and threonine".
        bool list = first + 1 < k;
        for (std::size_t i = first; i + 1 < k && list; ++i) {
            const AlignedMention& m = r.aligned[s.mentions[i]];
            const AlignedMention& n = r.aligned[s.mentions[i + 1]];
            list = adjacent(r, m, n) || coordinated(r, m, n);
        }
        if (list)
            return k;
        while (first + 1 < k &&
               adjacent(r, r.aligned[s.mentions[first]], r.aligned[s.mentions[first + 1]]))
            ++first;
        return first + 1;
    }
    return 0;
}

std::vector<std::size_t> ClaimExtractor::leftArguments(const Reading& r, const Sentence& s,
                                                       const CueHit& hit, std::size_t from,
                                                       std::size_t prevTailEnd, bool& fromLabel,
                                                       bool& pronoun,
                                                       std::size_t& secondPredicate) const {
    // The mention nearest before the cue, after the previous cue, then the concepts
    // coordinated with it ("A, B and C are signs of W"). A concept that is the tail of the
    // previous cue is not also a head of this one ("X causes A and B leads to C").
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    std::vector<std::size_t> out;
    fromLabel = false;
    pronoun = false;
    secondPredicate = 0;
    std::size_t k = s.mentions.size();
    while (k > 0 && r.aligned[s.mentions[k - 1]].last > hit.start)
        --k;
    while (k > 0 && inGloss(r, s, r.aligned[s.mentions[k - 1]], true))
        --k;
    if (k == 0 || verbObjectCue(r, s, hit))
        return out;
    // The head noun of "N1 prep N2" (N1) rather than N2, or no head (ClaimHeads.cpp).
    const HeadNoun headNoun = cueHeadNoun(r, s, hit, k, from);
    if (headNoun == HeadNoun::None)
        return out;
    const AlignedMention& a = r.aligned[s.mentions[k - 1]];
    // "X would raise Y, but it does not explain Z": a subject pronoun between the concept
    // and the cue is the cue's head, not the concept.
    bool pronounBetween = false;
    for (std::size_t t = a.last; t < hit.start && a.last <= hit.start; ++t) {
        pronounBetween = pronounBetween || words::in(words::kSubjectPronouns, r.tokens[t].norm);
        // "a boy with asthma, who presents with": the clause is about a person.
        if (r.tokens[t].norm == "who" || r.tokens[t].norm == "whom")
            return out;
    }
    // "X crosses the placenta and can cause Y": the concept before a conjunction that
    // opens a second predicate is not its subject (the caller takes the clause's subject).
    if (const std::size_t conjunction = secondPredicateAt(r, hit, a.last); conjunction != 0) {
        secondPredicate = conjunction;
        return out;
    }
    if (a.last < hit.start && words::in(kClauseConjunctions, r.tokens[a.last].norm) &&
        !pronounBetween && !genericCosubject(r, a.last + 1, hit))
        return out;
    // "D) Citalopram - overdose can cause": the drug's overdose, said of the item's drug.
    static constexpr std::array<std::string_view, 6> kStatesOfDrug = {
        "overdose", "overdosage", "toxicity", "poisoning", "intoxication", "withdrawal"};
    const bool stateOfLabel =
        a.last - a.first == 1 && words::in(kStatesOfDrug, r.tokens[a.first].norm);
    // "B) Exchange transfusion: This is a treatment for ...": the pronoun after the item's
    // label stands for the label's concept, also over a noun phrase of its own ("This
    // pattern of abnormalities is consistent with").
    // "This syndrome can be associated with": a class after a demonstrative points back.
    const bool anaphoricClass = a.first > s.ta && anaphoricClassAt(r, a.first);
    const bool kindOfClass = a.first > s.ta && demonstrativeKindAt(r, a.first);
    std::size_t label = a.mention->node == kNoNode || a.first < from ||
                                wordsBetween(r, s, a, hit) > gapMax || pronounBetween ||
                                anaphoricClass || kindOfClass
                            ? itemLabelBefore(r, s, hit, from)
                            : 0;
    if (stateOfLabel && label == 0 && k >= 2 && r.aligned[s.mentions[k - 2]].last == a.first &&
        r.aligned[s.mentions[k - 2]].first >= from) {
        const std::string_view sep = r.separator(a.first);
        if (hasAny(sep, ":") || words::spacedDash(sep))
            label = k - 1;
    }
    // "A) X: This could cause Y, but it does not explain Z": a later clause whose subject
    // is a pronoun is about the item too.
    if (label == 0 && pronounBetween)
        label = clauseLabel(r, s, hit);
    // "Amyloidosis can cause proteinuria, but it typically presents with": without an item
    // label, the pronoun of a later clause stands for the sentence's subject.
    std::size_t subject = 0, subjectFirst = 0;
    if (label == 0 && pronounBetween && laterClausePronoun(r, s, hit)) {
        bool isLabel = false;
        subject = sentenceSubject(r, s, isLabel, &subjectFirst);
        if (subject == 0 && ((subject = answeredOption(r, s, hit)) != 0 ||
                             (subject = relativeAntecedent(r, s, hit)) != 0))
            subjectFirst = subject - 1;
        if (subject != 0 && r.aligned[s.mentions[subject - 1]].last <= hit.start && !isLabel)
            k = subject;
        else
            subject = 0;
    }
    pronoun = subject != 0;
    // "Acyclovir and ganciclovir are antivirals, but they are not": every item.
    if (subject != 0 && subjectFirst + 1 < subject) {
        for (std::size_t i = subjectFirst; i < subject; ++i)
            out.push_back(s.mentions[i]);
        return out;
    }
    // "Pain on passive extension of the fingers is": N1 of a chain of such phrases.
    if (label == 0 && subject == 0 && headNoun == HeadNoun::Before) {
        --k;
        while (k >= 2 && r.aligned[s.mentions[k - 1]].mention->node == kNoNode &&
               nounHead(r, s, k - 1, from, true) == k - 2)
            --k;
    }
    if (label != 0)
        k = label;
    else if (subject == 0 && (a.first < from || wordsBetween(r, s, a, hit) > gapMax ||
                              pronounBetween || anaphoricClass))
        return out;
    // "A) Anti-SS-B antibody: associated with Sjogren syndrome": a label that opens the
    // sentence and its cue right after the colon or dash.
    fromLabel = label != 0 || (r.aligned[s.mentions[k - 1]].first <= s.ta + 1 &&
                               labelSeparator(r.separator(r.aligned[s.mentions[k - 1]].last)) &&
                               hit.start - r.aligned[s.mentions[k - 1]].last <= 1);
    out.push_back(s.mentions[k - 1]);
    // "Jugular vein distention": mentions with only a space between are one item, named by
    // the last; the list goes on from the first.
    const AlignedMention* item = &r.aligned[out.back()];
    // Where the current item starts: "difficulty with certain movements" from "difficulty".
    std::size_t itemBegin = itemStart(r, s, *item);
    for (--k; k > 0; --k) {
        const AlignedMention& p = r.aligned[s.mentions[k - 1]];
        if (p.first >= from && p.first >= prevTailEnd &&
            (adjacent(r, p, *item) || inGloss(r, s, p))) {
            if (adjacent(r, p, *item)) {
                item = &p;
                itemBegin = std::min(itemBegin, itemStart(r, s, p));
            }
            continue;
        }
        // A concept inside the item is no item of its own.
        if (p.first >= itemBegin && p.first >= from && p.first >= prevTailEnd) {
            item = &p;
            continue;
        }
        AlignedMention whole = *item;
        whole.first = itemBegin;
        // "chest pain on inspiration, and cough": p's item may go on after it.
        AlignedMention pWhole = p;
        pWhole.last = itemEnd(r, s, p);
        if (p.first < from || p.first < prevTailEnd ||
            !(coordinated(r, p, whole) || (pWhole.last > p.last && pWhole.last <= whole.first &&
                                           coordinated(r, pWhole, whole))))
            break;
        // "the wide splitting of S2 and loud second component of S2 suggest": the item is
        // named by N1.
        if (const std::size_t j = nounHead(r, s, k - 1, from, s.mentions[k - 1] >= r.linkedCount);
            j != k - 1)
            k = j + 1;
        out.push_back(s.mentions[k - 1]);
        item = &r.aligned[s.mentions[k - 1]];
        itemBegin = itemStart(r, s, *item);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::size_t> ClaimExtractor::rightArguments(const Reading& r, const Sentence& s,
                                                        const CueHit& hit, std::size_t until,
                                                        bool& listed) const {
    // The mention nearest after the cue, then the concepts coordinated with it ("presents
    // with A, B and C"), short of one that heads the next cue ("... A and B causes C").
    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    const std::size_t hitEnd = hit.start + hit.len;
    std::vector<std::size_t> out;
    // "A) X: ... which are hallmark features of this condition": the item's concept.
    if (const std::size_t label = anaphoricObject(r, s, hitEnd); label != 0)
        return {s.mentions[label - 1]};
    std::size_t k = 0;
    while (k < s.mentions.size() && r.aligned[s.mentions[k]].first < hitEnd)
        ++k;
    if (k == s.mentions.size())
        return out;
    // "presents with a range of symptoms, including A and B": the listed items are the
    // objects; the next cue may be the list's own "such as".
    listed = false;
    std::optional<std::size_t> listClass; // "obstructive voiding symptoms, such as"
    if (const std::size_t item = listedItem(r, s, hitEnd); item < s.mentions.size()) {
        // A qualified class is an object too ("a variety of bacteria including" is not).
        if (const AlignedMention& c = r.aligned[s.mentions[k]];
            k < item && s.mentions[k] >= r.linkedCount && c.last - c.first > 1 &&
            namesClinicalClass(r, c))
            listClass = s.mentions[k];
        k = item;
        listed = true;
        until = s.tb;
        for (const CueHit& h : s.hits)
            if (h.start > r.aligned[s.mentions[k]].first) {
                until = h.start;
                break;
            }
    }
    const AlignedMention& b = r.aligned[s.mentions[k]];
    // "more specific for this disease", "this infection": a class after a demonstrative
    // is anaphoric; "the most likely cause of this effusion" names the effusion.
    if (!hit.renaming && anaphoricClassAt(r, b.first))
        return out;
    // "given the patient's age, the swelling and ...": the list starts after the patient's
    // attribute.
    const std::size_t objectAt =
        listed ? hitEnd : afterPatientItem(r, s, objectStart(r, s, hitEnd));
    if (!listed && (b.last > until || b.first < objectAt ||
                    std::max(premodifiersFrom(r, b), objectAt) - objectAt > gapMax))
        return out;
    // "the most likely cause of this patient's symptoms is X": a copula before the concept
    // ends the cue's object (a generic one, no mention).
    for (std::size_t t = objectAt; t < b.first && !listed; ++t)
        if (words::in(kCopulaForms, r.tokens[t].norm))
            return out;
    // "X is a beta agonist, and asthma ...": a clause break ends the cue's object; not the
    // comma after the first of two adjectives ("presents with sudden, severe pain"): one
    // word no phrase takes, neither a generic noun nor a mention.
    for (std::size_t t = std::max(hitEnd, objectAt) + 1; t <= b.first && !listed; ++t)
        if (r.clauseBreakBefore(t) && !adjectivesBeforeComma(r, objectAt, t))
            return out;
    out.push_back(s.mentions[k]);
    std::size_t itemFirst = r.aligned[out.back()].first; // where the current item starts
    for (++k; k < s.mentions.size(); ++k) {
        const AlignedMention& q = r.aligned[s.mentions[k]];
        if (q.last <= until && adjacent(r, r.aligned[out.back()], q)) {
            out.back() = s.mentions[k]; // "leg pitting edema": the item is the last
            continue;
        }
        // "skin lesions (dermatitis herpetiformis), iron deficiency": a gloss is no item;
        // "pain in the chest, fever": nor is a concept inside the item.
        AlignedMention whole = r.aligned[out.back()];
        whole.first = itemFirst;
        whole.last = itemEnd(r, s, whole);
        if (q.last <= until && (inGloss(r, s, q) || q.first < whole.last))
            continue;
        // "a feature of A, not B": B is the cue's object too, denied (polarityOf reads
        // the "not").
        if (q.last > until || !(coordinated(r, whole, q) || contrasted(r, whole, q)))
            break;
        // "the removal of bacteria and other foreign substances": "and other" after a phrase
        // holding its complement adds to the complement, not to the cue's objects.
        if (r.tokens[q.first - 1].norm == "other" && complementPhrase(r, r.aligned[out.back()]))
            break;
        // "a common cause of A and B, and vertical transmission can occur": an item with a
        // verb right after it is the subject of a clause of its own.
        static constexpr std::array<std::string_view, 14> kClauseVerbs = {
            "can",  "may", "might", "will", "would", "could",  "should",
            "must", "is",  "are",   "was",  "were",  "occurs", "occur"};
        // Not the examples of a class ("an antibiotic such as A or B may be used").
        if (const std::size_t after = itemEnd(r, s, q);
            !listed && !hit.examples &&
            !(lexicon_.relationCues()[hit.cue].relation == "is_a" &&
              lexicon_.relationCues()[hit.cue].direction == CueDirection::Reverse) &&
            after < s.tb && r.softJoin(after) && words::in(kClauseVerbs, r.tokens[after].norm))
            break;
        // "including A, B and C, as well as D": "as well as" adds to what the list was of.
        bool asWell = false;
        for (std::size_t t = whole.last; t < q.first && (listed || hit.examples); ++t)
            asWell = asWell || r.tokens[t].norm == "well";
        if (asWell)
            break;
        // Not over a clause break or a subject pronoun ("... and B, but it does not cause").
        bool ownClause = false;
        for (std::size_t t = q.last; t < until && until < s.tb && !ownClause; ++t)
            ownClause = r.clauseBreakBefore(t) ||
                        (t > q.last && words::in(words::kSubjectPronouns, r.tokens[t].norm));
        // Not the class of the next cue's examples ("and congenital anomalies such as X").
        // Nor "A and B, leading to C": a participle after a comma is said of the whole list.
        const bool participle = until < s.tb && hasAny(r.separator(until), ",") &&
                                r.tokens[until].norm.ends_with("ing");
        const bool headsNext =
            until < s.tb && until - q.last <= gapMax && !ownClause && !participle &&
            examplesMarker(r, s, until) == 0 &&
            (k + 1 == s.mentions.size() || r.aligned[s.mentions[k + 1]].first >= until);
        if (headsNext)
            break;
        out.push_back(s.mentions[k]);
        itemFirst = q.first;
    }
    if (listClass)
        out.insert(out.begin(), *listClass);
    return out;
}

std::vector<std::size_t> ClaimExtractor::secondPredicateHead(
    const Reading& r, const Sentence& s, CueHit& hit, const CueHit* subjectCue,
    const std::vector<std::size_t>& subjectLeft, std::size_t conjunction) const {
    // "X is known to cross the placenta and can cause Y", "This finding is associated with A
    // and is commonly heard in B": a second predicate of the clause's subject, the previous
    // cue's head or the concept that opens the sentence.
    std::vector<std::size_t> head;
    bool isLabel = false;
    // Not the second predicate of an apposition's relative clause ("of the epididymis, a
    // structure that sits on the testicle and is responsible for").
    if (subjectCue != nullptr) {
        if (!appositiveRelativeBetween(r, *subjectCue, conjunction)) {
            head = subjectLeft;
            hit.labelled = subjectCue->labelled;
        }
    } else if (std::size_t first = 0, k = sentenceSubject(r, s, isLabel, &first);
               k != 0 && r.aligned[s.mentions[k - 1]].last <= conjunction) {
        head.assign(s.mentions.begin() + std::ptrdiff_t(std::min(first, k - 1)),
                    s.mentions.begin() + std::ptrdiff_t(k));
        hit.labelled = isLabel;
    }
    // "does not primarily act by inhibiting Y": a denial of how is the action's.
    if (r.tokens[conjunction].norm != "by")
        hit.clauseFrom = conjunction;
    return head;
}

std::vector<ClaimExtractor::CueHit*> ClaimExtractor::longestCues(Sentence& s) {
    // Overlapping cues are one cue, the longest ("is a" inside "is a type of").
    std::vector<CueHit*> cues;
    for (CueHit& hit : s.hits) {
        if (!cues.empty() && hit.start < cues.back()->start + cues.back()->len) {
            if (hit.len > cues.back()->len &&
                hit.start + hit.len >= cues.back()->start + cues.back()->len)
                cues.back() = &hit;
            continue;
        }
        cues.push_back(&hit);
    }
    return cues;
}

void ClaimExtractor::claimsAtCues(const Reading& r, Sentence& s, std::vector<Claim>& claims) const {
    const std::vector<CueHit*> cues = longestCues(s);
    std::size_t prevTailEnd = 0, from = s.ta, prevTail = std::size_t(-1);
    bool prevRelative = false; // the previous cue opened a relative clause on its head
    std::vector<std::size_t> prevLeft, prevRight;
    // The head of the last predicate ("such as" lists, it predicates nothing) and its cue.
    std::vector<std::size_t> subjectLeft;
    const CueHit* subjectCue = nullptr;
    for (std::size_t j = 0; j < cues.size(); ++j) {
        CueHit& hit = *cues[j];
        // "The cause of W is a V": no "W is a V".
        if (j > 0 && cues[j - 1]->copulaRead == hit.start && hit.start != 0)
            continue;
        const std::size_t prevFrom = from; // where the previous cue's head could start
        const bool bridged = j > 0 && copularBridge(r, *cues[j - 1], hit);
        // "X (a Y) treats Z": the apposition leaves X the subject of what follows.
        if (j > 0 && !bridged && !cues[j - 1]->appositive)
            from = cues[j - 1]->start + cues[j - 1]->len;
        const std::size_t until = j + 1 < cues.size() ? cues[j + 1]->start : s.tb;
        bool fromLabel = false, pronoun = false;
        std::size_t conjunction = 0;
        // "X, which is a life-threatening complication of Y": the head's distance is to the
        // copula the cue is bridged from, not to the cue.
        auto left = leftArguments(r, s, bridged ? hit.spannedFrom(cues[j - 1]->start) : hit, from,
                                  prevTailEnd, fromLabel, pronoun, conjunction);
        hit.labelled = fromLabel;
        hit.pronoun = pronoun;
        // The construction the claims of this cue are read from: the last one that chose
        // their head (headFrom), else a list on either side, else the cue alone.
        ClaimPattern pattern = fromLabel ? ClaimPattern::ItemLabel : ClaimPattern::Direct;
        if (!fromLabel && bridged && !left.empty() &&
            r.aligned[left.back()].last <= cues[j - 1]->start)
            pattern = ClaimPattern::Copular;
        const auto headFrom = [&](std::vector<std::size_t> head, ClaimPattern p) {
            left = std::move(head);
            pattern = p;
        };
        // "X is known to cross the placenta and can cause Y": a second predicate.
        if (left.empty() && conjunction != 0)
            if (auto head = secondPredicateHead(r, s, hit, subjectCue, subjectLeft, conjunction);
                !head.empty())
                headFrom(std::move(head), ClaimPattern::SecondPredicate);
        // "X is a Y that causes Z", "X is a drug used to treat Z": the relative clause on
        // the predicate noun says it of X.
        if (j > 0 && !prevLeft.empty() && relativeBridge(r, s, *cues[j - 1], hit)) {
            headFrom(prevLeft, ClaimPattern::RelativeClause);
            from = prevFrom;
        }
        // "X: This congenital heart defect involves Y": the renamed item is the subject.
        if (j > 0 && cues[j - 1]->renaming && !prevLeft.empty()) {
            bool subjectNoun = true;
            for (std::size_t t = cues[j - 1]->start + 1; t <= hit.start && subjectNoun; ++t)
                subjectNoun =
                    r.softJoin(t) &&
                    (t == hit.start || !words::in(words::kRelativePronouns, r.tokens[t].norm));
            if (subjectNoun) {
                headFrom(prevLeft, cues[j - 1]->labelled ? ClaimPattern::ItemLabel : pattern);
                hit.labelled = cues[j - 1]->labelled;
            }
        }
        listHeads(r, s, hit, j > 0 ? prevRight : std::vector<std::size_t>{}, left, pattern);
        // "X - an anticholinergic agent that blocks Y": X blocks Y.
        if (const std::size_t k = appositionHead(r, s, hit); k < s.mentions.size())
            headFrom({s.mentions[k]}, ClaimPattern::Apposition);
        // "Aspirin is given after MI to prevent stroke": a disease is no purpose's agent;
        // the clause's subject is, else nothing.
        if (const std::size_t agent = purposeAgent(r, s, hit, left); agent != kNoAgent)
            headFrom(agent == 0 ? std::vector<std::size_t>{}
                                : std::vector<std::size_t>{s.mentions[agent - 1]},
                     ClaimPattern::SecondPredicate);
        // "X, a rare genetic disorder, causes Y": the apposition leaves X the subject.
        if (j > 0 && cues[j - 1]->appositive && !prevLeft.empty() && !prevRight.empty() &&
            !left.empty() && left.back() == prevRight.back())
            headFrom(prevLeft, pattern);
        // "X causes A, leading to B", "causing A and leading to B": A causes B.
        if (j > 0 && !prevRight.empty() && causalChain(r, *cues[j - 1], prevRight.back(), hit))
            headFrom(prevRight, ClaimPattern::CausalChain);
        // "X blocks Y on Z, leading to W": the effect of a drug's action is the drug's.
        else if (j > 0 && !prevLeft.empty() && actionEffect(r, *cues[j - 1], hit))
            headFrom(prevLeft, ClaimPattern::ActionEffect);
        // "X, which presents with Y, is treated with Z": the relative clause closes at the
        // comma before the cue, whose head is X, not Y.
        // Not when a relative clause opens on Y there ("characteristic of Y, which is a"),
        // nor for Y's examples or apposition (", such as", "Y, an enzyme involved in").
        if (!left.empty() && left.back() == prevTail && prevRelative && !hit.appositive &&
            examplesMarker(r, s, hit.start) == 0 && pattern != ClaimPattern::Apposition) {
            bool closed = false;
            for (std::size_t t = r.aligned[left.back()].last; t <= hit.start && !closed; ++t)
                closed = r.clauseBreakBefore(t);
            closed = closed && !relativePronounIn(r.tokens, r.aligned[left.back()].last, hit.start);
            if (closed)
                headFrom(prevLeft, ClaimPattern::RelativeClause);
        }
        prevRelative =
            !left.empty() && relativePronounIn(r.tokens, r.aligned[left.back()].last, hit.start);
        prevLeft = left;
        if (const RelationCue& c = lexicon_.relationCues()[hit.cue];
            !(c.relation == "is_a" && c.direction == CueDirection::Reverse)) {
            subjectLeft = left;
            subjectCue = &hit;
        }
        bool listed = false;
        auto right = rightArguments(r, s, hit, until, listed);
        prevRight = right;
        prevTailEnd = right.empty() ? 0 : r.aligned[right.back()].last;
        prevTail = right.empty() ? std::size_t(-1) : right.back();
        if (pattern == ClaimPattern::Direct && (listed || left.size() > 1 || right.size() > 1))
            pattern = listed ? ClaimPattern::SuchAs : ClaimPattern::Coordination;
        // "infections such as X": the class stands right before "such as"; "findings such
        // as X" leaves a concept further back no class of X.
        const RelationCue& cue = lexicon_.relationCues()[hit.cue];
        // "the hallmark features of PTSD, such as intrusive memories": the examples are of
        // the noun before "of", not of Y.
        if (!left.empty() && cue.relation == "is_a" && cue.direction == CueDirection::Reverse &&
            (wordsBetween(r, s, r.aligned[left.back()], hit) > 0 ||
             ofArgument(r, s, left.back(), from)))
            continue;
        // "diuretics, which increase urine production, and antihypertensives like X": the
        // class of examples ("such as", "like") is the one noun before them.
        if (!left.empty() && cue.relation == "is_a" && cue.direction == CueDirection::Reverse)
            left.erase(left.begin(), left.end() - 1);
        // "X: This congenital heart defect involves": the renaming phrase must be the
        // clause's subject, two words or more ending at its verb; not "This combination
        // provides broad-spectrum coverage", "These factors play a role".
        if (hit.renaming && !renamesSubject(r, s, hit, right)) {
            hit.renaming = false;
            continue;
        }
        // "pale conjunctivae (suggesting anemia), low hemoglobin": a cue inside a bracket
        // relates the item before the bracket to what the bracket holds.
        narrowToBracket(r, s, hit, left, right, pattern);
        claimsOfCue(r, s, hit, std::move(left), right, listed, fromLabel ? hit.start : from,
                    pattern, claims);
    }
}

} // namespace rs
