#pragma once
// The dashboard's counts under one CaseQuery: cases per run, severity and review state,
// findings per type, subtype and relation signature, and cases per pattern signature.
#include "CaseQuery.h"

namespace rs::store {

struct SqliteConnection;

FacetCounts facets(SqliteConnection& d, const CaseQuery& query);
// For each of the given signatures, the cases the query matches that have a finding of
// that signature, in one grouped pass over the (signature, case_id) index. Signatures
// without such a case are absent from the result.
std::map<std::string, std::int64_t>
countCasesBySignature(SqliteConnection& d, const CaseQuery& query,
                      const std::vector<std::string>& signatures);

} // namespace rs::store
