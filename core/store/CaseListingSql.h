#pragma once
// The SQL of a CaseQuery: which cases it matches (joins, WHERE and bound values) and in
// which order. Only fixed fragments are spliced in; every value, lists included (as JSON
// for json_each), is bound.
#include "CaseQuery.h"
#include "SqliteStatement.h"

#include <string>
#include <vector>

namespace rs::store {

// Id-set filters are written "+c.id IN" so SQLite scans a narrow covering index and tests
// membership, instead of fetching each matching wide case row by id (one page read per
// case).
struct CaseSql {
    std::string from;  // "FROM cases c ..." with the joins the filter and sort need
    std::string where; // "WHERE ...", "WHERE 1" when the query matches every case
    std::vector<SqlValue> params;

    bool filtersAnything() const { return where != "WHERE 1"; }
};

// Needs the connection to check the FTS5 syntax of the search (the hits go into the
// FtsHits id set) and for the runs' labels. withReviews joins case_review_state as v even
// when neither filter nor sort needs it. Throws std::invalid_argument for an unknown
// finding type.
CaseSql caseSql(SqliteConnection& d, const CaseQuery& q, bool withReviews);

// The sort key expression of the query's sort; never NULL, so that row-value comparisons
// agree with ORDER BY.
std::string sortKey(SqliteConnection& d, CaseQuery::Sort s);

// " ORDER BY ..." for the query's sort, ties broken by case id in the same direction.
// filtered: the WHERE clause narrows the cases.
std::string orderBy(const CaseQuery& q, const std::string& key, bool filtered);

// " AND <a test that f.case_id is one of the cases q matches>" for queries over the
// findings tables as f, or "" when q matches every case. The ids go into the FacetCases id
// set, under the same key facets() uses, so a map and a dashboard of one query share it.
std::string findingsOfMatchingCases(SqliteConnection& d, const CaseQuery& q);

// The text as FTS5 plain words: each whitespace-separated word becomes a quoted FTS5
// string, so operators and punctuation lose their meaning; words without a letter or digit
// are dropped (an empty phrase matches nothing). Empty when no word is left.
std::string plainWordsQuery(const std::string& text);

// The values as a JSON array, for json_each(?).
std::string jsonList(const std::vector<std::int64_t>& values);
std::string jsonList(const std::vector<std::string>& values);

} // namespace rs::store
