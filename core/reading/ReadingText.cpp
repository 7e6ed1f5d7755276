#include "ReadingText.h"

#include <algorithm>
#include <cctype>

namespace rs::reading {

namespace {

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool isAlpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool isNonAscii(char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0;
}

} // namespace

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
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
                   (isWordByte(text[i]) || isNonAscii(text[i]) ||
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
    for (std::size_t i = 0; i < text.size(); ++i) {
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
            std::string prev;
            if (len <= 6)
                prev = lowerAscii(text.substr(w, len));
            cut = !(prev == "vs" || prev == "dr" || prev == "e.g" || prev == "g" || prev == "e" ||
                    prev == "i" || prev == "approx" || prev == "etc" ||
                    (len == 1 && std::isupper(static_cast<unsigned char>(text[w]))));
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
