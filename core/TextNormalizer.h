#pragma once
// The one normalization every name lookup agrees on: ASCII case folding, punctuation and
// hyphens as token breaks, collapsed white space. Latin-1 letters fold to ASCII ("Sjögren" is
// "sjogren"), Unicode punctuation breaks like ASCII punctuation, other UTF-8 is kept as it
// is (and invalid UTF-8 cannot break anything).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

struct Token {
    std::size_t begin = 0, end = 0; // byte offsets into the source text
    std::string norm;               // normalized form (lower case)
    bool allUpper = false;          // the original had letters, all upper case (e.g. "MI")
};

// "Type 2 Diabetes-Mellitus" -> "type 2 diabetes mellitus"
std::string normalizeName(std::string_view text);

// Word tokens of text with offsets. Apostrophe-s is dropped ("Crohn's" -> "crohn").
std::vector<Token> tokenize(std::string_view text);

// text without leading and trailing ASCII white space (space, tab, CR, LF, VT, FF).
std::string_view trimSpace(std::string_view text);

} // namespace rs
