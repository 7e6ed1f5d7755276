#include "ClaimExtractor.h"

#include "StepSegmenter.h"
#include "WordLists.h"

#include <algorithm>
#include <array>

namespace rs {

namespace {

struct AlignedMention {
    std::size_t first = 0, last = 0; // token range [first, last)
    const Mention* mention = nullptr;
};

struct CueHit {
    std::size_t start = 0, len = 0; // token range
    std::size_t cue = 0;            // index into Lexicon::relationCues()
    bool used = false;
};

using words::kFillers;
using words::kNonConcepts;
using words::kPhraseStops;

constexpr std::array<std::string_view, 3> kDeterminers = {"a", "an", "the"};

template <std::size_t N>
bool inList(const std::array<std::string_view, N>& list, std::string_view w)
{
    return words::in(list, w);
}

bool hasAny(std::string_view s, std::string_view chars)
{
    return s.find_first_of(chars) != std::string_view::npos;
}

} // namespace

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon, ClaimSettings settings)
    : lexicon_(lexicon), settings_(settings)
{
}

ClaimExtraction ClaimExtractor::extract(std::string_view text, const std::vector<Step>& steps,
                                        const std::vector<Mention>& mentions) const
{
    return extract(text, tokenize(text), steps, mentions);
}

ClaimExtraction ClaimExtractor::extract(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Step>& steps,
                                        const std::vector<Mention>& mentions) const
{
    ClaimExtraction out;
    const std::size_t n = tokens.size();
    if (n == 0 || steps.empty())
        return out;

    auto tokenAtOrAfter = [&](std::size_t offset) {
        return std::size_t(std::lower_bound(tokens.begin(), tokens.end(), offset,
                                            [](const Token& t, std::size_t o) { return t.begin < o; }) -
                           tokens.begin());
    };

    // Mentions as token ranges; a mention no token starts inside (a linker that splits words
    // differently) cannot take part in claims.
    std::vector<AlignedMention> aligned;
    aligned.reserve(mentions.size());
    std::vector<int> covered(n, -1);
    for (const Mention& m : mentions) {
        if (m.node == kNoNode || m.end <= m.begin)
            continue;
        const std::size_t first = tokenAtOrAfter(m.begin);
        const std::size_t last = tokenAtOrAfter(m.end);
        if (first >= last || (!aligned.empty() && first < aligned.back().last))
            continue;
        for (std::size_t t = first; t < last; ++t)
            covered[t] = int(aligned.size());
        aligned.push_back({first, last, &m});
    }

    // Separator text between tokens a-1 and a.
    auto separator = [&](std::size_t a) {
        return text.substr(tokens[a - 1].end, tokens[a].begin - tokens[a - 1].end);
    };
    auto clauseBreakBefore = [&](std::size_t a) {
        const std::string_view sep = separator(a);
        return hasAny(sep, ",;:()[]{}\"") || (hasAny(sep, "-") && hasAny(sep, " \t"));
    };
    auto softJoin = [&](std::size_t a) { return !hasAny(separator(a), ",;:.!?()[]{}\"/"); };
    auto matches = [&](const std::vector<std::string>& cue, std::size_t at, std::size_t limit) {
        if (at + cue.size() > limit)
            return false;
        for (std::size_t j = 0; j < cue.size(); ++j) {
            if (covered[at + j] >= 0 || tokens[at + j].norm != cue[j])
                return false;
            // "the answer is A) insulin": an option letter is not the article of "is a".
            if (tokens[at + j].allUpper && tokens[at + j].norm.size() == 1)
                return false;
            if (j > 0 && !softJoin(at + j))
                return false;
        }
        return true;
    };

    const auto gapMax = std::size_t(std::max(0, settings_.maxGapTokens));
    std::vector<CueHit> hits;
    std::vector<std::size_t> sentenceMentions;

    for (std::size_t si = 0; si < steps.size(); ++si) {
        for (const TextSpan& sentence : StepSegmenter::sentences(text, steps[si].begin, steps[si].end)) {
            const std::size_t ta = tokenAtOrAfter(sentence.begin);
            const std::size_t tb = tokenAtOrAfter(sentence.end);
            if (ta >= tb)
                continue;

            sentenceMentions.clear();
            {
                auto it = std::lower_bound(aligned.begin(), aligned.end(), ta,
                                           [](const AlignedMention& m, std::size_t t) { return m.first < t; });
                for (; it != aligned.end() && it->first < tb; ++it)
                    if (it->last <= tb)
                        sentenceMentions.push_back(std::size_t(it - aligned.begin()));
            }

            // Longest relation cue at each position outside mentions.
            hits.clear();
            for (std::size_t t = ta; t < tb; ++t) {
                if (covered[t] >= 0)
                    continue;
                const auto* cands = lexicon_.relationCuesStartingWith(tokens[t].norm);
                if (!cands)
                    continue;
                for (std::size_t ci : *cands) {
                    if (matches(lexicon_.relationCues()[ci].tokens, t, tb)) {
                        hits.push_back({t, lexicon_.relationCues()[ci].tokens.size(), ci, false});
                        break;
                    }
                }
            }
            if (hits.empty())
                continue;

            // Claims between consecutive mentions.
            std::size_t h = 0;
            for (std::size_t k = 0; k + 1 < sentenceMentions.size(); ++k) {
                const AlignedMention& a = aligned[sentenceMentions[k]];
                const AlignedMention& b = aligned[sentenceMentions[k + 1]];
                while (h < hits.size() && hits[h].start < a.last)
                    ++h;
                // Two separate cues between the mentions chain through a concept nobody
                // linked ("X is a beta-agonist used for Y"): neither relation holds between
                // X and Y, so no claim; the unused cues then report that concept as a gap.
                CueHit* best = nullptr;
                std::size_t groups = 0, groupEnd = 0;
                for (std::size_t j = h; j < hits.size() && hits[j].start < b.first; ++j) {
                    CueHit& hit = hits[j];
                    const std::size_t hitEnd = hit.start + hit.len;
                    if (groups == 0 || hit.start >= groupEnd)
                        ++groups;
                    groupEnd = std::max(groupEnd, hitEnd);
                    if (hitEnd > b.first || hit.start - a.last > gapMax || b.first - hitEnd > gapMax)
                        continue;
                    if (!best || hit.len > best->len)
                        best = &hit;
                }
                if (!best || groups > 1 || a.mention->node == b.mention->node)
                    continue;
                // "X causes inflammation of Y", "X is a common symptom of Y": the tail is the
                // argument of an unlinked noun, not of the cue ("a severe form of Y" still is).
                bool relationalNoun = false;
                for (std::size_t t = best->start + best->len; t < b.first && !relationalNoun; ++t)
                    relationalNoun = words::in(words::kArgumentPrepositions, tokens[t].norm) &&
                                     !(t > best->start + best->len && words::in(words::kSubsumptionNouns, tokens[t - 1].norm));
                // "symptoms of RA, such as wrist pain": the first concept is the argument of an
                // unlinked noun before it, so the cue is about that noun, not the concept.
                {
                    std::size_t t = a.first;
                    while (t > ta && words::in(kDeterminers, tokens[t - 1].norm))
                        --t;
                    if (t > ta && tokens[t - 1].norm == "of" &&
                        !(t - 1 > ta && words::in(words::kSubsumptionNouns, tokens[t - 2].norm)))
                        relationalNoun = true;
                }
                // "X is a condition in which the Y ...": a relative clause after the cue
                // starts a new predicate; Y is not the cue's argument.
                for (std::size_t t = best->start + best->len; t < b.first && !relationalNoun; ++t)
                    relationalNoun = words::in(words::kRelativePronouns, tokens[t].norm);
                if (relationalNoun)
                    continue;
                best->used = true;
                const RelationCue& cue = lexicon_.relationCues()[best->cue];

                // Polarity window: the words between head and cue, and a few words before the
                // head within its clause ("does not cause", "no evidence that X causes").
                std::size_t w0 = a.first;
                for (int back = 0; back < settings_.polarityLookBehind && w0 > ta && !clauseBreakBefore(w0); ++back)
                    --w0;
                bool negated = false, hedged = false;
                // A matched cue consumes its words: "cannot be ruled out" is one hedge, not
                // a hedge followed by the negation "ruled out".
                for (std::size_t t = w0; t < best->start;) {
                    std::size_t step = 1;
                    const auto* cands = (t >= a.first && t < a.last) ? nullptr
                                                                     : lexicon_.polarityCuesStartingWith(tokens[t].norm);
                    for (std::size_t pi : cands ? *cands : std::vector<std::size_t>{}) {
                        const PolarityCue& pc = lexicon_.polarityCues()[pi];
                        if (matches(pc.tokens, t, best->start)) {
                            (pc.polarity == Polarity::Negated ? negated : hedged) = true;
                            step = pc.tokens.size();
                            break;
                        }
                    }
                    t += step;
                }

                Claim c;
                c.step = int(si);
                const bool forward = cue.direction == CueDirection::Forward;
                c.head = forward ? a.mention->node : b.mention->node;
                c.tail = forward ? b.mention->node : a.mention->node;
                c.relation = cue.relation;
                // A hedged denial is still a denial of the edge.
                c.polarity = negated ? Polarity::Negated : hedged ? Polarity::Hedged : Polarity::Asserted;
                c.begin = sentence.begin;
                c.end = sentence.end;
                c.cue = cue.cue;
                c.phraseBegin = a.mention->begin;
                c.phraseEnd = b.mention->end;
                out.claims.push_back(std::move(c));
            }

            // Cues with a concept on one side only: the other side is what the KG lacks.
            std::size_t coveredUntil = 0;
            for (std::size_t j = 0; j < hits.size(); ++j) {
                const CueHit& hit = hits[j];
                const std::size_t hitEnd = hit.start + hit.len;
                const bool inside = hit.start < coveredUntil;
                coveredUntil = std::max(coveredUntil, hitEnd);
                if (hit.used || inside)
                    continue; // a shorter cue inside a longer one says nothing new
                bool overlapsUsed = false;
                for (std::size_t o = j + 1; o < hits.size() && hits[o].start < hitEnd; ++o)
                    overlapsUsed = overlapsUsed || hits[o].used;
                if (overlapsUsed)
                    continue;
                bool before = false, after = false;
                for (std::size_t mi : sentenceMentions) {
                    const AlignedMention& m = aligned[mi];
                    if (m.last <= hit.start && hit.start - m.last <= gapMax)
                        before = true;
                    if (m.first >= hitEnd && m.first - hitEnd <= gapMax)
                        after = true;
                }
                if (before == after)
                    continue;
                std::size_t pb = 0, pe = 0;
                const auto maxPhrase = std::size_t(std::max(1, settings_.maxPhraseTokens));
                // The phrase must touch the cue within its clause: "X, ..., treats Y" does not
                // make the words before the comma the head.
                if (before) {
                    std::size_t t = hitEnd;
                    while (t < tb && covered[t] < 0 && !clauseBreakBefore(t) && inList(kFillers, tokens[t].norm) &&
                           t - hitEnd < gapMax)
                        ++t;
                    pb = pe = t;
                    while (pe < tb && pe - pb < maxPhrase && covered[pe] < 0 && !clauseBreakBefore(pe) &&
                           !inList(kPhraseStops, tokens[pe].norm) && !lexicon_.relationCuesStartingWith(tokens[pe].norm))
                        ++pe;
                } else {
                    std::size_t t = hit.start; // phrase ends before token t
                    while (t > ta && covered[t - 1] < 0 && !clauseBreakBefore(t) && inList(kFillers, tokens[t - 1].norm) &&
                           hit.start - t < gapMax)
                        --t;
                    pb = pe = t;
                    while (pb > ta && pe - pb < maxPhrase && covered[pb - 1] < 0 && !clauseBreakBefore(pb) &&
                           !inList(kPhraseStops, tokens[pb - 1].norm) &&
                           !lexicon_.relationCuesStartingWith(tokens[pb - 1].norm))
                        --pb;
                }
                bool meaningful = false;
                for (std::size_t t = pb; t < pe && !meaningful; ++t) {
                    const std::string& w = tokens[t].norm;
                    const bool numeric = std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
                    meaningful = !numeric && !inList(kNonConcepts, w) && !inList(kFillers, w);
                }
                if (!meaningful)
                    continue;
                const RelationCue& cue = lexicon_.relationCues()[hit.cue];
                const bool phraseIsHead = (cue.direction == CueDirection::Forward) != before;
                CoverageGap g;
                g.begin = tokens[pb].begin;
                g.end = tokens[pe - 1].end;
                g.text = std::string(text.substr(g.begin, g.end - g.begin));
                g.where = "claim";
                g.reason = std::string("the ") + (phraseIsHead ? "head" : "tail") + " of a '" + cue.relation +
                           "' claim (cue '" + cue.cue + "') has no KG concept";
                out.gaps.push_back(std::move(g));
            }
        }
    }
    return out;
}

} // namespace rs
