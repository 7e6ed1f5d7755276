#pragma once
// PrimeKG's kg.csv: one edge per row with both endpoints described in full
// (relation, display_relation, x_index, x_id, x_type, x_name, x_source, y_index, ...).
// Columns are found by header name. Node key: "<source>:<id>" (e.g. "NCBI:7097"); node
// kinds are mapped onto Hetionet's vocabulary so both graphs merge by name and kind.
#include "KgLoadContext.h"
#include "KnowledgeGraph.h"

#include <string_view>

namespace rs {

void loadPrimeKg(KnowledgeGraphBuilder& builder, KgLoadContext& context);

// "effect/phenotype" -> "Symptom", ...; an unknown type is kept as it is.
std::string_view primeKgKind(std::string_view primeKgType);

} // namespace rs
