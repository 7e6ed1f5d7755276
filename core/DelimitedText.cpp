#include "DelimitedText.h"

namespace rs {

std::optional<Delimiter> sniffDelimiter(std::string_view header) {
    std::size_t tabs = 0, commas = 0;
    bool quoted = false;
    for (const char c : header) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\t')
            ++tabs;
        else if (!quoted && c == ',')
            ++commas;
    }
    if (tabs == 0 && commas == 0)
        return std::nullopt;
    // A TSV header may hold a comma inside a column name; a CSV header holding a tab is
    // far less likely, so a tie goes to tab.
    return commas > tabs ? Delimiter::Comma : Delimiter::Tab;
}

std::string_view trimBlanks(std::string_view field) {
    const std::size_t b = field.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return field.substr(b, field.find_last_not_of(" \t") - b + 1);
}

bool DelimitedSplitter::split(std::string_view line) {
    fields_.clear();
    scratch_.clear();
    // Unquoting only ever shrinks text, so one reservation of the line's size keeps every
    // view into scratch_ valid while later fields are appended.
    if (scratch_.capacity() < line.size())
        scratch_.reserve(line.size());
    error_ = "";
    if (delimiter_ == Delimiter::Comma)
        return splitCsv(line);
    splitTsv(line);
    return true;
}

std::string_view DelimitedSplitter::unquote(std::string_view body) {
    const std::size_t begin = scratch_.size();
    for (std::size_t k = 0; k < body.size(); ++k) {
        scratch_.push_back(body[k]);
        if (body[k] == '"' && k + 1 < body.size() && body[k + 1] == '"')
            ++k;
    }
    return std::string_view(scratch_.data() + begin, scratch_.size() - begin);
}

bool DelimitedSplitter::splitCsv(std::string_view line) {
    const std::size_t n = line.size();
    std::size_t i = 0;
    while (true) {
        if (i < n && line[i] == '"') {
            const std::size_t start = i + 1;
            std::size_t j = start;
            bool doubled = false;
            std::size_t close;
            while (true) {
                close = line.find('"', j);
                if (close == std::string_view::npos) {
                    error_ = "unterminated quoted field";
                    return false;
                }
                if (close + 1 < n && line[close + 1] == '"') {
                    doubled = true;
                    j = close + 2;
                    continue;
                }
                break;
            }
            const std::string_view body = line.substr(start, close - start);
            fields_.push_back(doubled ? unquote(body) : body);
            i = close + 1;
            if (i == n)
                return true;
            if (line[i] != ',') {
                error_ = "text after the closing quote of a field";
                return false;
            }
            ++i;
            continue;
        }
        const std::size_t comma = line.find(',', i);
        if (comma == std::string_view::npos) {
            fields_.push_back(line.substr(i));
            return true;
        }
        fields_.push_back(line.substr(i, comma - i));
        i = comma + 1;
    }
}

void DelimitedSplitter::splitTsv(std::string_view line) {
    std::size_t i = 0;
    while (true) {
        const std::size_t tab = line.find('\t', i);
        std::string_view field =
            line.substr(i, tab == std::string_view::npos ? std::string_view::npos : tab - i);
        if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
            field = field.substr(1, field.size() - 2);
            if (field.find("\"\"") != std::string_view::npos)
                field = unquote(field);
        }
        fields_.push_back(field);
        if (tab == std::string_view::npos)
            return;
        i = tab + 1;
    }
}

} // namespace rs
