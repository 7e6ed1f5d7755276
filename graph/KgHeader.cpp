#include "KgHeader.h"

namespace rs {

bool KgHeader::parse(std::string_view line, Delimiter fallback) {
    names_.clear();
    if (line.starts_with("\xEF\xBB\xBF"))
        line.remove_prefix(3);
    delimiter_ = sniffDelimiter(line).value_or(fallback);
    DelimitedSplitter splitter(delimiter_);
    if (!splitter.split(line))
        return false;
    for (std::string_view f : splitter.fields()) {
        std::string name(trimBlanks(f));
        for (char& c : name)
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        names_.push_back(std::move(name));
    }
    return !names_.empty();
}

std::optional<std::size_t> KgHeader::column(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == name)
            return i;
    return std::nullopt;
}

std::string KgHeader::joined() const {
    std::string s;
    for (const auto& n : names_) {
        if (!s.empty())
            s += ", ";
        s += n;
    }
    return s;
}

} // namespace rs
