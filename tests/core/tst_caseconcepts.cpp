// The case_concepts table (schema 3): saveAnalysis fills it from an analysis' mentions,
// reasoning path and evidence anchors and replaces a case's rows on re-analysis; addCase
// and deleting a case drop them; the v2 -> v3 migration backfills it from stored analyses;
// casesMentioning / countCasesMentioning answer from it.
#include "ProjectStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <map>
#include <set>
#include <tuple>

using namespace rs;
using nlohmann::json;

namespace {

json analysis(const std::string& key, const std::vector<std::string>& path,
              const std::vector<std::string>& mentions, const std::vector<std::string>& evidence) {
    json j = {{"id", key}, {"findings", json::array()}};
    json p = json::array();
    for (std::size_t i = 0; i < path.size(); ++i)
        p.push_back({{"name", path[i]}, {"kind", "Disease"}, {"key", "k"}, {"step", int(i)}});
    j["reasoning_path"] = p;
    json m = json::array();
    for (const std::string& n : mentions)
        m.push_back({{"span", {0, 1}}, {"node", n}, {"score", 1.0}, {"matched", n}});
    j["mentions"] = m;
    j["anchors"] = {{"evidence", evidence}, {"options", json::array()}};
    return j;
}

Case makeCase(const std::string& key) {
    Case c;
    c.key = key;
    c.question = "q " + key;
    c.output = "o " + key;
    return c;
}

using Row = std::tuple<std::int64_t, std::string, std::string>;

std::set<Row> rowsOf(const std::string& path) {
    std::set<Row> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT case_id, name, role FROM case_concepts", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.insert({sqlite3_column_int64(st, 0),
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 2))});
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

class TestCaseConcepts : public QObject {
    Q_OBJECT

private slots:
    void saveAnalysisFillsAndReplaces();
    void malformedEntriesAreSkipped();
    void casesMentioningOrderAndLimit();
    void reimportAndDeleteDropRows();
    void migratesVersion2();
    void queryUsesIndex();
    void migrationBackfillsFindingNodes();
};

void TestCaseConcepts::saveAnalysisFillsAndReplaces() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("p.rsproj").toStdString();
    std::string error;
    auto s = ProjectStore::open(path, &error);
    QVERIFY2(s, error.c_str());
    const auto run = s->ensureRun("r", "m", "f", "1");
    const auto a = s->addCase(makeCase("a"), run);
    s->saveAnalysis(a, analysis("a", {"fever", "influenza"}, {"fever", "cough"}, {"fever"}));
    QCOMPARE(rowsOf(path), (std::set<Row>{{a, "fever", "mention"},
                                          {a, "influenza", "mention"},
                                          {a, "cough", "mention"},
                                          {a, "fever", "evidence"}}));
    QCOMPARE(s->countCasesMentioning("fever"), std::int64_t(1)); // both roles: one case
    QCOMPARE(s->casesMentioning("fever", 10), std::vector<std::int64_t>{a});
    QCOMPARE(s->countCasesMentioning("Fever"), std::int64_t(0)); // exact names

    // Re-analysis replaces the rows.
    s->saveAnalysis(a, analysis("a", {"sepsis"}, {}, {}));
    QCOMPARE(rowsOf(path), (std::set<Row>{{a, "sepsis", "mention"}}));
    QCOMPARE(s->countCasesMentioning("fever"), std::int64_t(0));
    QVERIFY(s->casesMentioning("fever", 10).empty());

    // A result without any of the arrays leaves no rows.
    s->saveAnalysis(a, json{{"id", "a"}});
    QVERIFY(rowsOf(path).empty());
}

void TestCaseConcepts::malformedEntriesAreSkipped() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("p.rsproj").toStdString();
    std::string error;
    auto s = ProjectStore::open(path, &error);
    QVERIFY2(s, error.c_str());
    const auto a = s->addCase(makeCase("a"), s->ensureRun("r", "m", "f", "1"));
    json j = {{"id", "a"},
              {"reasoning_path", json::array({json("bare string"), json{{"name", 3}},
                                              json{{"name", ""}}, json{{"name", "ok"}}})},
              {"mentions", json{{"node", "not an array"}}},
              {"anchors", {{"evidence", json::array({json(1), json("ev")})}}}};
    s->saveAnalysis(a, j);
    QCOMPARE(rowsOf(path), (std::set<Row>{{a, "ok", "mention"}, {a, "ev", "evidence"}}));
}

