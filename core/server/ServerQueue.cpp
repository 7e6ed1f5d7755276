#include "ServerQueue.h"

#include <stdexcept>

namespace rs::server {

namespace {

// The count column of a finding class; the names come from this fixed list only, so the
// SQL built from them holds no user text.
const char* classColumn(const std::string& findingClass) {
    for (const char* c : {"relation", "branch", "missing", "grounding", "reading"})
        if (findingClass == c)
            return c;
    throw std::invalid_argument("unknown finding class: " + findingClass);
}

} // namespace

std::optional<std::int64_t> claimNextCase(PgConnection& c, std::int64_t projectId,
                                          const std::optional<std::string>& findingClass,
                                          std::chrono::seconds ttl) {
    auto r = c.execParams("SELECT rs.claim_next($1, $2, make_interval(secs => $3))",
                          {std::to_string(projectId), findingClass, std::to_string(ttl.count())});
    if (r.isNull(0, 0))
        return std::nullopt;
    return r.integer(0, 0);
}

std::vector<ServerCaseRow> casesOfClass(PgConnection& c, std::int64_t projectId,
                                        const std::string& findingClass, std::int64_t offset,
                                        std::int64_t limit) {
    const std::string column = std::string("n_") + classColumn(findingClass);
    auto r =
        c.execParams("SELECT c.id, c.case_key, r.label, coalesce(c.max_severity, 0) "
                     "FROM rs.cases c JOIN rs.runs r ON r.id = c.run_id "
                     "WHERE c.project_id = $1 AND c." +
                         column + " > 0 ORDER BY c.max_severity DESC, c.id OFFSET $2 LIMIT $3",
                     {std::to_string(projectId), std::to_string(offset), std::to_string(limit)});
    std::vector<ServerCaseRow> rows;
    for (int i = 0; i < r.rows(); ++i)
        rows.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), int(r.integer(i, 3))});
    return rows;
}

std::int64_t countCasesOfClass(PgConnection& c, std::int64_t projectId,
                               const std::string& findingClass) {
    return c
        .execParams("SELECT coalesce(sum(k.cases), 0) FROM rs.class_counts k "
                    "JOIN rs.runs r ON r.id = k.run_id "
                    "WHERE r.project_id = $1 AND k.class = $2",
                    {std::to_string(projectId), classColumn(findingClass)})
        .integer(0, 0);
}

std::vector<ServerCaseRow> casesOfClassAfter(PgConnection& c, std::int64_t projectId,
                                             const std::string& findingClass,
                                             const ServerCaseRow& after, std::int64_t limit) {
    // Two range scans of the class's index (the rest of after's severity, then the lower
    // severities): the mixed sort directions rule out one row comparison.
    const std::string column = std::string("n_") + classColumn(findingClass);
    const std::string part = "SELECT c.id, c.case_key, c.run_id, c.max_severity AS sev "
                             "FROM rs.cases c WHERE c.project_id = $1 AND c." +
                             column + " > 0 AND ";
    const std::string order = " ORDER BY c.max_severity DESC, c.id LIMIT $4";
    auto r = c.execParams("SELECT p.id, p.case_key, r.label, coalesce(p.sev, 0) FROM ((" + part +
                              "c.max_severity = $2 AND c.id > $3" + order + ") UNION ALL (" + part +
                              "c.max_severity < $2" + order +
                              ")) p JOIN rs.runs r ON r.id = p.run_id "
                              "ORDER BY p.sev DESC, p.id LIMIT $4",
                          {std::to_string(projectId), std::to_string(after.maxSeverity),
                           std::to_string(after.id), std::to_string(limit)});
    std::vector<ServerCaseRow> rows;
    for (int i = 0; i < r.rows(); ++i)
        rows.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), int(r.integer(i, 3))});
    return rows;
}

} // namespace rs::server
