// Polarity: whether a claim is asserted, hedged or denied, from the polarity cues around its
// head, its cue and its tail (ClaimExtractor.h).
#include "ClaimReading.h"

namespace rs {

using namespace claimwords;

// Polarity cues matched over [from, to): which kinds occur. A matched cue consumes its
// words: "cannot be ruled out" is one hedge, not a hedge followed by the negation "ruled out".
void ClaimExtractor::scanPolarity(const Reading& r, const AlignedMention* skip, std::size_t from,
                                  std::size_t to, bool& negated, bool& hedged) const {
    for (std::size_t t = from; t < to;) {
        std::size_t step = 1;
        const bool inSkip = skip && t >= skip->first && t < skip->last;
        const auto* cands = inSkip ? nullptr : lexicon_.polarityCuesStartingWith(r.tokens[t].norm);
        for (std::size_t pi : cands ? *cands : std::vector<std::size_t>{}) {
            const PolarityCue& pc = lexicon_.polarityCues()[pi];
            if (r.matches(pc.tokens, t, to)) {
                // "fever and absent reflexes suggest": the negation is the finding's; so it
                // is inside a phrase ("results in a lack of B cells, leading to").
                if (!(pc.polarity == Polarity::Negated && words::in(kFindingNegators, pc.cue) &&
                      (opensMention(r, t + pc.tokens.size(), r.tokens.size()) ||
                       r.covered[t] >= 0)))
                    (pc.polarity == Polarity::Negated ? negated : hedged) = true;
                step = pc.tokens.size();
                break;
            }
        }
        t += step;
    }
}

bool ClaimExtractor::opensMention(const Reading& r, std::size_t t, std::size_t to) {
    // Articles and up to two modifiers before it: "absent abdominal reflex".
    constexpr std::size_t kMaxModifiers = 2;
    while (t < to && words::in(kDeterminers, r.tokens[t].norm))
        ++t;
    for (std::size_t m = 0; m < kMaxModifiers && t < to && r.covered[t] < 0; ++m, ++t)
        if (words::in(kPhraseStops, r.tokens[t].norm) || words::in(kNonConcepts, r.tokens[t].norm))
            return false;
    return t < to && r.covered[t] >= 0 && (t == 0 || r.covered[t - 1] != r.covered[t]);
}

bool ClaimExtractor::negatesMention(const Reading& r, const Sentence& s,
                                    const AlignedMention& m) const {
    // A negation cue ending right before the mention, only articles between: "no fever",
    // "absence of swelling", "without a rash".
    std::size_t end = m.first;
    while (end > s.ta && words::in(kDeterminers, r.tokens[end - 1].norm))
        --end;
    for (std::size_t len = 1; len <= 3 && len <= end - s.ta; ++len) {
        const std::size_t at = end - len;
        const auto* cands = lexicon_.polarityCuesStartingWith(r.tokens[at].norm);
        for (std::size_t pi : cands ? *cands : std::vector<std::size_t>{}) {
            const PolarityCue& pc = lexicon_.polarityCues()[pi];
            // "absent reflexes" is a finding of its own (absentFinding), no denied one.
            if (pc.polarity == Polarity::Negated && pc.tokens.size() == len &&
                r.matches(pc.tokens, at, end) && words::in(kFindingNegators, pc.cue) &&
                pc.cue != "absent")
                return true;
        }
    }
    return false;
}

void ClaimExtractor::absentFinding(const Reading& r, const AlignedMention& m, NodeId& node,
                                   std::size_t& begin, std::string& text) {
    // "absent deep tendon reflexes are characteristic of", "can cause absent reflexes": the
    // absence is the finding, which the KG does not know.
    std::size_t t = m.first;
    for (std::size_t k = 0; k < 2 && t > 0 && r.covered[t - 1] < 0 && r.softJoin(t) &&
                            r.tokens[t - 1].norm != "absent";
         ++k)
        --t;
    if (t == 0 || r.tokens[t - 1].norm != "absent" || !r.softJoin(t))
        return;
    node = kNoNode;
    begin = r.tokens[t - 1].begin;
    text = std::string(r.text.substr(begin, m.mention->end - begin));
}

Polarity ClaimExtractor::polarityOf(const Reading& r, const Sentence& s, const AlignedMention& a,
                                    const AlignedMention& b, const CueHit& cue) const {
    // The window: a few words before the head within its clause ("does not cause", "no
    // evidence that X causes") up to the cue, and the words between the cue and the tail
    // ("X presents without Y").
    std::size_t w0 = a.first;
    for (int back = 0; back < settings_.polarityLookBehind && w0 > s.ta && !r.clauseBreakBefore(w0);
         ++back)
        --w0;
    // "a possible tumor, which can cause": a relative clause after a comma states its own
    // predicate; the hedge before its antecedent is not about it.
    for (std::size_t t = a.last; t < cue.start; ++t)
        if (words::in(words::kRelativePronouns, r.tokens[t].norm) && hasAny(r.separator(t), ",")) {
            w0 = t;
            break;
        }
    // For an item label the clause starts at the pronoun that stands for it.
    for (std::size_t t = cue.start; (cue.labelled || cue.pronoun) && t > a.last; --t)
        if (words::in(words::kSubjectPronouns, r.tokens[t - 1].norm)) {
            w0 = t - 1;
            break;
        }
    // A second predicate ("and can cause") starts its clause at the conjunction.
    if (cue.clauseFrom > w0 && cue.clauseFrom < cue.start)
        w0 = cue.clauseFrom;
    bool negated = false, hedged = false;
    scanPolarity(r, &a, w0, cue.start, negated, hedged);
    // "the lab results do not support this diagnosis": a cue that holds its own negation.
    const auto& cueTokens = lexicon_.relationCues()[cue.cue].tokens;
    negated = negated || std::find(cueTokens.begin(), cueTokens.end(), "not") != cueTokens.end();
    // "This is a possibility given X", "the most likely cause of": the cue hedges itself.
    hedged = hedged || cueHedgesItself(r, s, cue);
    // "it is possible that he experienced trauma that led to": the matrix clause hedges (or
    // denies, "it is unlikely that") everything its that-clause says.
    // Not a class ("an over-the-counter medication such as X") nor a relative clause after
    // a comma ("she has urge incontinence, which is characterized by"): general statements.
    if (const std::size_t that = matrixThat(r, s, std::min(a.first, b.first));
        that != 0 && lexicon_.relationCues()[cue.cue].relation != "is_a") {
        bool relative = false;
        for (std::size_t t = that + 1; t < cue.start && !relative; ++t)
            relative = words::in(words::kRelativePronouns, r.tokens[t].norm) &&
                       hasAny(r.separator(t), ",");
        if (!relative)
            scanPolarity(r, nullptr, that - 3, that, negated, hedged);
    }
    bool tailNegated = false, tailHedged = false;
    scanPolarity(r, nullptr, cue.start + cue.len, b.first, tailNegated, tailHedged);
    // "suggest that the patient may have experienced X": the clause that states the object
    // hedges the relation.
    // So does "a possible cardiac issue, such as heart failure" for the example.
    bool example = false;
    for (std::size_t t = cue.start + cue.len; t + 1 < b.first && !example; ++t)
        example = r.tokens[t].norm == "such" && r.tokens[t + 1].norm == "as";
    hedged = hedged ||
             (tailHedged &&
              ((cue.start + cue.len < b.first && r.tokens[cue.start + cue.len].norm == "that") ||
               example));
    // "suggests a possible urinary tract infection": a hedge that modifies the tail hedges
    // the relation to it.
    // Also over the vague words the tail's phrase leaves out ("a possible underlying immune
    // system dysfunction").
    if (b.first > cue.start + cue.len) {
        std::size_t m = b.first - 1;
        while (m > cue.start + cue.len && r.softJoin(m + 1) && !r.linked(m - 1) &&
               vagueWord(r.tokens[m - 1].norm) && vagueWord(r.tokens[m].norm))
            --m;
        bool modifierNegated = false, modifierHedged = false;
        scanPolarity(r, nullptr, m, b.first, modifierNegated, modifierHedged);
        hedged = hedged || modifierHedged;
    }
    // "would lead to A and potentially B": a hedge after the coordinator is B's alone.
    std::size_t t = b.first;
    while (t > cue.start + cue.len && words::in(kDeterminers, r.tokens[t - 1].norm))
        --t;
    if (t >= cue.start + cue.len + 2 && words::in(kClauseConjunctions, r.tokens[t - 2].norm)) {
        bool itemNegated = false, itemHedged = false;
        scanPolarity(r, nullptr, t - 1, t, itemNegated, itemHedged);
        hedged = hedged || itemHedged;
    }
    // "Research question: Are patients with diabetes at increased risk of X?": a question
    // asserts nothing.
    if (const std::size_t end = r.tokens[s.tb - 1].end; end < r.text.size()) {
        const std::size_t mark = r.text.find_first_not_of(" \t\")'", end);
        hedged = hedged || (mark != std::string_view::npos && r.text[mark] == '?');
    }
    // A hedged denial is still a denial of the edge.
    return negated || tailNegated ? Polarity::Negated
           : hedged               ? Polarity::Hedged
                                  : Polarity::Asserted;
}

std::size_t ClaimExtractor::matrixThat(const Reading& r, const Sentence& s, std::size_t before) {
    // "it is / it's [adverb] possible | likely | probable | unlikely that" before the claim,
    // its "that" within the same clause; the token index of "that", 0 when none.
    for (std::size_t t = s.ta + 3; t < before; ++t) {
        if (r.tokens[t].norm != "that")
            continue;
        const std::string& adj = r.tokens[t - 1].norm;
        if ((adj == "possible" || adj == "likely" || adj == "probable" || adj == "unlikely") &&
            r.tokens[t - 2].norm == "is" && r.tokens[t - 3].norm == "it") {
            bool sameClause = true;
            for (std::size_t u = t + 1; u <= before && sameClause; ++u)
                sameClause = !hasAny(r.separator(u), ";:.!?");
            return sameClause ? t : 0;
        }
    }
    return 0;
}

} // namespace rs