void TestCaseConcepts::casesMentioningOrderAndLimit() {
    QTemporaryDir dir;
    std::string error;
    auto s = ProjectStore::open(dir.filePath("p.rsproj").toStdString(), &error);
    QVERIFY2(s, error.c_str());
    const auto run = s->ensureRun("r", "m", "f", "1");
    std::vector<std::int64_t> withFever;
    {
        ProjectStore::Transaction t(*s);
        for (int i = 0; i < 30; ++i) {
            const std::string key = "c" + std::to_string(i);
            const auto id = s->addCase(makeCase(key), run);
            if (i % 3 == 0) {
                s->saveAnalysis(id, analysis(key, {}, {"fever"}, {}));
                withFever.push_back(id);
            } else if (i % 3 == 1) {
                s->saveAnalysis(id, analysis(key, {}, {}, {"fever"}));
                withFever.push_back(id);
            } else {
                s->saveAnalysis(id, analysis(key, {"cough"}, {}, {}));
            }
        }
        t.commit();
    }
    QCOMPARE(s->countCasesMentioning("fever"), std::int64_t(withFever.size()));
    QCOMPARE(s->casesMentioning("fever", 0), withFever); // no limit, by id
    QCOMPARE(s->casesMentioning("fever", 5),
             std::vector<std::int64_t>(withFever.begin(), withFever.begin() + 5));
    QCOMPARE(s->countCasesMentioning("cough"), std::int64_t(10));
    QCOMPARE(s->countCasesMentioning("nothing"), std::int64_t(0));
}

void TestCaseConcepts::reimportAndDeleteDropRows() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("p.rsproj").toStdString();
    std::string error;
    auto s = ProjectStore::open(path, &error);
    QVERIFY2(s, error.c_str());
    const auto run = s->ensureRun("r", "m", "f", "1");
    const auto a = s->addCase(makeCase("a"), run);
    const auto b = s->addCase(makeCase("b"), run);
    s->saveAnalysis(a, analysis("a", {"fever"}, {}, {}));
    s->saveAnalysis(b, analysis("b", {"fever"}, {}, {}));
    QCOMPARE(s->countCasesMentioning("fever"), std::int64_t(2));
    // Re-importing a case drops its analysis, so its concepts too.
    QCOMPARE(s->addCase(makeCase("a"), run), a);
    QCOMPARE(s->casesMentioning("fever", 0), std::vector<std::int64_t>{b});
    // Deleting a case cascades (foreign keys are on in every connection of the store).
    s.reset();
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "PRAGMA foreign_keys = ON; DELETE FROM cases WHERE case_key = 'b'",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    QVERIFY(rowsOf(path).empty());
}

void TestCaseConcepts::migratesVersion2() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("v2.rsproj").toStdString();
    const json a1 = analysis("c1", {"fever", "influenza"}, {"fever", "cough"}, {"rash"});
    // Odd shapes the backfill must skip, as saveAnalysis does.
    const json a2 = {{"id", "c2"},
                     {"reasoning_path", json::array({json("x"), json{{"name", "sepsis"}}})},
                     {"mentions", json{{"a", 1}}},
                     {"anchors", {{"evidence", json::array({json(2), json("fever")})}}}};
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        std::string sql =
            "PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId) + ";" +
            ProjectStore::migrationSql(1) + ProjectStore::migrationSql(2);
        sql += R"sql(
INSERT INTO meta VALUES ('schema_version', '2'), ('app', 'ReasonScope');
INSERT INTO runs(id, label, model, source_file, source_sha256) VALUES (1, 'old', 'm', 'f', 's');
INSERT INTO cases(id, run_id, case_key, question_id, correct, dataset, model, source_file,
    source_record, gold, prediction, question, options, images, meta, gold_path, output)
VALUES (1, 1, 'c1', 'q1', 0, 'd', 'm', 'f', 0, 'A', 'B', 'q', '[]', '[]', '[]', '[]', 'o'),
       (2, 1, 'c2', 'q2', 1, 'd', 'm', 'f', 1, 'A', 'A', 'q', '[]', '[]', '[]', '[]', 'o'),
       (3, 1, 'c3', 'q3', 1, 'd', 'm', 'f', 2, 'A', 'A', 'q', '[]', '[]', '[]', '[]', 'o');
)sql";
        QVERIFY(!ProjectStore::migrationSql(3).empty());
        char* message = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
        QVERIFY2(rc == SQLITE_OK, message);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO analyses(case_id, json) VALUES (?, ?)", -1, &st,
                           nullptr);
        for (const auto& [id, j] : {std::pair{1, a1}, std::pair{2, a2}}) {
            const std::string text = j.dump();
            sqlite3_bind_int(st, 1, id);
            sqlite3_bind_text(st, 2, text.c_str(), -1, SQLITE_TRANSIENT);
            QCOMPARE(sqlite3_step(st), SQLITE_DONE);
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    std::string error;
    QVERIFY(!ProjectStore::openReadOnly(path, &error)); // needs the upgrade first
    {
        auto s = ProjectStore::open(path, &error);
        QVERIFY2(s, error.c_str());
    }
    QCOMPARE(rowsOf(path), (std::set<Row>{{1, "fever", "mention"},
                                          {1, "influenza", "mention"},
                                          {1, "cough", "mention"},
                                          {1, "rash", "evidence"},
                                          {2, "sepsis", "mention"},
                                          {2, "fever", "evidence"}}));
    auto s = ProjectStore::openReadOnly(path, &error);
    QVERIFY2(s, error.c_str());
    QCOMPARE(s->casesMentioning("fever", 0), (std::vector<std::int64_t>{1, 2}));
    QCOMPARE(s->countCasesMentioning("rash"), std::int64_t(1));

    // The backfill agrees with what saveAnalysis writes for the same results.
    QTemporaryDir dir2;
    const std::string fresh = dir2.filePath("v3.rsproj").toStdString();
    {
        auto w = ProjectStore::open(fresh, &error);
        QVERIFY2(w, error.c_str());
        const auto run = w->ensureRun("old", "m", "f", "s");
        const auto id1 = w->addCase(makeCase("c1"), run);
        const auto id2 = w->addCase(makeCase("c2"), run);
        QCOMPARE(id1, std::int64_t(1));
        QCOMPARE(id2, std::int64_t(2));
        w->saveAnalysis(id1, a1);
        w->saveAnalysis(id2, a2);
    }
    QCOMPARE(rowsOf(fresh), rowsOf(path));
}

