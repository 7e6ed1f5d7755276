#include "StatedFindingChecker.h"

#include "JudgementContext.h"
#include "ReadingText.h"
#include "WordLists.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace rs::reading {

namespace {

using words::in;

const WordSet kSkipAfterCue = {"any",       "a",        "an",         "the",        "significant",
                               "obvious",   "reported", "signs",      "sign",       "symptoms",
                               "evidence",  "of",       "history",    "mention",    "recent",
                               "apparent",  "clear",    "documented", "associated", "accompanying",
                               "mentioned", "clinical", "noted",      "complaints"};
const WordSet kAbortAfterCue = {"other", "additional", "further",    "new",    "specific",
                                "known", "prior",      "previous",   "family", "longer",
                                "more",  "need",       "indication", "reason"};
const WordSet kItemStops = {"her",   "his",  "their", "shows",   "show",    "showed",  "has",
                            "have",  "had",  "there", "any",     "patient", "she",     "patient's",
                            "in",    "on",   "to",    "that",    "which",   "with",    "as",
                            "at",    "from", "for",   "because", "since",   "due",     "is",
                            "are",   "was",  "were",  "this",    "these",   "suggest", "suggests",
                            "or",    "and",  "nor",   "but",     "so",      "making",  "indicating",
                            "which", "by",   "after", "before",  "during",  "of",      "than",
                            "it",    "he",   "she",   "they",    "the"};
constexpr std::array<std::string_view, 40> kGenericItems = {
    "there",     "indication",  "need",        "reason",        "sign",        "current",
    "complaint", "complaints",  "symptom",     "other",         "pain",        "symptoms",
    "history",   "signs",       "changes",     "abnormalities", "findings",    "disease",
    "infection", "problems",    "issues",      "complications", "evidence",    "trauma",
    "illness",   "medications", "abnormality", "lesions",       "lesion",      "mass",
    "masses",    "problem",     "change",      "response",      "improvement", "effect",
    "effects",   "risk",        "factors",     "exposure"};
const WordSet kQuestionNegations = {"no",  "denies", "denied", "without", "negative", "absence",
                                    "not", "none",   "nor",    "free",    "lack",     "absent"};

// A word without its plural s, as a view into the word.
std::string_view fold(std::string_view w) {
    if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's')
        w.remove_suffix(1);
    return w;
}

struct TextWords {
    std::vector<Word> ws;
    std::vector<std::string_view> folded; // views into the lowered text
    std::vector<char> negated;            // inside a negation scope, or the subject of "is absent"
    std::vector<char> direct;   // inside the scope of a negation cue before it ("denies fever")
    std::vector<char> excluded; // the asked question, family history
};

// lower is lowerAscii(text); the words point into it.
TextWords analyse(std::string_view text, std::string_view lower, bool isQuestion) {
    TextWords t;
    const std::size_t expected = text.size() / 5 + 8; // about one word per five bytes
    t.ws.reserve(expected);
    t.folded.reserve(expected);
    t.negated.reserve(expected);
    t.direct.reserve(expected);
    t.excluded.reserve(expected);
    for (const Span& s : sentences(text)) {
        SentenceWords sw{words(text, lower, s.begin, s.end)};
        const bool asked =
            isQuestion && text.substr(s.begin, s.end - s.begin).find('?') != std::string_view::npos;
        const bool other = otherPersonIn(sw);
        bool inScope = false;
        std::size_t sinceCue = 0;
        const std::size_t sentenceFirst = t.ws.size();
        std::size_t clauseFirst = sentenceFirst;
        for (std::size_t k = 0; k < sw.ws.size(); ++k) {
            const std::string_view w = sw.ws[k].lower;
            if (w == ";" || w == "but" || w == "although" || w == "however" || w == "except" ||
                w == "." || w == ":") {
                inScope = false;
                clauseFirst = t.ws.size() + 1;
            }
            // A new finite verb after the scope ends it: "no fever, and she has weight loss".
            if (inScope && sinceCue > 0 &&
                (w == "has" || w == "had" || w == "shows" || w == "reports" || w == "is" ||
                 w == "was"))
                inScope = false;
            // "Urinary ketones are absent", "occult blood is negative": the subject is denied.
            auto copula = [&](std::size_t i) {
                const std::string_view c = sw.ws[i].lower;
                return c == "is" || c == "are" || c == "was" || c == "were";
            };
            const bool adverb = k > 1 && sw.ws[k - 1].lower.size() > 3 &&
                                sw.ws[k - 1].lower.substr(sw.ws[k - 1].lower.size() - 2) == "ly";
            if ((w == "absent" || w == "negative") && k > 0 &&
                (copula(k - 1) || (adverb && copula(k - 2))))
                for (std::size_t b = clauseFirst; b < t.ws.size(); ++b)
                    t.negated[b] = true;
            t.ws.push_back(sw.ws[k]);
            t.folded.push_back(fold(w));
            t.negated.push_back(inScope);
            t.direct.push_back(inScope);
            t.excluded.push_back(asked || other);
            ++sinceCue;
            const bool absentOn = w == "absent" && k + 1 < sw.ws.size() &&
                                  (sw.ws[k + 1].lower == "on" || sw.ws[k + 1].lower == "in" ||
                                   sw.ws[k + 1].lower == "from");
            if ((in(kQuestionNegations, w) || w == "n't") && !absentOn) {
                inScope = true;
                sinceCue = 0;
            }
        }
    }
    return t;
}

