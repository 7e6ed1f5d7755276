#include "OutputImporter.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <cctype>

namespace rs {

namespace {

std::string trim(std::string_view s) {
    return std::string(trimSpace(s)); // a copy: callers keep it
}

} // namespace

const std::vector<std::string>& FieldMapping::targets() {
    static const std::vector<std::string> all = {"id",          "question", "output",   "gold",
                                                 "prediction",  "options",  "model",    "run",
                                                 "question_id", "correct",  "reasoning"};
    return all;
}

std::string FieldMapping::source(const std::string& target) const {
    const auto it = sources.find(target);
    return it == sources.end() ? std::string() : it->second;
}

std::string FieldMapping::toString() const {
    std::string s;
    for (const auto& [target, src] : sources)
        s += (s.empty() ? "" : ",") + target + "=" + src;
    return s;
}

std::optional<FieldMapping> FieldMapping::parse(const std::string& spec, std::string* error) {
    auto fail = [&](std::string message) -> std::optional<FieldMapping> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    if (trim(spec).empty())
        return fail("empty mapping: expected target=source pairs separated by commas, e.g. "
                    "\"question=Question,output=Complex_CoT\"");
    FieldMapping m;
    std::size_t start = 0, index = 0;
    while (start <= spec.size()) {
        std::size_t comma = spec.find(',', start);
        if (comma == std::string::npos)
            comma = spec.size();
        const std::string part = trim(std::string_view(spec).substr(start, comma - start));
        ++index;
        start = comma + 1;
        if (part.empty())
            return fail("part " + std::to_string(index) +
                        " is empty (two commas in a row, or a comma at an end)");
        const auto eq = part.find('=');
        if (eq == std::string::npos)
            return fail("'" + part + "': expected target=source");
        const std::string target = trim(std::string_view(part).substr(0, eq));
        const std::string source = trim(std::string_view(part).substr(eq + 1));
        const auto& known = targets();
        if (std::find(known.begin(), known.end(), target) == known.end()) {
            std::string list;
            for (const auto& t : known)
                list += (list.empty() ? "" : ", ") + t;
            return fail("'" + part + "': unknown target '" + target + "' (targets: " + list + ")");
        }
        if (source.empty())
            return fail("'" + part + "': empty source");
        if (source.front() == '.' || source.back() == '.' || source.find("..") != std::string::npos)
            return fail("'" + part + "': empty segment in the path '" + source + "'");
        if (!m.sources.emplace(target, source).second)
            return fail("'" + part + "': target '" + target + "' is mapped twice");
    }
    if (!m.sources.count("question"))
        return fail("missing question=<source>: the question and the output (or the reasoning) are "
                    "required");
    if (!m.sources.count("output") && !m.sources.count("reasoning"))
        return fail(
            "missing output=<source> (or reasoning=<source>): the question and the output (or the "
            "reasoning) are required");
    return m;
}

} // namespace rs
