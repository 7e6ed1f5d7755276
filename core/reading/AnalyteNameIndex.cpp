#include "AnalyteNameIndex.h"

#include "ReadingText.h"

#include <algorithm>
#include <cctype>

namespace rs::reading {

namespace {

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool firstWordByte(char c) {
    return isWordByte(c) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The lower-case run of letters, digits and non-ASCII bytes at pos.
std::string_view firstWordAt(std::string_view lower, std::size_t pos) {
    std::size_t e = pos;
    while (e < lower.size() && firstWordByte(lower[e]))
        ++e;
    return lower.substr(pos, e - pos);
}

} // namespace

AnalyteNameIndex::AnalyteNameIndex(const ReferenceRangeTable& table) {
    for (const AnalyteInfo& a : table.analytes())
        for (const std::string& n : a.names) {
            const std::string first(firstWordAt(lowerAscii(n), 0));
            firstWords_.add(first);
            byFirstWord_[first].push_back(entries_.size());
            entries_.push_back({n, lowerAscii(n), a.id, nameIsCaseSensitive(n)});
        }
}

std::vector<AnalyteMention> AnalyteNameIndex::find(std::string_view text, std::string_view lower,
                                                   std::size_t from, std::size_t to) const {
    std::vector<AnalyteMention> all;
    for (std::size_t p = from; p < to; ++p) {
        if (!firstWordByte(text[p]) || (p > from && firstWordByte(text[p - 1])) ||
            (p == from && p > 0 && isWordByte(text[p - 1])))
            continue;
        const std::string_view word = firstWordAt(lower.substr(0, to), p);
        const auto it = firstWords_.mayStart(word) ? byFirstWord_.find(word) : byFirstWord_.end();
        if (it != byFirstWord_.end()) {
            for (std::size_t idx : it->second) {
                const Entry& e = entries_[idx];
                const std::size_t end = p + e.name.size();
                if (end > to)
                    continue;
                const std::string_view hay = e.caseSensitive ? text : lower;
                const bool same = e.caseSensitive ? hay.substr(p, e.name.size()) == e.name
                                                  : hay.substr(p, e.name.size()) == e.lowerName;
                if (!same)
                    continue;
                if (end < text.size() && isWordByte(text[end]) && isWordByte(e.name.back()))
                    continue;
                // "K+" must not match inside "K+-ATPase"-like words, nor "Na" inside "Na2".
                if (end + 1 < text.size() && isWordByte(e.name.back()) && text[end] == '-' &&
                    isAsciiLetter(text[end + 1]) && e.name.size() <= 3)
                    continue;
                all.push_back({{p, end}, e.analyte});
            }
        }
        // Past the word just read (its bytes are word bytes in text as in lower).
        if (!word.empty())
            p += word.size() - 1;
    }
    std::sort(all.begin(), all.end(), [](const AnalyteMention& a, const AnalyteMention& b) {
        if (a.span.begin != b.span.begin)
            return a.span.begin < b.span.begin;
        if (a.span.end != b.span.end)
            return a.span.end > b.span.end;
        return a.analyte < b.analyte;
    });
    std::vector<AnalyteMention> kept;
    for (const AnalyteMention& m : all) {
        bool drop = false;
        for (const AnalyteMention& k : kept) {
            const bool same = k.span.begin == m.span.begin && k.span.end == m.span.end;
            if (same && k.analyte == m.analyte)
                drop = true;
            else if (!same && m.span.begin < k.span.end && k.span.begin < m.span.end &&
                     (k.span.end - k.span.begin) >= (m.span.end - m.span.begin))
                drop = true;
        }
        if (!drop)
            kept.push_back(m);
    }
    return kept;
}

} // namespace rs::reading
