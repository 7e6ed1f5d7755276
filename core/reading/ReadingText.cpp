#include "ReadingText.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace rs::reading {

namespace {

// ASCII only, whatever the user's locale: a Latin-1 locale must not change what is a word.
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isNonAscii(char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The first byte at or after from that may end a sentence ('.', '?', '!', a line break),
// or text.size(). Eight bytes are tested at a time: outputs are kilobytes of prose and a
// byte-by-byte loop made splitting them a tenth of the reading check.
std::size_t nextSentenceMark(std::string_view text, std::size_t from) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    auto hasByte = [](std::uint64_t v, unsigned char b) {
        const std::uint64_t x = v ^ (ones * b);
        return ((x - ones) & ~x & highs) != 0;
    };
    std::size_t i = from;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t v;
        std::memcpy(&v, text.data() + i, 8);
        if (hasByte(v, '.') || hasByte(v, '?') || hasByte(v, '!') || hasByte(v, '\n'))
            break;
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' || c == '?' || c == '!' || c == '\n')
            return i;
    }
    return i;
}

// Bytes that continue a word: ASCII letters and digits, and every non-ASCII byte. One
// table lookup per byte instead of four comparisons: every sentence is split into words.
const std::bitset<256> kWordBytes = [] {
    std::bitset<256> b;
    for (int c = 0; c < 256; ++c)
        b.set(static_cast<std::size_t>(c), isWordByte(static_cast<char>(c)) || c >= 0x80);
    return b;
}();

// Whether s, lowered, is lowerWord: without building the lowered string (sentences are
// split at every full stop of every output).
bool equalsLower(std::string_view s, std::string_view lowerWord) {
    if (s.size() != lowerWord.size())
        return false;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const char c = s[k] >= 'A' && s[k] <= 'Z' ? static_cast<char>(s[k] - 'A' + 'a') : s[k];
        if (c != lowerWord[k])
            return false;
    }
    return true;
}

} // namespace

std::string lowerAscii(std::string_view s) {
    std::string out(s.size(), '\0');
    // Branch-free on raw bytes, so that the compiler vectorises it: every output and
    // question is lowered once per case.
    const unsigned char* from = reinterpret_cast<const unsigned char*>(s.data());
    unsigned char* to = reinterpret_cast<unsigned char*>(out.data());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = from[i];
        to[i] =
            static_cast<unsigned char>(c + (static_cast<unsigned char>(c - 'A') < 26u ? 32 : 0));
    }
    return out;
}

std::vector<Word> words(std::string_view text, std::string_view lower, std::size_t from,
                        std::size_t to) {
    std::vector<Word> out;
    out.reserve((to - from) / 5 + 4);
    std::size_t i = from;
    while (i < to) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        Word w;
        w.begin = i;
        if (isDigit(c)) {
            w.number = true;
            while (i < to && (isDigit(text[i]) || ((text[i] == ',' || text[i] == '.') &&
                                                   i + 1 < to && isDigit(text[i + 1]))))
                ++i;
        } else if (isAlpha(c) || isNonAscii(c)) {
            // Letters, digits, non-ASCII bytes (µ, ³) and inner hyphens/apostrophes.
            while (i < to &&
                   (kWordBytes[static_cast<unsigned char>(text[i])] ||
                    ((text[i] == '-' || text[i] == '\'') && i + 1 < to && isAlpha(text[i + 1]))))
                ++i;
        } else {
            w.punct = true;
            ++i;
        }
        w.end = i;
        w.lower = lower.substr(w.begin, w.end - w.begin);
        // "patient's" -> "patient" + "'s" is not needed: keep "patient's" as one word.
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> out;
    std::size_t start = 0;
    auto push = [&](std::size_t b, std::size_t e) {
        while (b < e && std::isspace(static_cast<unsigned char>(text[b])))
            ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])))
            --e;
        if (e > b)
            out.push_back({b, e});
    };
    for (std::size_t i = nextSentenceMark(text, 0); i < text.size();
         i = nextSentenceMark(text, i + 1)) {
        const char c = text[i];
        bool cut = false;
        if (c == '\n') {
            cut = true;
        } else if ((c == '.' || c == '?' || c == '!') &&
                   (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            // Not after "e.g", "i.e", "vs", "Dr" or a single capital (initials).
            std::size_t w = i;
            while (w > start && isAlpha(text[w - 1]))
                --w;
            const std::size_t len = i - w;
            const std::string_view prev = text.substr(w, len);
            bool abbreviation = len == 1 && std::isupper(static_cast<unsigned char>(text[w]));
            for (std::string_view a : {"vs", "dr", "e.g", "g", "e", "i", "approx", "etc"})
                abbreviation = abbreviation || equalsLower(prev, a);
            cut = !abbreviation;
        }
        if (cut) {
            push(start, i + (c == '\n' ? 0 : 1));
            start = i + 1;
        }
    }
    push(start, text.size());
    return out;
}

bool nameIsCaseSensitive(std::string_view name) {
    if (name.size() > 5)
        return false;
    for (char c : name)
        if (std::isupper(static_cast<unsigned char>(c)))
            return true;
    return false;
}

void findName(std::string_view text, std::string_view lower, std::string_view name,
              bool caseSensitive, std::size_t from, std::size_t to, std::vector<Span>& out) {
    if (name.empty() || to > text.size())
        return;
    // Cut at `to`: a name absent from a sentence must not send find() on to the text's end
    // (callers search sentence by sentence, which made the search quadratic).
    const std::string_view hay = (caseSensitive ? text : lower).substr(0, to);
    // Most names are written in lower case already: lower only those that are not.
    std::string lowered;
    std::string_view lname = name;
    if (!caseSensitive &&
        std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        lowered = lowerAscii(name);
        lname = lowered;
    }
    std::size_t pos = from;
    while (pos < to) {
        const std::size_t hit = hay.find(lname, pos);
        if (hit == std::string_view::npos || hit + lname.size() > to)
            break;
        const std::size_t end = hit + lname.size();
        const bool startOk = hit == 0 || !isWordByte(text[hit - 1]) || !isWordByte(lname.front());
        bool endOk = end >= text.size() || !isWordByte(text[end]) || !isWordByte(lname.back());
        // "K+" must not match inside "K+-ATPase"-like words, nor "Na" inside "Na2".
        if (endOk && end < text.size() && isWordByte(lname.back()) && text[end] == '-' &&
            end + 1 < text.size() && isAlpha(text[end + 1]) && lname.size() <= 3)
            endOk = false;
        if (startOk && endOk)
            out.push_back({hit, end});
        pos = hit + 1;
    }
}

std::string quote(std::string_view text, Span span) {
    std::string out;
    bool space = false;
    for (std::size_t i = span.begin; i < span.end && i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace rs::reading
