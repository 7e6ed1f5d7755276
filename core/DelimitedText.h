#pragma once
// Splits one line of TSV or CSV into fields without allocating per field: the fields are
// views into the line, or into the splitter's own buffer when a quoted field had doubled
// quotes to undo. Views stay valid until the next split() or the line changes.
//
// CSV follows RFC 4180 within one line (a quoted field cannot span lines: the readers are
// line based). TSV has no quoting rule, but some exports (Disease Ontology's TSV) wrap each
// field in double quotes, so a field that starts and ends with a quote loses them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

enum class Delimiter : char { Tab = '\t', Comma = ',' };

// The delimiter a header line uses: the more frequent of tab and comma outside quotes.
// nullopt when the line has neither (one column: nothing to tell them apart).
std::optional<Delimiter> sniffDelimiter(std::string_view header);

// The field without leading and trailing spaces and tabs.
std::string_view trimBlanks(std::string_view field);

class DelimitedSplitter {
public:
    explicit DelimitedSplitter(Delimiter delimiter) : delimiter_(delimiter) {}

    // False on malformed quoting (error() says what); fields() is then unspecified.
    bool split(std::string_view line);

    const std::vector<std::string_view>& fields() const { return fields_; }
    std::size_t size() const { return fields_.size(); }
    std::string_view operator[](std::size_t i) const { return fields_[i]; }
    const char* error() const { return error_; }
    Delimiter delimiter() const { return delimiter_; }

private:
    bool splitCsv(std::string_view line);
    void splitTsv(std::string_view line);
    std::string_view unquote(std::string_view quotedBody);

    Delimiter delimiter_;
    std::vector<std::string_view> fields_;
    std::string scratch_;
    const char* error_ = "";
};

} // namespace rs
