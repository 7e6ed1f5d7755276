#include "MentionFilter.h"

#include "WordLists.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace rs {

namespace {

bool endsWith(std::string_view w, std::string_view suffix) {
    return w.size() > suffix.size() + 1 &&
           w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Only white space or a hyphen between two words keeps them in one noun phrase; a dash
// with white space around it separates ("C) Vitamin C deficiency - This can cause").
bool joined(std::string_view separator) {
    const bool dash = separator.find('-') != std::string_view::npos;
    const bool space = separator.find_first_of(" \t") != std::string_view::npos;
    return !separator.empty() && !(dash && space) &&
           std::all_of(separator.begin(), separator.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '-'; });
}

// Whether a cue of the list matches the tokens at i ("raise" alone does not stop a phrase
// because "raises concern for" is a cue; "raises concern for" does).
bool cueAt(const std::vector<Token>& tokens, std::size_t i,
           const std::vector<std::size_t>* candidates,
           const std::function<const std::vector<std::string>&(std::size_t)>& cueTokens) {
    if (!candidates)
        return false;
    for (std::size_t c : *candidates) {
        const auto& cue = cueTokens(c);
        if (i + cue.size() > tokens.size())
            continue;
        bool all = true;
        for (std::size_t k = 0; k < cue.size() && all; ++k)
            all = tokens[i + k].norm == cue[k];
        if (all)
            return true;
    }
    return false;
}

// A word that can be the head noun of a longer phrase. Participles and adverbs start a
// clause ("pain radiating to", "fever treated with", "fever recently"), numbers a dose.
bool headNounLike(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                  const Lexicon& lexicon) {
    const Token& t = tokens[i];
    const std::string& w = t.norm;
    if (w.size() < 2 || (w[0] >= '0' && w[0] <= '9') || (t.allUpper && w.size() == 1))
        return false;
    if ((endsWith(w, "ing") && !words::in(words::kIngNouns, w)) || endsWith(w, "ed") ||
        words::adverb(w))
        return false;
    // A break word of the lexicon ends a phrase and is no part of one, so it heads none:
    // "think of acute coronary syndrome first", "pneumonia instead".
    const PhraseWord* kind = lexicon.phraseWord(w);
    if ((kind && *kind == PhraseWord::Break) || words::in(words::kPhraseStops, w) ||
        words::in(words::kFillers, w) || words::in(words::kNonConcepts, w) ||
        words::in(words::kTransparentHeads, w) || words::in(words::kCommonVerbs, w))
        return false;
    // "prompts a workup": a verb before its object's article. Not across a colon or a comma
    // ("A) Head elevation: This might help" keeps "elevation" a noun).
    if (i + 1 < tokens.size() && words::in(words::kVerbFollowers, tokens[i + 1].norm) &&
        tokens[i].end <= tokens[i + 1].begin && tokens[i + 1].begin <= text.size() &&
        joined(text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end)))
        return false;
    return !cueAt(tokens, i, lexicon.relationCuesStartingWith(w),
                  [&](std::size_t c) -> const std::vector<std::string>& {
                      return lexicon.relationCues()[c].tokens;
                  }) &&
           !cueAt(tokens, i, lexicon.polarityCuesStartingWith(w),
                  [&](std::size_t c) -> const std::vector<std::string>& {
                      return lexicon.polarityCues()[c].tokens;
                  });
}

// "IPEX syndrome", "minimal change disease", "Menetrier's disease": a generic head (a
// lexicon `generic` word: disease, syndrome, disorder) linked alone after a word of its own
// names only the class of a longer name the KG lacks. Returns the first token of that name,
// or `at` when the mention stands for itself ("the disease", "a syndrome").
std::size_t genericHeadStart(std::string_view text, const std::vector<Token>& tokens,
                             const Mention& m, std::size_t at, const Lexicon& lexicon,
                             int maxPhraseTokens) {
    if (at == 0 || at >= tokens.size() || tokens[at].begin != m.begin || tokens[at].end != m.end)
        return at;
    // "HPV infection", "Trichomonas vaginalis infection", "irreversible cell injury": the
    // KG's bare Infection and Injury (the lexicon's bare classes) are only the class of what
    // the text names.
    const PhraseWord* head = lexicon.phraseWord(tokens[at].norm);
    const bool bareClass = lexicon.bareClass(tokens[at].norm);
    if (!bareClass && (head == nullptr || *head != PhraseWord::Generic))
        return at;
    // A word joined by white space, a hyphen or a possessive ("Menetrier's disease").
    const auto joinedOrPossessive = [&](std::size_t t) {
        std::string_view sep = text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
        for (std::string_view possessive : {std::string_view("'s"), std::string_view("\u2019s")})
            if (sep.substr(0, possessive.size()) == possessive)
                sep.remove_prefix(possessive.size());
        return joined(sep);
    };
    const auto ownWord = [&](std::size_t t) {
        const std::string& w = tokens[t].norm;
        const PhraseWord* kind = lexicon.phraseWord(w);
        return !w.empty() && !(w[0] >= '0' && w[0] <= '9') &&
               (kind == nullptr || *kind == PhraseWord::Noun) &&
               !words::in(words::kPhraseStops, w) && !words::in(words::kFillers, w) &&
               !words::in(words::kNonConcepts, w);
    };
    std::size_t first = at;
    while (first > 0 && at - first < std::size_t(std::max(1, maxPhraseTokens)) &&
           joinedOrPossessive(first) && ownWord(first - 1))
        --first;
    return first;
}