void TestCaseConcepts::queryUsesIndex() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("p.rsproj").toStdString();
    std::string error;
    QVERIFY(ProjectStore::open(path, &error));
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db,
                                "EXPLAIN QUERY PLAN SELECT DISTINCT case_id FROM case_concepts "
                                "WHERE name = 'x' ORDER BY case_id LIMIT 10",
                                -1, &st, nullptr),
             SQLITE_OK);
    QString plan;
    while (sqlite3_step(st) == SQLITE_ROW)
        plan += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 3))) + "\n";
    sqlite3_finalize(st);
    sqlite3_close(db);
    QVERIFY2(plan.contains("COVERING INDEX case_concepts_by_name"), qPrintable(plan));
    QVERIFY2(!plan.contains("TEMP B-TREE"), qPrintable(plan));
}

} // namespace

// A version-3 file has findings but no finding_nodes: the v4 migration must fill it from
// the findings' node lists, so the projection map works on older projects.
void TestCaseConcepts::migrationBackfillsFindingNodes() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("v3.rsproj").toStdString();
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        std::string sql =
            "PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId) + ";" +
            ProjectStore::migrationSql(1) + ProjectStore::migrationSql(2) +
            ProjectStore::migrationSql(3);
        sql += R"sql(
INSERT INTO meta VALUES ('schema_version', '3'), ('app', 'ReasonScope');
INSERT INTO runs(id, label, model, source_file, source_sha256) VALUES (1, 'old', 'm', 'f', 's');
INSERT INTO cases(id, run_id, case_key, question_id, correct, dataset, model, source_file,
    source_record, gold, prediction, question, options, images, meta, gold_path, output)
VALUES (1, 1, 'c1', 'q1', 0, 'd', 'm', 'f', 0, 'A', 'B', 'q', '[]', '[]', '[]', '[]', 'o'),
       (2, 1, 'c2', 'q2', 0, 'd', 'm', 'f', 1, 'A', 'B', 'q', '[]', '[]', '[]', '[]', 'o');
INSERT INTO findings(case_id, ord, type, subtype, severity, step, nodes, span_begin, span_end,
    explanation, signature)
VALUES (1, 0, 'relation', 'unsupported', 1, 0, '["aspirin", "fever"]', 0, 0, 'e', 's1'),
       (1, 1, 'branch', 'jump', 2, 1, '["fever", "sepsis", "fever"]', 0, 0, 'e', 's2'),
       (2, 0, 'relation', 'wrong_relation', 2, 0, '["aspirin", ""]', 0, 0, 'e', 's3');
)sql";
        char* message = nullptr;
        QVERIFY2(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK, message);
        sqlite3_close(db);
    }
    std::string error;
    auto s = ProjectStore::open(path, &error);
    QVERIFY2(s, error.c_str());
    const auto concepts = s->findingConcepts(CaseQuery{}, 0);
    std::map<std::string, std::pair<std::int64_t, std::map<std::string, std::int64_t>>> got;
    for (const auto& c : concepts)
        got[c.name] = {c.cases, c.casesByType};
    QCOMPARE(got.size(), std::size_t(3)); // the empty name is not a concept
    QCOMPARE(got["aspirin"].first, std::int64_t(2));
    QCOMPARE(got["fever"].first, std::int64_t(1)); // named twice in one finding, one case
    QCOMPARE(got["fever"].second["branch"], std::int64_t(1));
    QCOMPARE(got["fever"].second["relation"], std::int64_t(1));
    QCOMPARE(got["sepsis"].second.count("relation"), std::size_t(0));
    QCOMPARE(s->casesWithConcepts({"sepsis"}, CaseQuery{}), (std::vector<std::int64_t>{1}));
}

QTEST_APPLESS_MAIN(TestCaseConcepts)
#include "tst_caseconcepts.moc"
