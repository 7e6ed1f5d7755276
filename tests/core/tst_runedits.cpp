// Runs as things a user edits (ProjectStore::renameRun, describeRun, deleteRun): a rename
// keeps labels unique and the patterns' "run/key" names in step; a delete takes the run's
// cases and every row that hangs off them, reviews included, in one transaction, leaves the
// other runs' rows as they were and the file sound, and leaves everything when it fails at
// any point. Single verdicts stay un-editable throughout.
#include "ProjectStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace rs;
using nlohmann::json;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

Case makeCase(const std::string& key) {
    Case c;
    c.key = key;
    c.questionId = "q-" + key;
    c.dataset = "medqa";
    c.model = "model-x";
    c.sourceFile = "/data/run.jsonl";
    c.question = "Which drug treats the fever of " + key + "?";
    c.options = {{"A", "aspirin"}, {"B", "paracetamol"}};
    c.gold = "B";
    c.output = "1. The patient has a fever.\n2. Answer: B";
    c.prediction = "B";
    c.correct = true;
    return c;
}

// Two findings (one shared by every case, so it is a pattern), a gap and a concept.
json makeAnalysis(const std::string& key) {
    auto finding = [](const std::string& sig, int step) {
        return json{{"type", "relation"},
                    {"subtype", "wrong_relation"},
                    {"severity", "major"},
                    {"step", step},
                    {"nodes", json::array({"fever", "paracetamol"})},
                    {"span", json::array({3, 12})},
                    {"explanation", "Claims paracetamol causes fever."},
                    {"signature", sig}};
    };
    return {{"id", key},
            {"correct", true},
            {"prediction", "B"},
            {"reasoning_path", json::array({{{"name", "fever"}, {"kind", "Symptom"}}})},
            {"reference_paths", json::array()},
            {"best_reference", -1},
            {"unanchored_reason", ""},
            {"findings", json::array({finding("sig-shared", 0), finding("sig-" + key, 1)})},
            {"coverage_gaps",
             json::array({{{"text", "zorbitis"}, {"where", "output"}, {"reason", "unknown"}}})},
            {"steps", json::array()},
            {"mentions", json::array()},
            {"claims", json::array()}};
}

// Raw SQL on the file through a connection of its own, for what the store does not offer.
int rawExec(const std::string& path, const std::string& sql, std::string* error = nullptr) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    // As the store's own connections are set up (core/store/ProjectFileCheck).
    sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON", nullptr, nullptr,
                 nullptr);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    if (error)
        *error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    return rc;
}

// Every row of every table a run's deletion may touch, as text: two files (or one file at
// two moments) with the same dump hold the same rows.
const char* const kTables[] = {
    "runs",          "cases",         "analyses",          "findings", "finding_nodes",
    "coverage_gaps", "case_concepts", "case_review_state", "reviews",  "patterns"};

QString dumpTable(sqlite3* db, const char* table) {
    QString out;
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        return QStringLiteral("<error>");
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c)
            out += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, c))) +
                   QLatin1Char('|');
        out += QLatin1Char('\n');
    }
    sqlite3_finalize(st);
    return out;
}

QString dumpAll(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    QString out;
    for (const char* t : kTables)
        out += QLatin1String(t) + QStringLiteral(":\n") + dumpTable(db, t);
    sqlite3_close(db);
    return out;
}

QString scalar(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    QString out = "<error>";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(st);
        out = rc == SQLITE_ROW
                  ? QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)))
                  : QString();
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// The file is sound: SQLite's own check, no dangling reference, the FTS index in step.
void verifySound(const std::string& path) {
    QCOMPARE(scalar(path, "PRAGMA integrity_check"), QStringLiteral("ok"));
    QCOMPARE(scalar(path, "PRAGMA foreign_key_check"), QString());
    std::string error;
    QCOMPARE(rawExec(path, "INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')", &error),
             SQLITE_OK);
}

struct Project {
    QTemporaryDir dir;
    std::string path;
    std::unique_ptr<ProjectStore> store;
    std::int64_t alpha = 0, beta = 0;
    std::vector<std::int64_t> alphaCases, betaCases;
};

