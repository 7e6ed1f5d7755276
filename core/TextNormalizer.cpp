#include "TextNormalizer.h"

namespace rs {

namespace {

bool isWordByte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char fold(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c);
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
        while (i < n && !isWordByte(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= n)
            break;
        Token t;
        t.begin = i;
        bool hasLetter = false, anyLower = false;
        while (i < n && isWordByte(static_cast<unsigned char>(text[i]))) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c >= 'a' && c <= 'z')
                anyLower = true;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                hasLetter = true;
            ++i;
        }
        t.end = i;
        // The word's bytes folded in place: one allocation at most, no growth per byte.
        t.norm.assign(text.data() + t.begin, t.end - t.begin);
        for (char& c : t.norm)
            c = char(fold(static_cast<unsigned char>(c)));
        // Possessive: "Crohn's" -> "crohn" (the "s" after an apostrophe is not a word).
        if (i + 1 < n && (text[i] == '\'') && (text[i + 1] == 's' || text[i + 1] == 'S') &&
            (i + 2 >= n || !isWordByte(static_cast<unsigned char>(text[i + 2]))))
            i += 2;
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
