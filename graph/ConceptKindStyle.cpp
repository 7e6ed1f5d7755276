#include "ConceptKindStyle.h"

#include <algorithm>
#include <cctype>

namespace rs {

std::string canonicalConceptKind(std::string_view kind) {
    while (!kind.empty() && std::isspace(static_cast<unsigned char>(kind.front())))
        kind.remove_prefix(1);
    while (!kind.empty() && std::isspace(static_cast<unsigned char>(kind.back())))
        kind.remove_suffix(1);
    std::string k(kind);
    std::transform(k.begin(), k.end(), k.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    struct Alias {
        const char* spelling;
        const char* canonical;
    };
    static constexpr Alias kAliases[] = {
        {"drug", "Compound"},
        {"compound", "Compound"},
        {"effect/phenotype", "Symptom"},
        {"phenotype", "Symptom"},
        {"symptom", "Symptom"},
        {"side effect", "Symptom"},
        {"gene/protein", "Gene"},
        {"gene", "Gene"},
        {"disease", "Disease"},
        {"anatomy", "Anatomy"},
        {"lab finding", "Lab Finding"},
        {"pharmacologic class", "Pharmacologic Class"},
        {"exposure", "Exposure"},
    };
    for (const Alias& a : kAliases)
        if (k == a.spelling)
            return a.canonical;
    return "Other";
}

const char* conceptKindFill(std::string_view kind) {
    struct Fill {
        const char* kind;
        const char* colour;
    };
    static constexpr Fill kFills[] = {
        {"Disease", "#d8c8f0"}, {"Symptom", "#fde4a8"},     {"Compound", "#bfe0f5"},
        {"Anatomy", "#d2ecc0"}, {"Lab Finding", "#f8d0e3"}, {"Pharmacologic Class", "#bfe9e4"},
        {"Gene", "#e4e4e4"},    {"Exposure", "#f3d9c2"},
    };
    const std::string k = canonicalConceptKind(kind);
    for (const Fill& f : kFills)
        if (k == f.kind)
            return f.colour;
    return "#eeeeee";
}

} // namespace rs
