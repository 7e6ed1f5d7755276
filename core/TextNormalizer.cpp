#include "TextNormalizer.h"

namespace rs {

namespace {

bool isAsciiWordByte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char fold(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c);
}

// Lower-case ASCII for the Latin-1 letters U+00C0..U+00FF (second byte of "\xC3.."), so
// "Sjögren" finds "Sjogren" and "Guillain-Barré" "Guillain-Barre"; "" for x and /.
std::string_view latin1Fold(unsigned char second) {
    static constexpr std::string_view kFolds[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    return second >= 0x80 && second <= 0xBF ? kFolds[second - 0x80] : std::string_view();
}

// The character at text[i]: its length in bytes, and whether it is part of a word.
// Non-ASCII characters are word characters (Greek letters, "µ", "℃") except the punctuation
// of U+0080..U+00BF ("°", "±", "«") and U+2000..U+206F (curly quotes, dashes, "…"), and the
// signs x and / of Latin-1. Invalid UTF-8 is taken byte-wise as word bytes, so it cannot
// break tokenization.
struct TextChar {
    std::size_t length = 1;
    bool word = false;
};

TextChar charAt(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
        return {1, isAsciiWordByte(c)};
    const auto at = [&](std::size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const auto continuation = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
    if (c == 0xC2 && continuation(at(1)))
        return {2, at(1) == 0xB5}; // the micro sign is a letter
    if (c == 0xC3 && continuation(at(1)))
        return {2, !latin1Fold(at(1)).empty()};
    if (c == 0xE2 && (at(1) == 0x80 || at(1) == 0x81) && continuation(at(2)))
        return {3, false};
    return {1, true};
}

// A right single quotation mark ("’", U+2019) used as an apostrophe.
bool curlyApostropheAt(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80 &&
           static_cast<unsigned char>(text[i + 2]) == 0x99;
}

} // namespace

std::string_view trimSpace(std::string_view text) {
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    const std::size_t n = text.size();
    // About one token per six bytes of English: fewer reallocations, each moving every token.
    tokens.reserve(n / 6 + 1);
    while (i < n) {
        TextChar ch;
        while (i < n && !(ch = charAt(text, i)).word)
            i += ch.length;
        if (i >= n)
            break;
        Token t;
        t.begin = i;
        bool hasLetter = false, anyLower = false, latin1 = false;
        while (i < n && (ch = charAt(text, i)).word) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c >= 'a' && c <= 'z')
                anyLower = true;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                hasLetter = true;
            if (c == 0xC3 && ch.length == 2) {
                latin1 = hasLetter = true;
                anyLower = anyLower || static_cast<unsigned char>(text[i + 1]) >= 0xA0;
            }
            i += ch.length;
        }
        t.end = i;
        // The word's bytes folded in place: one allocation at most, no growth per byte.
        t.norm.assign(text.data() + t.begin, t.end - t.begin);
        for (char& c : t.norm)
            c = char(fold(static_cast<unsigned char>(c)));
        if (latin1) {
            std::string folded;
            for (std::size_t k = 0; k < t.norm.size(); ++k) {
                const bool letter = static_cast<unsigned char>(t.norm[k]) == 0xC3 &&
                                    k + 1 < t.norm.size() &&
                                    !latin1Fold(static_cast<unsigned char>(t.norm[k + 1])).empty();
                if (letter)
                    folded += latin1Fold(static_cast<unsigned char>(t.norm[++k]));
                else
                    folded.push_back(t.norm[k]);
            }
            t.norm = std::move(folded);
        }
        // Possessive: "Crohn's", "Crohn’s" -> "crohn" (the "s" after an apostrophe is not a
        // word).
        const std::size_t quote = i < n && text[i] == '\'' ? 1 : curlyApostropheAt(text, i) ? 3 : 0;
        if (quote != 0 && i + quote < n && (text[i + quote] == 's' || text[i + quote] == 'S') &&
            (i + quote + 1 >= n || !charAt(text, i + quote + 1).word))
            i += quote + 1;
        t.allUpper = hasLetter && !anyLower;
        tokens.push_back(std::move(t));
    }
    return tokens;
}

std::string normalizeName(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const Token& t : tokenize(text)) {
        if (!out.empty())
            out.push_back(' ');
        out += t.norm;
    }
    return out;
}

} // namespace rs