// A noun that names no concept by itself: the lexicon's generic words ("disease",
// "disorder") and the nouns that refer back to one ("condition", "symptoms", "findings").
bool genericNoun(std::string_view w, const Lexicon& lexicon) {
    static constexpr std::array<std::string_view, 6> kReferringNouns = {
        "condition", "conditions", "symptom", "symptoms", "finding", "findings"};
    const PhraseWord* kind = lexicon.phraseWord(std::string(w));
    return (kind && *kind == PhraseWord::Generic) || words::in(kReferringNouns, w);
}

} // namespace

std::vector<Mention> dropModifierMentions(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Mention>& mentions,
                                          const Lexicon& lexicon, std::vector<CoverageGap>* gaps,
                                          std::string_view where, int maxPhraseTokens,
                                          const std::function<bool(NodeId)>& isOrgan) {
    std::vector<Mention> kept;
    kept.reserve(mentions.size());
    // A dropped mention's phrase, [begin, end) of text, as a coverage gap.
    const auto addGap = [&](std::size_t begin, std::size_t end, std::string reason) {
        if (!gaps)
            return;
        CoverageGap g;
        g.begin = begin;
        g.end = end;
        g.text = std::string(text.substr(begin, end - begin));
        g.where = std::string(where);
        g.reason = std::move(reason);
        gaps->push_back(std::move(g));
    };
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        const auto at = std::size_t(
            std::lower_bound(tokens.begin(), tokens.end(), m.begin,
                             [](const Token& t, std::size_t o) { return t.begin < o; }) -
            tokens.begin());
        // "hepatitis C infection", "HIV infection": "infection" linked on its own right after
        // a concept adds nothing to it, and would otherwise name the phrase (a list item is
        // named by its last mention): the concept before it names it. Not "overdose": an
        // acetaminophen overdose is not acetaminophen.
        if (!kept.empty() && at > 0 && at < tokens.size() && tokens[at].begin == m.begin &&
            tokens[at].end == m.end &&
            (tokens[at].norm == "infection" || tokens[at].norm == "infections") &&
            kept.back().end == tokens[at - 1].end &&
            joined(text.substr(tokens[at - 1].end, tokens[at].begin - tokens[at - 1].end)))
            continue;
        // "non-bacterial prostatitis", "non-infectious": "non-" glued before the concept's
        // first word denies it; the KG's concept is the opposite of the text's.
        if (constexpr std::size_t kNon = 4;
            m.begin >= kNon && m.begin <= text.size() &&
            (text.substr(m.begin - kNon, kNon) == "non-" ||
             text.substr(m.begin - kNon, kNon) == "Non-") &&
            (m.begin == kNon ||
             !std::isalpha(static_cast<unsigned char>(text[m.begin - kNon - 1])))) {
            addGap(m.begin - kNon, m.end, "the KG has '" + m.matched + "', the text its negation");
            continue;
        }
        if (const std::size_t first =
                genericHeadStart(text, tokens, m, at, lexicon, maxPhraseTokens);
            first != at) {
            addGap(tokens[first].begin, m.end,
                   "only the generic '" + m.matched + "' of this name is in the KG");
            continue;
        }
        const auto next = std::size_t(
            std::lower_bound(tokens.begin(), tokens.end(), m.end,
                             [](const Token& t, std::size_t o) { return t.begin < o; }) -
            tokens.begin());
        // A generic head next ("rubella syndrome") is dropped itself: m is its modifier.
        const bool nextIsMention =
            i + 1 < mentions.size() && next < tokens.size() &&
            mentions[i + 1].begin <= tokens[next].begin &&
            mentions[i + 1].end > tokens[next].begin &&
            genericHeadStart(text, tokens, mentions[i + 1], next, lexicon, maxPhraseTokens) == next;
        // "a malaria-like illness", "flu-like symptoms", "insulin-like growth factor": what
        // resembles the concept is not the concept.
        const bool resemblance = m.end <= text.size() && next < tokens.size() &&
                                 text.substr(m.end, tokens[next].begin - m.end) == "-" &&
                                 tokens[next].norm == "like";
        // "a skin condition", "skin inflammation": an organ before a generic noun or another
        // concept (not an organ) is its modifier.
        const bool organModifier =
            isOrgan && isOrgan(m.node) && next < tokens.size() &&
            (genericNoun(tokens[next].norm, lexicon) ||
             (i + 1 < mentions.size() && mentions[i + 1].begin == tokens[next].begin &&
              !isOrgan(mentions[i + 1].node)));
        if (!resemblance &&
            (m.end > text.size() || next >= tokens.size() || (nextIsMention && !organModifier) ||
             !joined(text.substr(m.end, tokens[next].begin - m.end)) ||
             !(headNounLike(text, tokens, next, lexicon) || organModifier))) {
            kept.push_back(m);
            continue;
        }
        if (!gaps)
            continue;
        std::size_t last = next;
        const std::size_t limit = next + std::size_t(std::max(1, maxPhraseTokens));
        while (last + 1 < tokens.size() && last + 1 < limit &&
               !(i + 1 < mentions.size() && mentions[i + 1].begin <= tokens[last + 1].begin) &&
               joined(text.substr(tokens[last].end, tokens[last + 1].begin - tokens[last].end)) &&
               headNounLike(text, tokens, last + 1, lexicon))
            ++last;
        addGap(m.begin, tokens[last].end, "only '" + m.matched + "' of this phrase is in the KG");
    }
    return kept;
}

} // namespace rs