// Runs alpha and beta, two analysed cases each; every case has a case-level verdict and its
// first finding a finding verdict.
void fill(Project& p) {
    p.path = p.dir.filePath("p.rsproj").toStdString();
    std::string error;
    p.store = ProjectStore::open(p.path, &error);
    QVERIFY2(p.store, error.c_str());
    ProjectStore& s = *p.store;
    p.alpha = s.ensureRun("alpha", "model-a", "/data/a.jsonl", "sha-a");
    p.beta = s.ensureRun("beta", "model-b", "/data/b.jsonl", "sha-b");
    for (auto [run, ids] : {std::pair{p.alpha, &p.alphaCases}, std::pair{p.beta, &p.betaCases}})
        for (const char* key : {"c1", "c2"}) {
            const std::int64_t id = s.addCase(makeCase(key), run);
            s.saveAnalysis(id, makeAnalysis(key));
            ids->push_back(id);
            ProjectStore::Review r;
            r.caseId = id;
            r.reviewer = "ann";
            r.role = "clinician";
            r.verdict = "confirmed";
            s.addReview(r);
            r.findingId = s.loadCase(id)->findingIds.front();
            r.verdict = "rejected";
            s.addReview(r);
        }
    s.recountPatterns();
}

std::vector<std::string> labels(const ProjectStore& s) {
    std::vector<std::string> out;
    for (const auto& r : s.runs())
        out.push_back(r.label);
    return out;
}

} // namespace

class TestRunEdits : public QObject {
    Q_OBJECT
private slots:
    void renames_data();
    void renames();
    void renameRenamesPatternCases();
    void describes();
    void deleteTakesTheRunAndNothingElse();
    void deleteInsideACallersTransaction();
    void singleVerdictsStayUneditable_data();
    void singleVerdictsStayUneditable();
    void failureMidDeleteLeavesEverything_data();
    void failureMidDeleteLeavesEverything();
    void unknownRun_data();
    void unknownRun();
};

void TestRunEdits::renames_data() {
    QTest::addColumn<QString>("newLabel");
    QTest::addColumn<QString>("error"); // empty: the rename succeeds
    QTest::addRow("new label") << "alpha-v2"
                               << "";
    QTest::addRow("its own label") << "alpha"
                                   << "";
    QTest::addRow("with spaces and slash") << "gpt-4/zhou 01"
                                           << "";
    QTest::addRow("another run's label") << "beta"
                                         << "already labelled \"beta\"";
    QTest::addRow("empty") << ""
                           << "not blank";
    QTest::addRow("blank") << " \t"
                           << "not blank";
}

