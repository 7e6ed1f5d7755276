#include "ProjectReads.h"

#include "SqliteStatement.h"
#include "StoreError.h"

namespace rs::store {

std::optional<std::string> setting(SqliteConnection& d, const std::string& key) {
    SqliteStatement q(d, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.step())
        return std::nullopt;
    return q.text(0);
}

std::vector<std::pair<std::string, std::string>> settings(SqliteConnection& d) {
    std::vector<std::pair<std::string, std::string>> out;
    SqliteStatement q(d, "SELECT key, value FROM settings ORDER BY key");
    while (q.step())
        out.emplace_back(q.text(0), q.text(1));
    return out;
}

std::int64_t externalChangeCounter(SqliteConnection& d) {
    SqliteStatement q(d, "PRAGMA data_version");
    q.step();
    return q.integer(0);
}

std::vector<ProjectStore::KgSource> kgSources(SqliteConnection& d) {
    std::vector<ProjectStore::KgSource> out;
    SqliteStatement q(
        d, "SELECT id, path, format, sha256, nodes, edges, added FROM kg_sources ORDER BY id");
    while (q.step())
        out.push_back(
            {q.integer(0), q.text(1), q.text(2), q.text(3), q.text(6), q.integer(4), q.integer(5)});
    return out;
}

std::vector<ProjectStore::RunInfo> runs(SqliteConnection& d) {
    std::vector<ProjectStore::RunInfo> out;
    // Correlated counts so each is answered from the (run_id, correct) index alone.
    SqliteStatement q(d, R"sql(
SELECT r.id, r.label, r.model, r.source_file, r.source_sha256, r.imported,
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id),
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id AND c.correct = 1),
    (SELECT count(*) FROM cases c WHERE c.run_id = r.id AND c.correct = 0),
    r.complete, r.description
FROM runs r ORDER BY r.id)sql");
    while (q.step()) {
        ProjectStore::RunInfo r;
        r.id = q.integer(0);
        r.label = q.text(1);
        r.model = q.text(2);
        r.sourceFile = q.text(3);
        r.sourceSha256 = q.text(4);
        r.imported = q.text(5);
        r.cases = q.integer(6);
        r.correct = q.integer(7);
        r.incorrect = q.integer(8);
        r.complete = q.integer(9) != 0;
        r.description = q.text(10);
        out.push_back(std::move(r));
    }
    return out;
}

ProjectStore::RunContents runContents(SqliteConnection& d, std::int64_t runId) {
    ProjectStore::RunContents out;
    // The run's cases from the (run_id, correct) index; findings and reviews by case.
    SqliteStatement q(d, R"sql(
SELECT (SELECT count(*) FROM runs WHERE id = ?1),
    (SELECT count(*) FROM cases WHERE run_id = ?1),
    (SELECT count(*) FROM findings WHERE case_id IN (SELECT id FROM cases WHERE run_id = ?1)),
    (SELECT count(*) FROM reviews WHERE case_id IN (SELECT id FROM cases WHERE run_id = ?1)))sql");
    q.bind(1, runId);
    q.step();
    if (q.integer(0) == 0)
        throw StoreError("no run with id " + std::to_string(runId) + " in " + d.path);
    out.cases = q.integer(1);
    out.findings = q.integer(2);
    out.reviews = q.integer(3);
    q.run();
    return out;
}

ProjectStore::Summary summary(SqliteConnection& d) {
    ProjectStore::Summary s;
    s.runs = runs(d);
    for (const auto& r : s.runs)
        s.cases += r.cases;
    auto count = [&](const char* sql) {
        SqliteStatement q(d, sql);
        q.step();
        return q.integer(0);
    };
    // Each count is answered by an index; none reads the wide case rows.
    s.analysedCases = count("SELECT count(*) FROM cases WHERE max_severity IS NOT NULL");
    s.unanchoredCases = count("SELECT count(*) FROM cases WHERE unanchored_reason IS NOT NULL");
    s.importErrors = count("SELECT count(*) FROM import_errors");
    s.coverageGaps = count("SELECT count(*) FROM coverage_gaps");
    SqliteStatement q(d, "SELECT type, subtype, count(*) FROM findings GROUP BY type, subtype");
    while (q.step()) {
        s.findingsByType[q.text(0)] += q.integer(2);
        s.findingsBySubtype[q.text(0)][q.text(1)] = q.integer(2);
    }
    return s;
}

std::vector<ImportError> importErrors(SqliteConnection& d) {
    std::vector<ImportError> out;
    SqliteStatement q(d, "SELECT file, line, record, reason FROM import_errors ORDER BY id");
    while (q.step())
        out.push_back({q.text(0), std::size_t(q.integer(1)), std::size_t(q.integer(2)), q.text(3)});
    return out;
}

nlohmann::json patterns(SqliteConnection& d) {
    nlohmann::json out = nlohmann::json::array();
    SqliteStatement q(d, "SELECT signature, type, subtype, description, count, cases FROM patterns "
                         "ORDER BY id");
    while (q.step()) {
        nlohmann::json p = nlohmann::json::object();
        p["signature"] = q.text(0);
        p["type"] = q.text(1);
        p["subtype"] = q.text(2);
        p["description"] = q.text(3);
        p["count"] = q.integer(4);
        nlohmann::json cases = nlohmann::json::parse(q.text(5), nullptr, false);
        p["cases"] = cases.is_discarded() ? nlohmann::json::array() : std::move(cases);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ProjectStore::PatternSummary> patternSummaries(SqliteConnection& d) {
    std::vector<ProjectStore::PatternSummary> out;
    SqliteStatement q(
        d, "SELECT signature, type, subtype, description, count FROM patterns ORDER BY id");
    while (q.step())
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4)});
    return out;
}

} // namespace rs::store
