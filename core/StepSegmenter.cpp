#include "StepSegmenter.h"

#include <algorithm>
#include <array>

namespace rs {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}

// Marker must be followed by white space or end the line, else "39.1 C" or "A)b" would
// count as items.
bool markerEnds(std::string_view line, std::size_t i) {
    return i >= line.size() || line[i] == ' ' || line[i] == '\t';
}

enum class LineKind { Blank, Text, Numbered, Bullet };

LineKind classify(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && isSpace(line[i]))
        ++i;
    if (i == line.size())
        return LineKind::Blank;
    const std::string_view s = line.substr(i);
    if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && markerEnds(s, 1))
        return LineKind::Bullet;
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
        static_cast<unsigned char>(s[1]) == 0x80 && static_cast<unsigned char>(s[2]) == 0xA2 &&
        markerEnds(s, 3))
        return LineKind::Bullet;
    // "1." "12)" "1:" (at most 3 digits: a year or a lab value is not a list item)
    std::size_t d = 0;
    while (d < s.size() && d < 4 && isDigit(s[d]))
        ++d;
    if (d >= 1 && d <= 3 && d < s.size() && (s[d] == '.' || s[d] == ')' || s[d] == ':') &&
        markerEnds(s, d + 1))
        return LineKind::Numbered;
    // "(1)" "(a)" "(B)"
    if (s[0] == '(') {
        std::size_t j = 1;
        while (j < s.size() && j < 5 && isDigit(s[j]))
            ++j;
        if (j == 1 && j < s.size() && (isUpper(s[j]) || isLower(s[j])))
            ++j;
        if (j > 1 && j <= 4 && j < s.size() && s[j] == ')' && markerEnds(s, j + 1))
            return LineKind::Numbered;
    }
    // Option items "A)" "a)" "A." "A:" — the usual shape of option-by-option reasoning.
    if (s.size() >= 2 && (isUpper(s[0]) || isLower(s[0])) && markerEnds(s, 2)) {
        if (s[1] == ')' || (isUpper(s[0]) && (s[1] == '.' || s[1] == ':')))
            return LineKind::Numbered;
    }
    // "Step 3:" / "Step 3." / "Step 3)"
    if (s.size() >= 6 && (s[0] == 'S' || s[0] == 's') && s.substr(1, 4) == "tep ") {
        std::size_t j = 5;
        while (j < s.size() && j < 8 && isDigit(s[j]))
            ++j;
        if (j > 5 && j < s.size() && (s[j] == ':' || s[j] == '.' || s[j] == ')'))
            return LineKind::Numbered;
    }
    return LineKind::Text;
}

void trimSpan(std::string_view text, std::size_t& b, std::size_t& e) {
    while (b < e && isSpace(text[b]))
        ++b;
    while (e > b && isSpace(text[e - 1]))
        --e;
}

// Word (letters and inner dots) just before a '.' at position dot, lower-cased.
bool isAbbreviationBefore(std::string_view text, std::size_t begin, std::size_t dot) {
    std::size_t b = dot;
    while (b > begin && (isLower(text[b - 1]) || isUpper(text[b - 1]) || text[b - 1] == '.'))
        --b;
    const std::size_t len = dot - b;
    if (len == 0 || len > 6)
        return false;
    std::array<char, 7> w{};
    for (std::size_t i = 0; i < len; ++i)
        w[i] = isUpper(text[b + i]) ? char(text[b + i] - 'A' + 'a') : text[b + i];
    const std::string_view word(w.data(), len);
    static constexpr std::array<std::string_view, 15> kAbbrev = {
        "e.g", "i.e", "vs", "dr", "mr", "mrs",  "ms",  "approx",
        "fig", "cf",  "al", "st", "ca", "resp", "incl"};
    return std::find(kAbbrev.begin(), kAbbrev.end(), word) != kAbbrev.end();
}

// "2." or "B." opening a list item: the item's text follows, no sentence ends here.
bool isItemMarker(std::string_view text, std::size_t start, std::size_t dot) {
    while (start < dot && isSpace(text[start]))
        ++start;
    const std::string_view s = text.substr(start, dot - start);
    if (s.size() == 1 && (isUpper(s[0]) || isLower(s[0])))
        return true;
    return !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), isDigit);
}

} // namespace

std::vector<TextSpan> StepSegmenter::sentences(std::string_view text, std::size_t begin,
                                               std::size_t end) {
    std::vector<TextSpan> out;
    end = std::min(end, text.size());
    if (begin >= end)
        return out;
    auto emit = [&](std::size_t b, std::size_t e) {
        trimSpan(text, b, e);
        if (b < e)
            out.push_back({b, e});
    };
    std::size_t start = begin;
    std::size_t i = begin;
    while (i < end) {
        const char c = text[i];
        if (c == '\n') {
            emit(start, i);
            start = i + 1;
            ++i;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            std::size_t j = i + 1;
            while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
                ++j;
            while (j < end &&
                   (text[j] == ')' || text[j] == '"' || text[j] == '\'' || text[j] == ']'))
                ++j;
            if (j >= end) {
                i = j;
                continue;
            }
            if (!isSpace(text[j])) {
                i = j;
                continue;
            }
            std::size_t k = j;
            while (k < end && (text[k] == ' ' || text[k] == '\t'))
                ++k;
            const bool lowerNext = k < end && isLower(text[k]);
            if (!lowerNext && !(c == '.' && (isAbbreviationBefore(text, start, i) ||
                                             isItemMarker(text, start, i)))) {
                emit(start, j);
                start = j;
            }
            i = j;
            continue;
        }
        ++i;
    }
    emit(start, end);
    return out;
}

std::vector<Step> StepSegmenter::segment(std::string_view text) {
    struct Block {
        std::size_t begin, end;
        const char* kind;
    };
    std::vector<Block> blocks;
    bool anyItem = false;
    bool open = false;
    Block current{0, 0, "paragraph"};
    auto close = [&] {
        if (open)
            blocks.push_back(current);
        open = false;
    };

    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        const std::size_t lineEnd = nl == std::string_view::npos ? text.size() : nl;
        const LineKind kind = classify(text.substr(pos, lineEnd - pos));
        switch (kind) {
        case LineKind::Blank:
            close();
            break;
        case LineKind::Numbered:
        case LineKind::Bullet:
            close();
            anyItem = true;
            current = {pos, lineEnd, kind == LineKind::Numbered ? "numbered" : "bullet"};
            open = true;
            break;
        case LineKind::Text:
            // A line under an item continues it (wrapped text); elsewhere it starts or
            // continues a paragraph.
            if (open)
                current.end = lineEnd;
            else {
                current = {pos, lineEnd, "paragraph"};
                open = true;
            }
            break;
        }
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    close();

    std::vector<Step> steps;
    if (!anyItem && blocks.size() == 1) {
        for (const TextSpan& s : sentences(text, blocks[0].begin, blocks[0].end))
            steps.push_back(Step{s.begin, s.end, "sentence"});
        return steps;
    }
    steps.reserve(blocks.size());
    for (const Block& b : blocks) {
        std::size_t s = b.begin, e = b.end;
        trimSpan(text, s, e);
        if (s < e)
            steps.push_back(Step{s, e, b.kind});
    }
    return steps;
}

int StepSegmenter::stepAt(const std::vector<Step>& steps, std::size_t offset) {
    if (steps.empty())
        return -1;
    const auto it = std::upper_bound(steps.begin(), steps.end(), offset,
                                     [](std::size_t o, const Step& s) { return o < s.begin; });
    if (it == steps.begin())
        return 0;
    return int(it - steps.begin()) - 1;
}

} // namespace rs