void TestRunEdits::renames() {
    QFETCH(QString, newLabel);
    QFETCH(QString, error);
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    const QString before = dumpAll(p.path);
    if (error.isEmpty()) {
        p.store->renameRun(p.alpha, newLabel.toStdString());
        QCOMPARE(labels(*p.store), (std::vector<std::string>{newLabel.toStdString(), "beta"}));
        // Cases load by the new label.
        QVERIFY(p.store->loadCase("c1", newLabel.toStdString()));
        QCOMPARE(p.store->loadCase("c1", newLabel.toStdString())->id, p.alphaCases[0]);
    } else {
        try {
            p.store->renameRun(p.alpha, newLabel.toStdString());
            QFAIL("the rename was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(qs(e.what()).contains(error), e.what());
        }
        QCOMPARE(dumpAll(p.path), before);
    }
    verifySound(p.path);
}

void TestRunEdits::renameRenamesPatternCases() {
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    auto casesOf = [&](const std::string& signature) {
        for (const json& pattern : p.store->patterns())
            if (pattern["signature"] == signature)
                return pattern["cases"];
        return json();
    };
    QCOMPARE(casesOf("sig-shared"), json({"alpha/c1", "alpha/c2", "beta/c1", "beta/c2"}));
    p.store->renameRun(p.beta, "gamma");
    QCOMPARE(casesOf("sig-shared"), json({"alpha/c1", "alpha/c2", "gamma/c1", "gamma/c2"}));
}

void TestRunEdits::describes() {
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    const std::string text = "GPT-4, zero-shot CoT; \"Let's think step by step\"\nsecond line, ü";
    p.store->describeRun(p.beta, text);
    p.store.reset();
    std::string error;
    auto s = ProjectStore::openReadOnly(p.path, &error);
    QVERIFY2(s, error.c_str());
    QCOMPARE(s->runs().at(0).description, std::string());
    QCOMPARE(s->runs().at(1).description, text);
    s.reset();
    s = ProjectStore::open(p.path, &error);
    s->describeRun(p.beta, "");
    QCOMPARE(s->runs().at(1).description, std::string());
}

void TestRunEdits::deleteTakesTheRunAndNothingElse() {
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    ProjectStore& s = *p.store;
    std::vector<ProjectStore::Review> betaReviews;
    for (std::int64_t id : p.betaCases)
        for (const auto& r : s.reviews(id))
            betaReviews.push_back(r);
    QCOMPARE(betaReviews.size(), std::size_t(4));

    const ProjectStore::RunContents asked = s.runContents(p.alpha);
    QCOMPARE(asked.cases, std::int64_t(2));
    QCOMPARE(asked.findings, std::int64_t(4));
    QCOMPARE(asked.reviews, std::int64_t(4));
    const ProjectStore::RunContents gone = s.deleteRun(p.alpha);
    QCOMPARE(gone.cases, asked.cases);
    QCOMPARE(gone.findings, asked.findings);
    QCOMPARE(gone.reviews, asked.reviews);

    QCOMPARE(labels(s), std::vector<std::string>{"beta"});
    QCOMPARE(s.countCases(), std::int64_t(2));
    for (std::int64_t id : p.alphaCases) {
        QVERIFY(!s.loadCase(id));
        QVERIFY(s.reviews(id).empty());
    }
    // No table keeps a row of a deleted case.
    const std::string alphaIds =
        std::to_string(p.alphaCases[0]) + ", " + std::to_string(p.alphaCases[1]);
    for (const char* table : {"analyses", "findings", "finding_nodes", "coverage_gaps",
                              "case_concepts", "case_review_state", "reviews"}) {
        const std::string sql =
            std::string("SELECT count(*) FROM ") + table + " WHERE case_id IN (" + alphaIds + ")";
        QCOMPARE(scalar(p.path, sql.c_str()), QStringLiteral("0"));
    }
    // The search index forgot them too: only beta's questions are found.
    QCOMPARE(s.searchCases("fever", 0).size(), std::size_t(2));

    // Beta's reviews are exactly what they were (ids, verdicts, timestamps).
    std::vector<ProjectStore::Review> after;
    for (std::int64_t id : p.betaCases)
        for (const auto& r : s.reviews(id))
            after.push_back(r);
    QCOMPARE(after.size(), betaReviews.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, betaReviews[i].id);
        QCOMPARE(after[i].verdict, betaReviews[i].verdict);
        QCOMPARE(after[i].timestamp, betaReviews[i].timestamp);
        QCOMPARE(after[i].findingSignature, betaReviews[i].findingSignature);
    }
    CaseQuery confirmed;
    confirmed.reviewState = "confirmed";
    QCOMPARE(s.countCases(confirmed), std::int64_t(2));
    // Patterns recounted without the run: the shared signature now spans beta alone.
    QCOMPARE(s.patterns().size(), std::size_t(1));
    QCOMPARE(s.patterns()[0]["cases"], json({"beta/c1", "beta/c2"}));
    verifySound(p.path);

    // The label is free again: a new import under it is a new run.
    QVERIFY(s.ensureRun("alpha", "model-a", "/data/a.jsonl", "sha-a") != p.alpha);
}

void TestRunEdits::deleteInsideACallersTransaction() {
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    const QString before = dumpAll(p.path);
    {
        ProjectStore::Transaction tx(*p.store);
        p.store->deleteRun(p.alpha);
        QCOMPARE(p.store->runs().size(), std::size_t(1));
        // Not committed: the whole deletion goes with the caller's rollback.
    }
    QCOMPARE(dumpAll(p.path), before);
    {
        ProjectStore::Transaction tx(*p.store);
        p.store->deleteRun(p.alpha);
        tx.commit();
    }
    QCOMPARE(labels(*p.store), std::vector<std::string>{"beta"});
    verifySound(p.path);
}

// Deleting a run is the only way a review goes: SQL that edits or deletes a single verdict,
// or deletes a reviewed case on its own, is refused by the schema.
void TestRunEdits::singleVerdictsStayUneditable_data() {
    QTest::addColumn<QString>("sql");
    QTest::addRow("delete one review") << "DELETE FROM reviews WHERE id = 1";
    QTest::addRow("delete every review") << "DELETE FROM reviews";
    QTest::addRow("update a verdict") << "UPDATE reviews SET verdict = 'confirmed' WHERE id = 2";
    QTest::addRow("replace a review")
        << "REPLACE INTO reviews(id, case_id, reviewer, role, verdict, severity, comment) "
           "SELECT id, case_id, 'eve', role, verdict, severity, comment FROM reviews WHERE id = 1";
    QTest::addRow("delete a reviewed case") << "DELETE FROM cases WHERE id = 1";
}

