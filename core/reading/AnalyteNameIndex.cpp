#include "AnalyteNameIndex.h"

#include "ReadingText.h"

#include <algorithm>

namespace rs::reading {

AnalyteNameIndex::AnalyteNameIndex(const ReferenceRangeTable& table)
{
    for (const AnalyteInfo& a : table.analytes())
        for (const std::string& n : a.names)
            entries_.push_back({n, a.id, nameIsCaseSensitive(n)});
}

std::vector<AnalyteMention> AnalyteNameIndex::find(std::string_view text, std::string_view lower, std::size_t from,
                                                   std::size_t to) const
{
    std::vector<AnalyteMention> all;
    std::vector<Span> hits;
    for (const Entry& e : entries_) {
        hits.clear();
        findName(text, lower, e.name, e.caseSensitive, from, to, hits);
        for (const Span& s : hits)
            all.push_back({s, e.analyte});
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
            else if (!same && m.span.begin < k.span.end && k.span.begin < m.span.end
                     && (k.span.end - k.span.begin) >= (m.span.end - m.span.begin))
                drop = true;
        }
        if (!drop)
            kept.push_back(m);
    }
    return kept;
}

} // namespace rs::reading
