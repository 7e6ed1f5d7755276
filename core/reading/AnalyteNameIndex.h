#pragma once
// Every name, synonym and abbreviation of the reference table, searchable in text: where
// a question or an output names an analyte ("Platelet count", "K+", "white blood cells").
#include "ReadingText.h"
#include "ReadingTypes.h"
#include "ReferenceRangeTable.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rs::reading {

struct AnalyteMention {
    Span span;
    std::string analyte;
};

class AnalyteNameIndex {
public:
    explicit AnalyteNameIndex(const ReferenceRangeTable& table);

    // Mentions in text[from, to) (lower = lowerAscii(text)), in text order. Where names
    // overlap the longest wins ("hemoglobin A1c" over "hemoglobin"); one span may name
    // several analytes ("neutrophils": a percentage or a count), each listed.
    std::vector<AnalyteMention> find(std::string_view text, std::string_view lower,
                                     std::size_t from, std::size_t to) const;

private:
    struct Entry {
        std::string name;
        std::string lowerName;
        std::string analyte;
        bool caseSensitive = false;
    };
    std::vector<Entry> entries_;
    // Entries by the lower-case first word of their name, so a text is scanned once, word by
    // word, instead of once per name.
    StringMap<std::vector<std::size_t>> byFirstWord_;
    WordStartFilter firstWords_;
};

} // namespace rs::reading
