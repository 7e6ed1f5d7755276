#pragma once
// How a concept kind looks wherever a path is drawn (the window's path view, the report's
// Graphviz diagram, the KG explorer): the sources' many spellings of a kind folded into
// one canonical name, and that name's fill colour, light enough for black text.
#include <string>
#include <string_view>

namespace rs {

// "Disease", "Symptom", "Compound", "Gene", "Anatomy", "Lab Finding", "Pharmacologic
// Class", "Exposure", or "Other". PrimeKG's "drug", "effect/phenotype", "gene/protein" and
// Hetionet's "Side Effect" are folded in; case and surrounding blanks do not matter.
std::string canonicalConceptKind(std::string_view kind);
// "#rrggbb" of the kind's canonical name; a light grey for "Other".
const char* conceptKindFill(std::string_view kind);

} // namespace rs
