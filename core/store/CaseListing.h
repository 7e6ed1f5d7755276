#pragma once
// The case table's queries: how many cases a CaseQuery matches, a page of its sorted rows
// and a case's position in them. All answered in SQL from the narrow case columns and
// indexes; nothing is cached. Throw std::invalid_argument for an unknown finding type.
#include "CaseQuery.h"

namespace rs::store {

struct SqliteConnection;

std::int64_t countCases(SqliteConnection& d, const CaseQuery& query);
// The keys of the cases, in the query's order.
std::vector<std::string> caseKeys(SqliteConnection& d, const CaseQuery& query);
// Rows [offset, offset + limit) of the sorted list; limit <= 0 means to the end.
std::vector<CaseRow> caseRows(SqliteConnection& d, const CaseQuery& query, std::int64_t offset,
                              std::int64_t limit);
// The 0-based position of the case in the sorted list, -1 when the query excludes it.
std::int64_t rowOfCase(SqliteConnection& d, const CaseQuery& query, std::int64_t caseId);

} // namespace rs::store