// Occurrences of item (folded words) in t: asserted or negated.
void occurrences(const TextWords& t, const std::vector<std::string_view>& item, bool& asserted,
                 bool& negated, Span& where) {
    asserted = negated = false;
    for (std::size_t i = 0; i + item.size() <= t.folded.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < item.size() && match; ++k)
            match = t.folded[i + k] == item[k];
        if (!match || t.excluded[i])
            continue;
        if (t.negated[i]) {
            negated = true;
        } else {
            if (!asserted)
                where = {t.ws[i].begin, t.ws[i + item.size() - 1].end};
            asserted = true;
        }
    }
}

// The list of items after a denial cue at word index k: "no fever, chills, or weight loss".
std::vector<std::pair<std::size_t, std::size_t>> itemsAfter(const std::vector<Word>& ws,
                                                            std::size_t k, bool commaLists) {
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::size_t i = k;
    while (i < ws.size() && in(kSkipAfterCue, ws[i].lower))
        ++i;
    if (i < ws.size() && in(kAbortAfterCue, ws[i].lower))
        return items;
    while (i < ws.size()) {
        std::size_t e = i;
        while (e < ws.size() && e - i < 4 && !ws[e].punct && !ws[e].number &&
               !in(kItemStops, ws[e].lower))
            ++e;
        if (e > i)
            items.emplace_back(i, e);
        // Continue through a list: ", ", "or", "and", "nor".
        std::size_t n = e;
        bool more = false;
        while (n < ws.size() && ((commaLists && ws[n].lower == ",") || ws[n].lower == "or" ||
                                 ws[n].lower == "and" || ws[n].lower == "nor")) {
            more = true;
            ++n;
        }
        if (!more || e == i)
            break;
        while (n < ws.size() && in(kSkipAfterCue, ws[n].lower))
            ++n;
        i = n;
    }
    return items;
}

bool itemUsable(const std::vector<std::string_view>& item) {
    if (item.empty())
        return false;
    for (std::size_t i = 0; i < item.size(); ++i)
        if (in(kItemStops, item[i]) &&
            !(item[i] == "of" && i > 0 && i + 1 < item.size())) // "shortness of breath"
            return false;
    if (item.size() == 1) {
        if (item[0].size() < 4)
            return false;
        for (std::string_view g : kGenericItems)
            if (fold(g) == item[0])
                return false;
    }
    return true;
}

