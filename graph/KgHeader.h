#pragma once
// The header line of a delimited KG source: its delimiter and its column names, so loaders
// find columns by name rather than by position (PrimeKG releases reorder columns).
#include "DelimitedText.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

class KgHeader {
public:
    // False when the line splits into no usable columns (no delimiter, bad quoting).
    // `fallback` is used when the line has a single column and so no delimiter to sniff.
    bool parse(std::string_view line, Delimiter fallback = Delimiter::Tab);

    Delimiter delimiter() const { return delimiter_; }
    std::size_t size() const { return names_.size(); }
    // Column names trimmed and in ASCII lower case, a leading UTF-8 byte-order mark removed.
    const std::vector<std::string>& names() const { return names_; }
    std::optional<std::size_t> column(std::string_view name) const;
    // "a, b, c" for messages.
    std::string joined() const;

private:
    Delimiter delimiter_ = Delimiter::Tab;
    std::vector<std::string> names_;
};

} // namespace rs
