#include "JudgementContext.h"

#include "WordLists.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace rs::reading {

namespace {

using words::in;

const WordSet kClauseBreaks = {";",       "but",   "however",   "although", "though",
                               "whereas", "while", "because",   "since",    ":",
                               "so",      "thus",  "therefore", "hence"};

const WordSet kHedges = {"may",        "might",     "could",      "would",     "possibly",
                         "possible",   "probably",  "likely",     "perhaps",   "suspect",
                         "suspected",  "consider",  "considered", "concern",   "unlikely",
                         "expect",     "expected",  "should",     "potential", "potentially",
                         "suggestive", "borderline"};

const WordSet kGeneric = {
    "typical", "suggestive",    "consistent",     "can",        "cause",       "causes",
    "caused",  "causing",       "lead",           "leads",      "leading",     "result",
    "results", "characterized", "characteristic", "associated", "typically",   "usually",
    "often",   "commonly",      "common",         "classic",    "classically", "such",
    "e.g",     "example",       "including",      "include",    "includes",    "patients",
    "risk",    "seen",          "occurs",         "occur",      "manifest",    "manifests",
    "feature", "features",      "hallmark"};

const WordSet kOtherPeople = {"mother",   "father",      "sister",      "brother", "sibling",
                              "siblings", "family",      "parent",      "parents", "son",
                              "daughter", "grandmother", "grandfather", "aunt",    "uncle",
                              "cousin",   "relative",    "relatives",   "husband", "wife",
                              "fetus",    "fetal",       "twin"};

const WordSet kNegations = {"no",    "not",     "without", "absence", "absent",  "lack",
                            "lacks", "lacking", "denies",  "denied",  "neither", "nor",
                            "never", "free",    "n't",     "exclude", "excludes"};

} // namespace

OutputText::OutputText(std::string_view text)
    : text_(text), lower_(lowerAscii(text)), sentences_(reading::sentences(text)),
      words_(sentences_.size()) {}

const SentenceWords& OutputText::words(std::size_t sentence) const {
    if (!words_[sentence])
        words_[sentence] = SentenceWords{
            reading::words(text_, lower_, sentences_[sentence].begin, sentences_[sentence].end)};
    return *words_[sentence];
}

std::size_t SentenceWords::indexAt(std::size_t byte) const {
    std::size_t k = 0;
    while (k < ws.size() && ws[k].begin < byte)
        ++k;
    return k;
}

std::size_t clauseStart(const SentenceWords& s, std::size_t k, bool commaBreaks) {
    std::size_t i = std::min(k, s.ws.size());
    while (i > 0) {
        const std::string_view w = s.ws[i - 1].lower;
        if (in(kClauseBreaks, w) || (commaBreaks && w == ","))
            break;
        --i;
    }
    return i;
}

bool hedgedBefore(const SentenceWords& s, std::size_t k) {
    // "if"/"unless"/"whether" make the rest of the sentence conditional.
    for (std::size_t i = 0; i < std::min(k, s.ws.size()); ++i)
        if (s.ws[i].lower == "if" || s.ws[i].lower == "unless" || s.ws[i].lower == "whether")
            return true;
    for (std::size_t i = clauseStart(s, k, false); i < std::min(k + 1, s.ws.size()); ++i)
        if (in(kHedges, s.ws[i].lower))
            return true;
    return false;
}

bool genericAround(const SentenceWords& s, std::size_t k) {
    const std::size_t from = clauseStart(s, k, false);
    std::size_t to = k;
    while (to < s.ws.size() && s.ws[to].lower != "," && !in(kClauseBreaks, s.ws[to].lower))
        ++to;
    for (std::size_t i = from; i < to; ++i) {
        if (in(kGeneric, s.ws[i].lower))
            return true;
        if (s.ws[i].lower == "g" && i >= 2 && s.ws[i - 1].lower == "." &&
            s.ws[i - 2].lower == "e") // "e.g."
            return true;
    }
    return false;
}

bool otherPersonIn(const SentenceWords& s) {
    if (s.otherPerson < 0)
        s.otherPerson = std::any_of(s.ws.begin(), s.ws.end(),
                                    [](const Word& w) { return in(kOtherPeople, w.lower); })
                            ? 1
                            : 0;
    return s.otherPerson == 1;
}

namespace {
// Words that may stand between "not" and what it denies: "does not have any signs of".
const WordSet kNotFillers = {
    "have", "has",   "had",    "any",          "a",           "an",       "the",      "evidence",
    "of",   "signs", "sign",   "show",         "shows",       "exhibit",  "present",  "with",
    "be",   "been",  "appear", "experiencing", "significant", "clinical", "symptoms", "obviously"};
} // namespace

std::size_t negationBefore(const SentenceWords& s, std::size_t k, std::size_t maxGap) {
    const std::size_t from = clauseStart(s, k, false);
    const std::size_t lo = k > maxGap ? std::max(from, k - maxGap) : from;
    for (std::size_t i = k; i-- > lo;) {
        const std::string_view w = s.ws[i].lower;
        if (w == "not" || w == "n't" || w == "never" || w == "doesn't" || w == "didn't" ||
            w == "isn't" || w == "wasn't" || w == "aren't") {
            // "does not explain the patient's anemia" denies nothing about the patient.
            bool fillersOnly = true;
            for (std::size_t b = i + 1; b < k; ++b)
                fillersOnly = fillersOnly && in(kNotFillers, s.ws[b].lower);
            if (fillersOnly)
                return i;
            continue;
        }
        if (in(kNegations, w))
            return i;
        if ((w == "out") && i > 0 &&
            (s.ws[i - 1].lower == "rule" || s.ws[i - 1].lower == "rules" ||
             s.ws[i - 1].lower == "ruled"))
            return i;
        // "no fever and has weight loss": a new verb ends the negation; a list does not.
        if (w == "with" || w == "has" || w == "had" || w == "have" || w == "shows" ||
            w == "showed" || w == "is" || w == "are" || w == "was" || w == "were" ||
            w == "presents" || w == "reports")
            if (i + 1 < k && !(i > 0 && (s.ws[i - 1].lower == "not" || s.ws[i - 1].lower == "n't" ||
                                         s.ws[i - 1].lower == "does" ||
                                         s.ws[i - 1].lower == "did" || s.ws[i - 1].lower == "do")))
                break;
    }
    return std::string::npos;
}

} // namespace rs::reading