// Index just after a denial cue about the patient, or npos.
std::size_t denialCueEnd(const std::vector<Word>& ws, std::size_t k) {
    auto at = [&](std::size_t i) -> std::string_view {
        return i < ws.size() ? std::string_view(ws[i].lower) : std::string_view();
    };
    const std::string_view w = at(k);
    const bool subject = w == "patient" || w == "he" || w == "she";
    if (subject && (at(k + 1) == "does" || at(k + 1) == "did") && at(k + 2) == "not") {
        const std::string_view v = at(k + 3);
        if (v == "have" || v == "report" || v == "experience" || v == "exhibit" || v == "show")
            return k + 4;
        if ((v == "complain" && at(k + 4) == "of") || (v == "present" && at(k + 4) == "with"))
            return k + 5;
    }
    if (subject && (at(k + 1) == "has" || at(k + 1) == "had") && at(k + 2) == "no")
        return k + 3;
    if (subject && (at(k + 1) == "denies" || at(k + 1) == "denied"))
        return k + 2;
    if (w == "there" &&
        (at(k + 1) == "is" || at(k + 1) == "are" || at(k + 1) == "was" || at(k + 1) == "were") &&
        at(k + 2) == "no")
        return k + 3;
    if ((w == "absence" || w == "lack") && at(k + 1) == "of")
        return k + 2;
    return std::string::npos;
}

// Index just after an assertion cue about the patient ("the patient has", "her"), or npos.
std::size_t assertionCueEnd(const std::vector<Word>& ws, std::size_t k) {
    auto at = [&](std::size_t i) -> std::string_view {
        return i < ws.size() ? std::string_view(ws[i].lower) : std::string_view();
    };
    const std::string_view w = at(k);
    const bool subject = w == "patient" || w == "he" || w == "she";
    if (!subject)
        return std::string::npos;
    const std::string_view v = at(k + 1);
    if (v == "has" || v == "had" || v == "reports" || v == "reported" || v == "developed" ||
        v == "exhibits")
        return at(k + 2) == "no" || at(k + 2) == "not" ? std::string::npos : k + 2;
    if ((v == "presents" || v == "presented") && at(k + 2) == "with")
        return k + 3;
    if ((v == "complains" || v == "complained") && at(k + 2) == "of")
        return k + 3;
    if (v == "is" && (at(k + 2) == "experiencing" || at(k + 2) == "having"))
        return k + 3;
    return std::string::npos;
}

std::vector<std::string_view> foldedItem(const std::vector<Word>& ws, std::size_t b,
                                         std::size_t e) {
    std::vector<std::string_view> item;
    for (std::size_t i = b; i < e; ++i)
        item.push_back(fold(ws[i].lower));
    return item;
}

// Whether a lowered sentence holds a word that every cue starts with (patient, he, she,
// there, absence, lack): one pass over its words, most sentences have none.
bool mayHoldCue(std::string_view l) {
    std::size_t p = 0;
    while (p < l.size()) {
        if (!isWordByte(l[p])) {
            ++p;
            continue;
        }
        std::size_t e = p;
        while (e < l.size() && isWordByte(l[e]))
            ++e;
        const std::string_view w = l.substr(p, e - p);
        if (w == "patient" || w == "he" || w == "she" || w == "there" || w == "absence" ||
            w == "lack")
            return true;
        p = e;
    }
    return false;
}

} // namespace

