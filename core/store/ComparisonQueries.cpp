#include "ComparisonQueries.h"

#include "CaseListingSql.h"
#include "SqliteStatement.h"

#include <algorithm>
#include <unordered_map>

namespace rs::store {

// The case rows are wide (question and output text): everything here comes from the
// covering indexes cases_listing (run, correctness, counts, severity, key) and
// cases_by_question (question id), so a 100k-case run reads a few MB, not the table.
std::vector<ProjectStore::RunCase> runCases(SqliteConnection& d, std::int64_t runId) {
    std::vector<ProjectStore::RunCase> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    {
        SqliteStatement q(d, "SELECT c.id, c.case_key, c.correct, c.max_severity IS NOT NULL, "
                             "c.n_relation, c.n_branch, c.n_missing, c.n_grounding, c.n_reading, "
                             "s.verdict FROM cases c INDEXED BY cases_listing "
                             "LEFT JOIN case_review_state s ON s.case_id = c.id "
                             "WHERE c.run_id = ?");
        q.bind(1, runId);
        while (q.step()) {
            ProjectStore::RunCase c;
            c.id = q.integer(0);
            c.key = q.text(1);
            if (!q.isNull(2))
                c.correct = q.integer(2) != 0;
            c.analysed = q.integer(3) != 0;
            for (std::size_t t = 0; t < c.findingsByType.size(); ++t)
                c.findingsByType[t] = q.integer(4 + int(t));
            if (!q.isNull(9))
                c.reviewState = q.text(9);
            out.push_back(std::move(c));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    index.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        index.emplace(out[i].id, i);
    SqliteStatement q(d, "SELECT id, question_id FROM cases INDEXED BY cases_by_question");
    while (q.step())
        if (auto it = index.find(q.integer(0)); it != index.end())
            out[it->second].questionId = q.text(1);
    return out;
}

void forEachFindingKind(SqliteConnection& d,
                        const std::function<void(const ProjectStore::FindingKindRow&)>& fn) {
    SqliteStatement q(d, "SELECT case_id, type, subtype FROM findings INDEXED BY findings_by_type "
                         "ORDER BY type, subtype, case_id");
    ProjectStore::FindingKindRow f;
    while (q.step()) {
        f.caseId = q.integer(0);
        f.type = q.text(1);
        f.subtype = q.text(2);
        fn(f);
    }
}

void forEachSignatureCase(
    SqliteConnection& d,
    const std::function<void(std::int64_t caseId, const std::string& signature)>& fn) {
    SqliteStatement q(d, "SELECT case_id, signature FROM findings INDEXED BY findings_by_signature "
                         "ORDER BY signature, case_id");
    std::string signature;
    while (q.step()) {
        signature = q.text(1);
        fn(q.integer(0), signature);
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
