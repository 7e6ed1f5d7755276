#pragma once
// A generic triple table, CSV or TSV (told from the header), for graphs that come in no
// standard format. Required columns: head, relation, tail. Optional: head_kind, tail_kind
// (default "Concept"), head_id, tail_id (default "<kind>:<normalized name>", so the same
// name and kind is one node across rows and files).
#include "KgLoadContext.h"
#include "KnowledgeGraph.h"

#include <string>
#include <string_view>

namespace rs {

void loadTripleTable(KnowledgeGraphBuilder& builder, KgLoadContext& context);

// "Associated With" -> "associated_with": ASCII lower case, runs of blanks -> '_'.
std::string normalizeTripleRelation(std::string_view relation);

} // namespace rs