void TestRunEdits::singleVerdictsStayUneditable() {
    QFETCH(QString, sql);
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    p.store.reset();
    const QString before = dumpAll(p.path);
    std::string error;
    QVERIFY(rawExec(p.path, sql.toStdString(), &error) != SQLITE_OK);
    QVERIFY2(qs(error).contains("append-only") || qs(error).contains("FOREIGN KEY"), error.c_str());
    QCOMPARE(dumpAll(p.path), before);
}

// A trigger added to the test's file makes one step of the deletion fail; the deletion
// must then leave every row of every table as it was, and succeed once the fault is gone.
void TestRunEdits::failureMidDeleteLeavesEverything_data() {
    QTest::addColumn<QString>("fault");
    auto fault = [](const char* when) {
        return QStringLiteral("CREATE TRIGGER injected_fault ") + QLatin1String(when) +
               QStringLiteral(" BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
    };
    QTest::addRow("reviews") << fault("BEFORE DELETE ON reviews WHEN old.finding_id IS NOT NULL");
    QTest::addRow("review state") << fault("BEFORE DELETE ON case_review_state");
    QTest::addRow("second case") << fault("BEFORE DELETE ON cases WHEN old.case_key = 'c2'");
    QTest::addRow("analyses") << fault("BEFORE DELETE ON analyses");
    QTest::addRow("findings") << fault("BEFORE DELETE ON findings WHEN old.ord = 1");
    QTest::addRow("finding nodes") << fault("BEFORE DELETE ON finding_nodes");
    QTest::addRow("coverage gaps") << fault("BEFORE DELETE ON coverage_gaps");
    QTest::addRow("concepts") << fault("BEFORE DELETE ON case_concepts");
    QTest::addRow("pattern recount") << fault("BEFORE INSERT ON patterns");
    QTest::addRow("after the run row") << fault("AFTER DELETE ON runs");
}

void TestRunEdits::failureMidDeleteLeavesEverything() {
    QFETCH(QString, fault);
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    std::string error;
    QCOMPARE(rawExec(p.path, fault.toStdString(), &error), SQLITE_OK);
    const QString before = dumpAll(p.path);
    try {
        p.store->deleteRun(p.alpha);
        QFAIL("the deletion went through the fault");
    } catch (const StoreError& e) {
        QVERIFY2(qs(e.what()).contains("injected fault"), e.what());
    }
    QCOMPARE(dumpAll(p.path), before);
    QCOMPARE(p.store->runs().size(), std::size_t(2));
    QCOMPARE(p.store->reviews(p.alphaCases[0]).size(), std::size_t(2));
    verifySound(p.path);

    QCOMPARE(rawExec(p.path, "DROP TRIGGER injected_fault", &error), SQLITE_OK);
    p.store->deleteRun(p.alpha);
    QCOMPARE(labels(*p.store), std::vector<std::string>{"beta"});
    verifySound(p.path);
}

void TestRunEdits::unknownRun_data() {
    QTest::addColumn<int>("edit"); // 0 rename, 1 describe, 2 delete, 3 contents
    for (int e = 0; e < 4; ++e)
        QTest::addRow("%s", std::array{"rename", "describe", "delete", "contents"}[e]) << e;
}

void TestRunEdits::unknownRun() {
    QFETCH(int, edit);
    Project p;
    fill(p);
    if (QTest::currentTestFailed())
        return;
    const QString before = dumpAll(p.path);
    const std::int64_t missing = p.beta + 10;
    try {
        switch (edit) {
        case 0:
            p.store->renameRun(missing, "x");
            break;
        case 1:
            p.store->describeRun(missing, "x");
            break;
        case 2:
            p.store->deleteRun(missing);
            break;
        default:
            p.store->runContents(missing);
            break;
        }
        QFAIL("an unknown run was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(qs(e.what()).contains("no run with id"), e.what());
    }
    QCOMPARE(dumpAll(p.path), before);
}

QTEST_APPLESS_MAIN(TestRunEdits)
#include "tst_runedits.moc"
