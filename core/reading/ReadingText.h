#pragma once
// Small text helpers shared by the reading-error engine: sentences and clauses with byte
// offsets, word tokens, and whole-word search for analyte names (short upper-case
// abbreviations such as "K+" or "PT" match case-sensitively, other names fold case).
#include "ReadingTypes.h"

#include <algorithm>
#include <bitset>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rs::reading {

// A map keyed by strings that a word's string_view finds without building a string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// The first two bytes of a set of lower-case words: most words of a text start no listed
// word, and this rejects them before a map is hashed.
class WordStartFilter {
public:
    void add(std::string_view lowerWord) { bits_.set(key(lowerWord)); }
    bool mayStart(std::string_view lowerWord) const {
        return !lowerWord.empty() && bits_.test(key(lowerWord));
    }

private:
    // The first two bytes and the length: 8,192 bits (a kilobyte) stay in the CPU's
    // first-level cache beside the text; the few words that share a bit cost a map lookup.
    static std::size_t key(std::string_view w) {
        const std::size_t b0 = w.empty() ? 0u : static_cast<unsigned char>(w[0]);
        const std::size_t b1 = w.size() < 2 ? 0u : static_cast<unsigned char>(w[1]);
        const std::size_t len = std::min<std::size_t>(w.size(), 31);
        return ((b0 * 131u + b1) * 37u + len) & 8191u;
    }
    std::bitset<8192> bits_;
};

// A closed list of lower-case words (hedges, negations, ...) asked about every word of a
// text: the start filter turns nearly all words away before any comparison.
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words) : words_(words) {
        for (std::string_view w : words_)
            starts_.add(w);
    }
    bool contains(std::string_view w) const {
        return starts_.mayStart(w) && std::find(words_.begin(), words_.end(), w) != words_.end();
    }

private:
    WordStartFilter starts_;
    std::vector<std::string_view> words_;
};
inline bool in(const WordSet& set, std::string_view w) {
    return set.contains(w);
}

struct Word {
    std::size_t begin = 0, end = 0;
    std::string_view lower; // lower-case ASCII, a view into the lowered text
    bool number = false;    // starts with a digit
    bool punct = false;     // one punctuation byte
};

// Words, numbers ("14,200", "7.4") and single punctuation bytes of text[from, to); lower
// is lowerAscii(text), which each Word's lower points into: it must outlive the words.
std::vector<Word> words(std::string_view text, std::string_view lower, std::size_t from,
                        std::size_t to);

// Sentences of text: split at ". ", "? ", "! ", line breaks and ";"-free; decimals and
// "e.g." stay inside. Spans exclude surrounding white space.
std::vector<Span> sentences(std::string_view text);

std::string lowerAscii(std::string_view s);
inline bool isWordByte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whole-word occurrences of name in text[from, to); lower is lowerAscii(text).
// caseSensitive names compare with text, others with lower.
void findName(std::string_view text, std::string_view lower, std::string_view name,
              bool caseSensitive, std::size_t from, std::size_t to, std::vector<Span>& out);

// Short names with an upper-case letter (abbreviations) are matched case-sensitively.
bool nameIsCaseSensitive(std::string_view name);

// The text of a span, with white space runs collapsed (for quoting in explanations).
std::string quote(std::string_view text, Span span);

} // namespace rs::reading
