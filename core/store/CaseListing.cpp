#include "CaseListing.h"

#include "CaseListingSql.h"

#include <algorithm>

namespace rs::store {

std::int64_t countCases(SqliteConnection& d, const CaseQuery& query) {
    const CaseSql s = caseSql(d, query, false);
    // The sort's joins do not change the count; leave them out.
    std::string from = "FROM cases c";
    if (query.reviewState)
        from += " LEFT JOIN case_review_state v ON v.case_id = c.id";
    SqliteStatement q(d, "SELECT count(*) " + from + " " + s.where);
    q.bindAll(s.params);
    q.step();
    return q.integer(0);
}

std::vector<std::string> caseKeys(SqliteConnection& d, const CaseQuery& query) {
    const CaseSql s = caseSql(d, query, false);
    std::vector<std::string> out;
    SqliteStatement q(d, "SELECT c.case_key " + s.from + " " + s.where +
                             orderBy(query, sortKey(d, query.sort), s.filtersAnything()));
    q.bindAll(s.params);
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

std::vector<CaseRow> caseRows(SqliteConnection& d, const CaseQuery& query, std::int64_t offset,
                              std::int64_t limit) {
    const CaseSql s = caseSql(d, query, false);
    // First the page's ids, from the narrow columns and indexes only; then the row details
    // of just those ids, so no sort ever carries question text along.
    std::vector<std::int64_t> ids;
    {
        SqliteStatement q(d, "SELECT c.id " + s.from + " " + s.where +
                                 orderBy(query, sortKey(d, query.sort), s.filtersAnything()) +
                                 " LIMIT ? OFFSET ?");
        q.bindAll(s.params);
        const int n = int(s.params.size());
        q.bind(n + 1, limit > 0 ? limit : std::int64_t(-1));
        q.bind(n + 2, std::max<std::int64_t>(offset, 0));
        while (q.step())
            ids.push_back(q.integer(0));
    }
    std::vector<CaseRow> rows;
    if (ids.empty())
        return rows;
    rows.reserve(ids.size());
    SqliteStatement q(d, R"sql(
SELECT c.id, c.run_id, r.label, c.case_key, c.question_id, c.correct, c.n_relation,
    c.n_branch, c.n_missing, c.n_grounding, c.max_severity,
    coalesce(v.verdict, 'unreviewed'), substr(c.question, 1, 120)
FROM json_each(?1) j CROSS JOIN cases c ON c.id = j.value JOIN runs r ON r.id = c.run_id
LEFT JOIN case_review_state v ON v.case_id = c.id
ORDER BY j.key)sql");
    q.bind(1, jsonList(ids));
    while (q.step()) {
        CaseRow row;
        row.id = q.integer(0);
        row.runId = q.integer(1);
        row.run = q.text(2);
        row.key = q.text(3);
        row.questionId = q.text(4);
        if (!q.isNull(5))
            row.correct = q.integer(5) != 0;
        row.nRelation = q.integer(6);
        row.nBranch = q.integer(7);
        row.nMissing = q.integer(8);
        row.nGrounding = q.integer(9);
        if (!q.isNull(10))
            row.maxSeverity = int(q.integer(10));
        row.reviewState = q.text(11);
        row.questionPreview = q.text(12);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::int64_t rowOfCase(SqliteConnection& d, const CaseQuery& query, std::int64_t caseId) {
    CaseSql s = caseSql(d, query, false);
    const std::string key = sortKey(d, query.sort);
    SqlValue keyValue;
    {
        SqliteStatement q(d, "SELECT " + key + " " + s.from + " " + s.where + " AND c.id = ?");
        q.bindAll(s.params);
        q.bind(int(s.params.size()) + 1, caseId);
        if (!q.step())
            return -1;
        if (q.isText(0))
            keyValue = q.text(0);
        else
            keyValue = q.integer(0);
    }
    // Counting the rows before it is one pass over the filtered set, without sorting.
    const char* before = query.descending ? ">" : "<";
    std::string sql = "SELECT count(*) " + s.from + " " + s.where;
    if (query.sort == CaseQuery::Sort::Id) {
        sql += std::string(" AND c.id ") + before + " ?";
    } else {
        sql += " AND (" + key + ", c.id) " + before + " (?, ?)";
        s.params.push_back(keyValue);
    }
    s.params.emplace_back(caseId);
    SqliteStatement q(d, sql);
    q.bindAll(s.params);
    q.step();
    return q.integer(0);
}

} // namespace rs::store
