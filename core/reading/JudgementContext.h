#pragma once
// Where a judgement stands in its sentence: hedged ("may", "if"), general knowledge ("can
// cause", "is characterized by", "such as"), about another person (family, fetus), or
// negated ("no", "does not have", "absence of"). Internal to the reading engine.
#include "ReadingText.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::reading {

struct SentenceWords {
    std::vector<Word> ws;
    std::size_t indexAt(std::size_t byte) const; // first word starting at or after byte
    // otherPersonIn's answer, kept: every check of a sentence asks it (-1 not yet asked).
    mutable signed char otherPerson = -1;
};

// A text (an output, or a question) lowered and split into sentences once, each sentence
// tokenized on first use and then shared by every check of that text.
class OutputText {
public:
    explicit OutputText(std::string_view text);
    // Words view lower_: a copy or a move would leave them pointing into the old text.
    OutputText(const OutputText&) = delete;
    OutputText& operator=(const OutputText&) = delete;
    std::string_view text() const { return text_; }
    const std::string& lower() const { return lower_; }
    const std::vector<Span>& sentences() const { return sentences_; }
    const SentenceWords& words(std::size_t sentence) const;

private:
    std::string_view text_;
    std::string lower_;
    std::vector<Span> sentences_;
    mutable std::vector<std::optional<SentenceWords>> words_;
};

// The first word of the clause holding word k (after ";", "but", "although", ...; with
// commaBreaks also after ",").
std::size_t clauseStart(const SentenceWords& s, std::size_t k, bool commaBreaks);

bool hedgedBefore(const SentenceWords& s, std::size_t k);  // from the clause start to k
bool genericAround(const SentenceWords& s, std::size_t k); // in the whole comma clause of k
bool otherPersonIn(const SentenceWords& s);
// A negation cue within maxGap words before k in the same clause ("no", "not", "without",
// "absence of", "denies", "rules out"); its index, or npos.
std::size_t negationBefore(const SentenceWords& s, std::size_t k, std::size_t maxGap);

} // namespace rs::reading