std::vector<ReadingFinding> checkStatedFindings(std::string_view question, const OutputText& ot) {
    const std::string_view output = ot.text();
    std::vector<ReadingFinding> out;
    // The question is read only once an output sentence has a cue: most have none, and
    // reading the question is most of this check's time.
    std::optional<TextWords> questionWords;
    std::string questionLower;
    auto questionText = [&]() -> const TextWords& {
        if (!questionWords) {
            questionLower = lowerAscii(question);
            questionWords = analyse(question, questionLower, true);
        }
        return *questionWords;
    };
    const std::string& lowerOutput = ot.lower();
    for (std::size_t si = 0; si < ot.sentences().size(); ++si) {
        const Span& s = ot.sentences()[si];
        // Every cue has one of these words: the patient, he, she, there, absence, lack.
        if (!mayHoldCue(std::string_view(lowerOutput).substr(s.begin, s.end - s.begin)))
            continue;
        const SentenceWords& sw = ot.words(si);
        if (otherPersonIn(sw))
            continue;
        for (std::size_t k = 0; k < sw.ws.size(); ++k) {
            const std::size_t denial = denialCueEnd(sw.ws, k);
            const std::size_t assertion =
                denial == std::string::npos ? assertionCueEnd(sw.ws, k) : std::string::npos;
            const std::size_t cueEnd = denial != std::string::npos ? denial : assertion;
            if (cueEnd == std::string::npos || hedgedBefore(sw, k) || genericAround(sw, k))
                continue;
            const bool nounCue = sw.ws[k].lower == "absence" || sw.ws[k].lower == "lack";
            const auto items = denial != std::string::npos
                                   ? itemsAfter(sw.ws, cueEnd, !nounCue)
                                   : std::vector<std::pair<std::size_t, std::size_t>>{};
            if (denial != std::string::npos) {
                for (auto [b, e] : items) {
                    // The item as written, else shorter at its end ("oral ulcers makes lupus"),
                    // else without its first word(s) while two words remain.
                    bool done = false;
                    for (std::size_t from = b; from < e && !done; ++from)
                        for (std::size_t to = e; to > from && !done; --to) {
                            const std::vector<std::string_view> item = foldedItem(sw.ws, from, to);
                            // A shortened item keeps two words: "no mention of abdominal trauma" is
                            // not "abdominal".
                            if (!itemUsable(item) || ((from > b || to < e) && item.size() < 2))
                                continue;
                            bool asserted = false, negated = false;
                            Span where;
                            occurrences(questionText(), item, asserted, negated, where);
                            if (!asserted && !negated)
                                continue;
                            if (asserted && !negated) {
                                ReadingFinding f;
                                f.kind = ReadingKind::FindingDenied;
                                f.analyte = lowerAscii(
                                    quote(output, {sw.ws[from].begin, sw.ws[to - 1].end}));
                                f.questionSpan = where;
                                f.outputSpan = {sw.ws[k].begin, sw.ws[to - 1].end};
                                f.severity = 2;
                                f.explanation =
                                    "Denies " +
                                    quote(output, {sw.ws[from].begin, sw.ws[to - 1].end}) + " (\"" +
                                    quote(output, f.outputSpan) +
                                    "\"), which the question states (\"" + quote(question, where) +
                                    "\").";
                                out.push_back(std::move(f));
                            }
                            done = true;
                        }
                }
            } else {
                // Assertions: one item directly after the cue, which the question only denies.
                std::size_t b = cueEnd;
                while (b < sw.ws.size() && (sw.ws[b].lower == "a" || sw.ws[b].lower == "an" ||
                                            sw.ws[b].lower == "some"))
                    ++b;
                for (std::size_t len = 3; len >= 1; --len) {
                    if (b + len > sw.ws.size())
                        continue;
                    const std::vector<std::string_view> item = foldedItem(sw.ws, b, b + len);
                    if (!itemUsable(item) || (len == 1 && item[0].size() < 5) ||
                        std::any_of(sw.ws.begin() + b, sw.ws.begin() + b + len,
                                    [](const Word& w) { return w.punct || w.number; }))
                        continue;
                    bool asserted = false, negated = false;
                    Span where;
                    occurrences(questionText(), item, asserted, negated, where);
                    if (!negated || asserted)
                        continue;
                    // Where the question denies it: the first negated occurrence.
                    bool direct = false;
                    for (std::size_t i = 0; i + item.size() <= questionText().folded.size(); ++i)
                        if (questionText().direct[i] && !questionText().excluded[i] &&
                            std::equal(item.begin(), item.end(),
                                       questionText().folded.begin() + i)) {
                            std::size_t from = i;
                            while (from > 0 && from + 6 > i &&
                                   !(in(kQuestionNegations, questionText().ws[from].lower)))
                                --from;
                            where = {questionText().ws[from].begin,
                                     questionText().ws[i + item.size() - 1].end};
                            direct = true;
                            break;
                        }
                    if (!direct)
                        continue;
                    ReadingFinding f;
                    f.kind = ReadingKind::FindingInvented;
                    f.analyte = lowerAscii(quote(output, {sw.ws[b].begin, sw.ws[b + len - 1].end}));
                    f.questionSpan = where;
                    f.outputSpan = {sw.ws[k].begin, sw.ws[b + len - 1].end};
                    f.severity = 2;
                    f.explanation =
                        "Asserts " + quote(output, {sw.ws[b].begin, sw.ws[b + len - 1].end}) +
                        " (\"" + quote(output, f.outputSpan) +
                        "\"), which the question denies (\"" + quote(question, where) + "\").";
                    out.push_back(std::move(f));
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace rs::reading
