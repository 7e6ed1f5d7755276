// The project schema's migrations (core/store/StoreSchema): a file of every older schema,
// holding a reviewed and analysed case, opens as the newest schema with the same tables,
// indexes and triggers as a new file, keeps its rows, and is refused read-only until then.
#include "ProjectStore.h"
#include "store/StoreSchema.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace rs;

namespace {

// Every schema object with its SQL, so two files compare as a whole.
QStringList schemaOf(const std::string& path) {
    QStringList out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
                       "ORDER BY type, name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW)
        out << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

QString scalar(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    QString out = "<error>";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// A file of schema `version` as that version wrote it: its migrations, its version in meta,
// and one case with an analysis, a finding and a case-level review.
bool writeOldFile(const std::string& path, int version, std::string* why) {
    std::string sql =
        "PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId) + ";";
    for (int v = 1; v <= version; ++v)
        sql += store::migrationSql(v);
    sql += "INSERT INTO meta VALUES ('schema_version', '" + std::to_string(version) +
           "'), ('app', 'ReasonScope');";
    sql += R"sql(
INSERT INTO runs(id, label, model, source_file, source_sha256) VALUES (1, 'old', 'm', 'f', 's');
INSERT INTO cases(id, run_id, case_key, question_id, correct, n_relation, max_severity, dataset,
    model, source_file, source_record, gold, prediction, question, options, images, meta,
    gold_path, output)
VALUES (1, 1, 'c1', 'q1', 0, 1, 2, 'd', 'm', 'f', 0, 'A', 'B', 'q', '[]', '[]', '[]', '[]', 'o');
INSERT INTO analyses(case_id, json) VALUES (1,
    '{"id":"c1","mentions":[{"node":"fever"}],"findings":[{"type":"relation"}]}');
INSERT INTO findings(id, case_id, ord, type, subtype, severity, step, nodes, explanation,
    signature) VALUES (1, 1, 0, 'relation', 'wrong_relation', 2, 0, '["fever","aspirin"]', '',
    'relation/wrong_relation/(Symptom,treats,Compound)');
INSERT INTO reviews(case_id, reviewer, role, verdict, severity, comment)
    VALUES (1, 'ann', 'expert', 'rejected', '', '');
)sql";
    // Rows that version's saveAnalysis wrote beside the analysis (the tables of later
    // versions are backfilled by the migrations under test).
    if (version >= 3)
        sql += "INSERT INTO case_concepts(case_id, name, role) VALUES (1, 'fever', 'mention');";
    if (version >= 4)
        sql += "INSERT INTO finding_nodes(finding_id, case_id, type, name) VALUES "
               "(1, 1, 'relation', 'fever'), (1, 1, 'relation', 'aspirin');";
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    if (message)
        *why = message;
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace

class TestStoreSchema : public QObject {
    Q_OBJECT
private slots:
    void stepsAreNumberedToTheNewest();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
};

void TestStoreSchema::stepsAreNumberedToTheNewest() {
    QCOMPARE(ProjectStore::kSchemaVersion, store::kSchemaVersion);
    for (int v = 1; v <= store::kSchemaVersion; ++v)
        QVERIFY2(!store::migrationSql(v).empty(), qPrintable(QString::number(v)));
    QVERIFY(store::migrationSql(0).empty());
    QVERIFY(store::migrationSql(store::kSchemaVersion + 1).empty());
}

void TestStoreSchema::migratesFromEveryOlderVersion_data() {
    QTest::addColumn<int>("version");
    for (int v = 1; v < store::kSchemaVersion; ++v)
        QTest::addRow("from %d", v) << v;
}

void TestStoreSchema::migratesFromEveryOlderVersion() {
    QFETCH(int, version);
    QTemporaryDir dir;
    const std::string fresh = dir.filePath("new.rsproj").toStdString();
    const std::string old = dir.filePath("old.rsproj").toStdString();
    std::string error;
    QVERIFY2(ProjectStore::open(fresh, &error), error.c_str());
    QVERIFY2(writeOldFile(old, version, &error), error.c_str());

    QVERIFY(!ProjectStore::openReadOnly(old, &error));
    QVERIFY2(QString::fromStdString(error).contains("older ReasonScope"), error.c_str());
    QCOMPARE(scalar(old, "SELECT value FROM meta WHERE key = 'schema_version'"),
             QString::number(version)); // refused untouched

    {
        auto s = ProjectStore::open(old, &error);
        QVERIFY2(s, error.c_str());
    }
    QCOMPARE(scalar(old, "SELECT value FROM meta WHERE key = 'schema_version'"),
             QString::number(store::kSchemaVersion));
    QCOMPARE(schemaOf(old), schemaOf(fresh));

    auto s = ProjectStore::openReadOnly(old, &error);
    QVERIFY2(s, error.c_str());
    const auto c = s->loadCase("c1");
    QVERIFY(c);
    QCOMPARE(c->findingIds, std::vector<std::int64_t>{1});
    QCOMPARE(QString::fromStdString(c->data.output), QStringLiteral("o"));
    // Older versions kept no final answer apart and no log-likelihood scoring.
    QVERIFY(c->data.finalAnswer.empty());
    QVERIFY(!c->data.scoredFromLoglikelihoods);
    QCOMPARE(s->reviews(1).size(), std::size_t(1));
    // What later versions added is backfilled from the rows the old file held.
    CaseQuery rejected;
    rejected.reviewState = "rejected";
    QCOMPARE(s->countCases(rejected), std::int64_t(1));
    QCOMPARE(s->casesMentioning("fever", 0), std::vector<std::int64_t>{1});
    QCOMPARE(s->casesWithConcepts({"aspirin"}, {}), std::vector<std::int64_t>{1});
    // Runs stored before the completeness mark (v7) count as whole, as they did.
    QCOMPARE(s->runs().size(), std::size_t(1));
    QVERIFY(s->runs().front().complete);
    s.reset();
    // The mark round-trips: an analysis clears it while it stores a run, then sets it.
    auto w = ProjectStore::open(old, &error);
    QVERIFY2(w, error.c_str());
    w->setRunComplete(1, false);
    QVERIFY(!w->runs().front().complete);
    w->setRunComplete(1, true);
    QVERIFY(w->runs().front().complete);
    // Runs of older files have no description (v8) and can be deleted with their reviewed
    // case, while the case's single verdict still cannot be.
    QCOMPARE(w->runs().front().description, std::string());
    QCOMPARE(w->runContents(1).reviews, std::int64_t(1));
    QCOMPARE(w->deleteRun(1).cases, std::int64_t(1));
    QVERIFY(w->runs().empty());
    QCOMPARE(scalar(old, "SELECT count(*) FROM reviews"), QStringLiteral("0"));
    QCOMPARE(scalar(old, "PRAGMA integrity_check"), QStringLiteral("ok"));
}

QTEST_APPLESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
