#include "ComparisonQueries.h"

#include "CaseListingSql.h"
#include "SqliteStatement.h"

namespace rs::store {

std::vector<ProjectStore::RunCase> runCases(SqliteConnection& d, std::int64_t runId) {
    std::vector<ProjectStore::RunCase> out;
    SqliteStatement q(d, "SELECT c.id, c.case_key, c.question_id, c.correct, "
                         "c.max_severity IS NOT NULL, c.n_relation, c.n_branch, c.n_missing, "
                         "c.n_grounding, c.n_reading, s.verdict FROM cases c "
                         "LEFT JOIN case_review_state s ON s.case_id = c.id "
                         "WHERE c.run_id = ? ORDER BY c.id");
    q.bind(1, runId);
    while (q.step()) {
        ProjectStore::RunCase c;
        c.id = q.integer(0);
        c.key = q.text(1);
        c.questionId = q.text(2);
        if (!q.isNull(3))
            c.correct = q.integer(3) != 0;
        c.analysed = q.integer(4) != 0;
        for (std::size_t t = 0; t < c.findingsByType.size(); ++t)
            c.findingsByType[t] = q.integer(5 + int(t));
        if (!q.isNull(10))
            c.reviewState = q.text(10);
        out.push_back(std::move(c));
    }
    return out;
}

void forEachRunFinding(SqliteConnection& d, std::int64_t runId,
                       const std::function<void(const ProjectStore::RunFinding&)>& fn) {
    SqliteStatement q(d, "SELECT f.case_id, f.type, f.subtype, f.signature FROM findings f "
                         "WHERE f.case_id IN (SELECT id FROM cases WHERE run_id = ?) "
                         "ORDER BY f.case_id, f.ord");
    q.bind(1, runId);
    ProjectStore::RunFinding f;
    while (q.step()) {
        f.caseId = q.integer(0);
        f.type = q.text(1);
        f.subtype = q.text(2);
        f.signature = q.text(3);
        fn(f);
    }
}

std::vector<std::pair<std::string, std::int64_t>>
conceptsOfCases(SqliteConnection& d, const std::vector<std::int64_t>& caseIds, int limit) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    if (caseIds.empty())
        return out;
    SqliteStatement q(d, "SELECT n.name, count(DISTINCT f.case_id) FROM json_each(?1) j "
                         "JOIN findings f ON f.case_id = j.value "
                         "JOIN finding_nodes n ON n.finding_id = f.id "
                         "GROUP BY n.name ORDER BY 2 DESC, 1 LIMIT ?2");
    q.bind(1, jsonList(caseIds)).bind(2, std::int64_t(limit > 0 ? limit : -1));
    while (q.step())
        out.emplace_back(q.text(0), q.integer(1));
    return out;
}

} // namespace rs::store
