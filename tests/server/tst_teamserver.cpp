// Team review on a real PostgreSQL server (a throwaway cluster, tests/support/pg_cluster.sh):
// publishing (counts as in the file, idempotent, new runs only), the append-only verdicts
// enforced by the server (UPDATE/DELETE refused, no verdict in another's name), eight
// reviewer processes writing at once, a retried verdict after a lost connection, the queue's
// claims, and the messages for a refused login and a server of another schema version.
#include "CliProcess.h"
#include "PgConnection.h"
#include "PgTestCluster.h"
#include "ProjectStore.h"
#include "Publisher.h"
#include "ReviewerProcesses.h"
#include "ServerQueue.h"
#include "ServerSchema.h"
#include "SharedData.h"
#include "VerdictListener.h"
#include "VerdictLog.h"

#include <sqlite3.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <set>

using namespace rs;
using namespace rs::server;

namespace {

constexpr int kReviewers = 8;
constexpr int kVerdictsEach = 500;

std::int64_t fileCount(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    std::int64_t n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

std::int64_t serverCount(PgConnection& c, const std::string& sql, std::int64_t projectId) {
    if (sql.find("$1") == std::string::npos)
        return c.execParams(sql, {}).integer(0, 0);
    return c.execParams(sql, {std::to_string(projectId)}).integer(0, 0);
}

// The rows of an RFC 4180 CSV report without its "#" lines, less the columns that name
// ids or times of one store (case_id, finding_id, role, reviewed_at), sorted.
std::vector<QStringList> csvRows(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, lineStart = true, comment = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (lineStart && ch == QLatin1Char('#'))
            comment = true;
        lineStart = false;
        if (comment) {
            if (ch == QLatin1Char('\n'))
                comment = false, lineStart = true;
            continue;
        }
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += ch, ++i;
            else if (ch == QLatin1Char('"'))
                quoted = false;
            else
                field += ch;
        } else if (ch == QLatin1Char('"'))
            quoted = true;
        else if (ch == QLatin1Char(','))
            row << field, field.clear();
        else if (ch == QLatin1Char('\n')) {
            row << field, field.clear();
            rows.push_back(row), row.clear();
            lineStart = true;
        } else if (ch != QLatin1Char('\r'))
            field += ch;
    }
    if (rows.empty())
        return rows;
    const QStringList header = rows.front();
    std::vector<QStringList> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        QStringList kept;
        for (qsizetype c = 0; c < header.size() && c < rows[r].size(); ++c)
            if (!QStringList{"case_id", "finding_id", "role", "reviewed_at"}.contains(header[c]))
                kept << rows[r][c];
        out.push_back(kept);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// What a JSON report says, less what names one store (ids, times, the project's path).
QJsonObject reportContent(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject out;
    out["summary"] = o["summary"];
    out["filter"] = o["filter"];
    QJsonArray cases;
    for (const auto& value : o["cases"].toArray()) {
        QJsonObject c = value.toObject();
        QJsonObject kept;
        for (const char* key :
             {"key", "run", "question_id", "correct", "max_severity", "gold", "prediction"})
            kept[key] = c[key];
        kept["findings"] = c["findings"].toArray().size();
        const QJsonObject verdict = c["verdict"].toObject();
        kept["verdict"] = verdict["verdict"];
        kept["reviewer"] = verdict["reviewer"];
        kept["comment"] = verdict["comment"];
        kept["history"] = c["history"].toArray().size();
        cases.append(kept);
    }
    out["cases"] = cases;
    return out;
}

} // namespace

class TestTeamServer : public QObject {
    Q_OBJECT

    test::PgTestCluster cluster_;
    QTemporaryDir home_;
    std::unique_ptr<PgConnection> admin_;
    std::string demo_;
    std::int64_t demoId_ = 0;

    std::unique_ptr<PgConnection> as(const std::string& role) {
        return PgConnection::connect(cluster_.target(role));
    }

    // Publishes through the executable, as a user would; returns its JSON summary.
    QJsonObject publish(const std::string& project, const QString& name) {
        const auto r = test::runCli(RS_CLI_BINARY,
                                    {"publish", "--project", QString::fromStdString(project),
                                     "--db", QString::fromStdString(cluster_.target("publisher1")),
                                     "--name", name, "--json"},
                                    home_.path());
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // Every published count of the project equals the file's (complete runs only).
    void verifyCountsMatch(const std::string& file, std::int64_t projectId) {
        const std::pair<const char*, const char*> pairs[] = {
            {"SELECT count(*) FROM runs", "SELECT count(*) FROM rs.runs WHERE project_id = $1"},
            {"SELECT count(*) FROM cases", "SELECT count(*) FROM rs.cases WHERE project_id = $1"},
            {"SELECT count(*) FROM analyses",
             "SELECT count(*) FROM rs.analyses a JOIN rs.cases c ON c.id = a.case_id "
             "WHERE c.project_id = $1"},
            {"SELECT count(*) FROM findings",
             "SELECT count(*) FROM rs.findings f JOIN rs.cases c ON c.id = f.case_id "
             "WHERE c.project_id = $1"},
            {"SELECT count(*) FROM cases WHERE correct = 1",
             "SELECT count(*) FROM rs.cases WHERE project_id = $1 AND correct"},
            {"SELECT count(*) FROM cases WHERE n_relation + n_branch + n_missing + n_grounding "
             "+ n_reading > 0",
             "SELECT count(*) FROM rs.cases WHERE project_id = $1 AND flagged"},
            {"SELECT count(*) FROM findings WHERE type = 'relation'",
             "SELECT count(*) FROM rs.findings f JOIN rs.cases c ON c.id = f.case_id "
             "WHERE c.project_id = $1 AND f.type = 'relation'"},
        };
        for (const auto& [local, remote] : pairs)
            QCOMPARE(serverCount(*admin_, remote, projectId), fileCount(file, local));
    }

    std::int64_t anyCase() {
        return admin_
            ->execParams("SELECT min(id) FROM rs.cases WHERE project_id = $1",
                         {std::to_string(demoId_)})
            .integer(0, 0);
    }

private slots:
    void initTestCase() {
        const QString reason = cluster_.start(QStringLiteral(RS_PG_CLUSTER_SCRIPT));
        if (reason.startsWith(QStringLiteral("FAILED")))
            QFAIL(qPrintable(reason));
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        admin_ = as("rs_admin");
        admin_->exec(kRoleSetupSql);
        admin_->exec("CREATE ROLE publisher1 LOGIN IN ROLE rs_publisher; "
                     "CREATE ROLE lead1 LOGIN IN ROLE rs_lead; "
                     "CREATE ROLE auditor1 LOGIN IN ROLE rs_auditor; "
                     "GRANT CREATE ON DATABASE rs TO publisher1");
        for (int i = 1; i <= kReviewers; ++i)
            admin_->exec("CREATE ROLE reviewer" + std::to_string(i) + " LOGIN IN ROLE rs_reviewer");
        demo_ = home_.filePath("demo.rsproj").toStdString();
        const auto r = test::runCli(
            RS_CLI_BINARY, {"analyze", "--project", QString::fromStdString(demo_), "--quiet"},
            home_.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject published = publish(demo_, "demo");
        QVERIFY(!published.isEmpty());
        QCOMPARE(published["cases"].toInt(), int(fileCount(demo_, "SELECT count(*) FROM cases")));
        demoId_ = serverProjectId(*admin_, "demo");
        QVERIFY(demoId_ > 0);
        QCOMPARE(
            std::int64_t(published["queued"].toInt()),
            serverCount(*admin_, "SELECT count(*) FROM rs.queue WHERE project_id = $1", demoId_));
        QCOMPARE(std::int64_t(published["queued"].toInt()),
                 fileCount(demo_, "SELECT count(*) FROM cases WHERE n_relation + n_branch + "
                                  "n_missing + n_grounding + n_reading > 0"));
    }
    void cleanupTestCase() { admin_.reset(); }

    void publishedCountsMatchTheFile() {
        verifyCountsMatch(demo_, demoId_);
        auto reviewer = as("reviewer1");
        for (const char* cls : {"relation", "branch", "missing", "grounding", "reading"}) {
            const std::string sql =
                std::string("SELECT count(*) FROM cases WHERE n_") + cls + " > 0";
            QCOMPARE(countCasesOfClass(*reviewer, demoId_, cls), fileCount(demo_, sql.c_str()));
            // The list by pages, offset and keyset alike, is the whole class, worst first.
            const auto all = casesOfClass(*reviewer, demoId_, cls, 0, 1000);
            QCOMPARE(std::int64_t(all.size()), fileCount(demo_, sql.c_str()));
            for (std::size_t i = 1; i < all.size(); ++i)
                QVERIFY(
                    all[i - 1].maxSeverity > all[i].maxSeverity ||
                    (all[i - 1].maxSeverity == all[i].maxSeverity && all[i - 1].id < all[i].id));
            if (all.size() >= 3) {
                const auto after = casesOfClassAfter(*reviewer, demoId_, cls, all[1], 1000);
                QCOMPARE(after.size(), all.size() - 2);
                QCOMPARE(after[0].id, all[2].id);
            }
        }
    }

    void evidenceIsPublishedWithTheAnalysis() {
        // Every finding's case has its analysis, and the analysis is the file's JSON.
        QCOMPARE(serverCount(*admin_,
                             "SELECT count(*) FROM rs.findings f JOIN rs.cases c ON c.id = "
                             "f.case_id LEFT JOIN rs.analyses a ON a.case_id = c.id WHERE "
                             "c.project_id = $1 AND a.case_id IS NULL",
                             demoId_),
                 0);
        QCOMPARE(serverCount(*admin_,
                             "SELECT count(*) FROM rs.analyses a JOIN rs.cases c ON c.id = "
                             "a.case_id WHERE c.project_id = $1 AND jsonb_typeof(a.json -> "
                             "'findings') = 'array'",
                             demoId_),
                 fileCount(demo_, "SELECT count(*) FROM analyses WHERE json_type(json, "
                                  "'$.findings') = 'array'"));
    }

    void publishingAgainChangesNothingAndAddsNewRuns() {
        auto r1 = as("reviewer1");
        const auto caseId = claimNextCase(*r1, demoId_, std::nullopt);
        QVERIFY(caseId);
        addVerdict(*r1, {*caseId, {}, {}, "confirmed", "", "before republish", {}, {}});
        const auto before = serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0);
        const QJsonObject again = publish(demo_, "demo");
        QCOMPARE(again["cases"].toInt(), 0);
        QCOMPARE(again["runs_added"].toArray().size(), 0);
        QCOMPARE(again["runs_already_published"].toArray().size(),
                 int(fileCount(demo_, "SELECT count(*) FROM runs")));
        QCOMPARE(serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0), before);
        QCOMPARE(serverCount(*admin_, "SELECT count(*) FROM rs.queue WHERE case_id = $1", *caseId),
                 0);

        // A copy of the file with one more run, and one cut short: only the new whole run.
        const std::string grown = home_.filePath("grown.rsproj").toStdString();
        QVERIFY(QFile::copy(QString::fromStdString(demo_), QString::fromStdString(grown)));
        {
            std::string error;
            auto store = ProjectStore::open(grown, &error);
            QVERIFY2(store, error.c_str());
            const auto run = store->ensureRun("extra run", "model-x", "/data/x.jsonl", "sha-x");
            const auto cut = store->ensureRun("cut short", "model-y", "/data/y.jsonl", "sha-y");
            for (const char* key : {"x1", "x2", "x3"}) {
                Case c;
                c.key = key;
                c.questionId = key;
                c.dataset = "test";
                c.model = "model-x";
                c.question = "Which drug?";
                c.output = "Tab\there, a newline\nand a backslash \\ survive COPY.";
                store->addCase(c, run);
                store->addCase(c, cut);
            }
            store->setRunComplete(cut, false);
        }
        const QJsonObject grownResult = publish(grown, "demo");
        QCOMPARE(grownResult["runs_added"].toArray().size(), 1);
        QCOMPARE(grownResult["runs_added"].toArray()[0].toString(), QStringLiteral("extra run"));
        QCOMPARE(grownResult["runs_incomplete"].toArray().size(), 1);
        QCOMPARE(grownResult["cases"].toInt(), 3);
        QCOMPARE(
            admin_->execParams("SELECT output FROM rs.cases WHERE case_key = 'x2'", {}).text(0, 0),
            std::string("Tab\there, a newline\nand a backslash \\ survive COPY."));
        QCOMPARE(serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0), before);
    }

    void changingAVerdictIsRefused_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        for (const char* role : {"reviewer2", "lead1", "auditor1", "publisher1", "rs_admin"}) {
            QTest::newRow((std::string(role) + " update").c_str())
                << role << "UPDATE rs.verdicts SET verdict = 'rejected'";
            QTest::newRow((std::string(role) + " delete").c_str())
                << role << "DELETE FROM rs.verdicts";
            QTest::newRow((std::string(role) + " truncate").c_str())
                << role << "TRUNCATE rs.verdicts CASCADE";
        }
    }
    void changingAVerdictIsRefused() {
        QFETCH(QString, role);
        QFETCH(QString, sql);
        auto c = as("reviewer2");
        addVerdict(*c, {anyCase(), {}, {}, "unsure", "", "", {}, {}});
        const auto snapshot = admin_->execParams(
            "SELECT count(*), md5(string_agg(id || verdict || comment, ',' ORDER BY id)) "
            "FROM rs.verdicts",
            {});
        auto who = as(role.toStdString());
        try {
            who->exec(sql.toStdString());
            QFAIL("the server accepted it");
        } catch (const ServerError& e) {
            QCOMPARE(int(e.kind()), int(ServerError::Kind::Refused));
            QCOMPARE(e.sqlState(), std::string("42501"));
        }
        const auto after = admin_->execParams(
            "SELECT count(*), md5(string_agg(id || verdict || comment, ',' ORDER BY id)) "
            "FROM rs.verdicts",
            {});
        QCOMPARE(after.text(0, 0), snapshot.text(0, 0));
        QCOMPARE(after.text(0, 1), snapshot.text(0, 1));
    }

    void theReviewerIsTheLoginRole() {
        auto c = as("reviewer3");
        const auto caseId = *claimNextCase(*c, demoId_, std::nullopt);
        const auto id = addVerdict(*c, {caseId, {}, {}, "confirmed", "major", "", {}, {}});
        QCOMPARE(
            admin_
                ->execParams("SELECT reviewer FROM rs.verdicts WHERE id = $1", {std::to_string(id)})
                .text(0, 0),
            std::string("reviewer3"));
        // Its own name given explicitly is accepted; another's is refused by the server.
        addVerdict(*c, {caseId, {}, {}, "confirmed", "", "", {}, std::string("reviewer3")});
        const auto before = serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0);
        try {
            addVerdict(*c,
                       {caseId, {}, {}, "rejected", "", "forged", {}, std::string("reviewer4")});
            QFAIL("a verdict in another reviewer's name was stored");
        } catch (const ServerError& e) {
            QCOMPARE(int(e.kind()), int(ServerError::Kind::Refused));
        }
        // The auditor, the lead and the publisher (who owns the schema) read everything but
        // write no verdict.
        for (const char* role : {"auditor1", "lead1", "publisher1"}) {
            auto other = as(role);
            QCOMPARE(serverCount(*other, "SELECT count(*) FROM rs.verdicts", 0), before);
            QVERIFY_THROWS_EXCEPTION(
                ServerError, addVerdict(*other, {caseId, {}, {}, "confirmed", "", "", {}, {}}));
        }
        QCOMPARE(serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0), before);
    }

    void aRetryAfterALostConnectionStoresOnce() {
        auto c = as("reviewer5");
        const auto caseId = *claimNextCase(*c, demoId_, std::nullopt);
        ServerVerdict v{caseId, {}, {}, "rejected", "", "retried", newRequestId(), {}};
        const auto first = addVerdict(*c, v);
        // The server drops the connection after the commit, before the client heard back.
        const auto pid = std::to_string(PQbackendPID(c->handle()));
        admin_->execParams("SELECT pg_terminate_backend($1::int)", {pid});
        const auto again = addVerdictRetrying(*c, v);
        QCOMPARE(again, first);
        QVERIFY(c->isOpen());
        QCOMPARE(admin_
                     ->execParams("SELECT count(*) FROM rs.verdicts WHERE request_id = $1",
                                  {v.requestId})
                     .integer(0, 0),
                 std::int64_t(1));
    }

    void theQueueHandsACaseToOneReviewer() {
        auto a = as("reviewer6");
        auto b = as("reviewer7");
        const auto ca = claimNextCase(*a, demoId_, std::nullopt);
        const auto cb = claimNextCase(*b, demoId_, std::nullopt);
        QVERIFY(ca && cb);
        QVERIFY(*ca != *cb);
        QCOMPARE(claimNextCase(*a, demoId_, std::nullopt), ca); // still theirs
        // Once a's claim has expired, b may be handed the case.
        admin_->execParams("UPDATE rs.claims SET expires = now() - interval '1 second' "
                           "WHERE case_id = $1",
                           {std::to_string(*ca)});
        admin_->execParams("UPDATE rs.claims SET expires = now() - interval '1 second' "
                           "WHERE case_id = $1",
                           {std::to_string(*cb)});
        QCOMPARE(claimNextCase(*b, demoId_, std::nullopt), ca);
        // A case-level verdict takes the case out of the queue.
        addVerdict(*b, {*ca, {}, {}, "confirmed", "", "", {}, {}});
        const auto next = claimNextCase(*b, demoId_, std::nullopt);
        QVERIFY(!next || *next != *ca);
        // The class filter hands only cases of that class.
        if (const auto rel = claimNextCase(*a, demoId_, std::string("relation")))
            QVERIFY(serverCount(*admin_, "SELECT n_relation FROM rs.cases WHERE id = $1", *rel) >
                    0);
        QVERIFY_THROWS_EXCEPTION(ServerError, claimNextCase(*a, demoId_, std::string("nonsense")));
        // Reviewers cannot write claims or the queue except through the queue function.
        QVERIFY_THROWS_EXCEPTION(ServerError, a->exec("DELETE FROM rs.queue"));
        QVERIFY_THROWS_EXCEPTION(ServerError, a->exec("UPDATE rs.claims SET reviewer = 'x'"));
    }

    void refusedLoginAndSchemaVersionsAreNamed_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("older") << kServerSchemaVersion - 1 << "older than this ReasonScope";
        QTest::newRow("newer") << kServerSchemaVersion + 1 << "newer than this ReasonScope";
    }
    void refusedLoginAndSchemaVersionsAreNamed() {
        QFETCH(int, version);
        QFETCH(QString, expected);
        try {
            as("nobody_here");
            QFAIL("an unknown role logged in");
        } catch (const ServerError& e) {
            QCOMPARE(int(e.kind()), int(ServerError::Kind::Login));
        }
        PgTransaction tx(*admin_);
        admin_->execParams("UPDATE rs.schema_info SET version = $1", {std::to_string(version)});
        try {
            checkServerSchema(*admin_);
            QFAIL("a server of another schema version was accepted");
        } catch (const ServerError& e) {
            QCOMPARE(int(e.kind()), int(ServerError::Kind::Schema));
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    } // rolls back

    void aPasswordOnTheCommandLineIsRefused() {
        const auto r = test::runCli(RS_CLI_BINARY,
                                    {"publish", "--project", QString::fromStdString(demo_), "--db",
                                     "postgresql://publisher1:secret@localhost/rs"},
                                    home_.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("~/.pgpass"));
    }

    void anotherReviewersVerdictIsAnnounced() {
        VerdictListener listener(cluster_.target("lead1"));
        QVERIFY(listener.wait(std::chrono::milliseconds(0)).empty());
        auto c = as("reviewer8");
        const auto caseId = anyCase();
        const auto id = addVerdict(*c, {caseId, {}, {}, "unsure", "", "announced", {}, {}});
        // Waits for the notice; the bound only keeps a broken server from hanging the test.
        const auto notices = listener.wait(std::chrono::seconds(30), demoId_);
        QCOMPARE(notices.size(), std::size_t(1));
        QCOMPARE(notices[0].caseId, caseId);
        QCOMPARE(notices[0].verdictId, id);
        QCOMPARE(notices[0].projectId, demoId_);
        QCOMPARE(notices[0].reviewer, std::string("reviewer8"));
        // A verdict that rolls back is not announced: the next notice is the next commit's.
        {
            PgTransaction tx(*c);
            addVerdict(*c, {caseId, {}, {}, "unsure", "", "rolled back", {}, {}});
        }
        const auto next = addVerdict(*c, {caseId, {}, {}, "confirmed", "", "after", {}, {}});
        const auto after = listener.wait(std::chrono::seconds(30), demoId_);
        QCOMPARE(after.size(), std::size_t(1));
        QCOMPARE(after[0].verdictId, next);
    }

    void pullingGivesTheProjectWithItsVerdicts() {
        const QString pulled = home_.filePath("pulled.rsproj");
        const QStringList args = {
            "pull",   "--db",  QString::fromStdString(cluster_.target("auditor1")),
            "--name", "demo",  "--project",
            pulled,   "--json"};
        const auto r = test::runCli(RS_CLI_BINARY, args, home_.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        verifyCountsMatch(pulled.toStdString(), demoId_);
        const auto verdicts = serverCount(*admin_,
                                          "SELECT count(*) FROM rs.verdicts v JOIN rs.cases c ON "
                                          "c.id = v.case_id WHERE c.project_id = $1",
                                          demoId_);
        QVERIFY(verdicts > 0);
        QCOMPARE(fileCount(pulled.toStdString(), "SELECT count(*) FROM reviews"), verdicts);
        QCOMPARE(fileCount(pulled.toStdString(),
                           "SELECT count(DISTINCT reviewer) FROM reviews WHERE reviewer LIKE "
                           "'reviewer%'"),
                 serverCount(*admin_,
                             "SELECT count(DISTINCT reviewer) FROM rs.verdicts v JOIN rs.cases c "
                             "ON c.id = v.case_id WHERE c.project_id = $1",
                             demoId_));
        // Reports read it as any project file.
        const QString csv = home_.filePath("pulled.csv");
        const auto report = test::runCli(
            RS_CLI_BINARY,
            {"report", "--project", pulled, "--out", csv, "--format", "csv", "--quiet"},
            home_.path());
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY(QFileInfo(csv).size() > 0);
        // Never over an existing file.
        QCOMPARE(test::runCli(RS_CLI_BINARY, args, home_.path()).exitCode, 1);
        QCOMPARE(
            test::runCli(RS_CLI_BINARY,
                         {"pull", "--db", QString::fromStdString(cluster_.target("auditor1")),
                          "--name", "no such project", "--project", home_.filePath("none.rsproj")},
                         home_.path())
                .exitCode,
            1);
        QVERIFY(!QFileInfo::exists(home_.filePath("none.rsproj")));
    }

    // Eight reviewers, each its own OS process (teamserver_reviewer) logged in as its own
    // role, write 500 verdicts each at once through the window's call (addVerdictRetrying),
    // on findings and then on cases (last but one: these empty the demo's review queue).
    // The server holds exactly what each process reported, in its role, no request id
    // twice; each process's UPDATE and DELETE of its verdicts, sent while the others may
    // still be writing, is refused, and nothing is changed.
    void eightReviewerProcessesAtOnceLoseNone_data() {
        QTest::addColumn<QString>("level");
        QTest::newRow("on findings") << "finding";
        QTest::newRow("on cases") << "case";
    }
    void eightReviewerProcessesAtOnceLoseNone() {
        QFETCH(QString, level);
        const auto before = serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0);
        std::vector<std::string> roles, targets;
        for (int r = 1; r <= kReviewers; ++r) {
            roles.push_back("reviewer" + std::to_string(r));
            targets.push_back(cluster_.target(roles.back()));
        }
        const auto result = test::runReviewersAtOnce(RS_REVIEWER_BINARY, roles, targets, demoId_,
                                                     kVerdictsEach, level);
        QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
        QCOMPARE(int(result.runs.size()), kReviewers);
        const char* verdicts[] = {"confirmed", "rejected", "unsure"};
        std::set<std::string> requestIds;
        std::vector<std::pair<std::int64_t, int>> owners; // verdict id, process
        for (int k = 0; k < kReviewers; ++k) {
            const auto& run = result.runs[std::size_t(k)];
            QVERIFY2(run.exitCode == 0,
                     qPrintable(QString::fromStdString(run.role) + ": " + run.err));
            QCOMPARE(int(run.stored.size()), kVerdictsEach);
            QCOMPARE(run.update, QStringLiteral("42501"));
            QCOMPARE(run.remove, QStringLiteral("42501"));
            const std::string tag = "load " + level.toStdString() + " " + std::to_string(k) + " ";
            std::vector<std::string> reported, held;
            for (const auto& s : run.stored) {
                reported.push_back(std::to_string(s.id) + " " + s.requestId + " " + run.role + " " +
                                   verdicts[s.index % 3] + " " + tag + std::to_string(s.index));
                requestIds.insert(s.requestId);
                owners.emplace_back(s.id, k);
            }
            const auto rows = admin_->execParams(
                "SELECT id, request_id::text, reviewer, verdict, comment FROM rs.verdicts "
                "WHERE comment LIKE $1",
                {tag + "%"});
            for (int i = 0; i < rows.rows(); ++i)
                held.push_back(rows.text(i, 0) + " " + rows.text(i, 1) + " " + rows.text(i, 2) +
                               " " + rows.text(i, 3) + " " + rows.text(i, 4));
            std::sort(reported.begin(), reported.end());
            std::sort(held.begin(), held.end());
            QCOMPARE(held.size(), reported.size());
            const auto diff = std::mismatch(held.begin(), held.end(), reported.begin());
            const std::string first =
                diff.first == held.end() ? std::string() : *diff.first + " | " + *diff.second;
            QVERIFY2(first.empty(), first.c_str()); // held | reported
        }
        QCOMPARE(int(requestIds.size()), kReviewers * kVerdictsEach);
        QCOMPARE(serverCount(*admin_, "SELECT count(*) FROM rs.verdicts", 0) - before,
                 std::int64_t(kReviewers * kVerdictsEach));
        QCOMPARE(serverCount(*admin_,
                             "SELECT count(*) - count(DISTINCT request_id) FROM rs.verdicts", 0),
                 0);
        // The review state holds each case's latest case-level verdict, however the
        // concurrent inserts interleaved.
        QCOMPARE(serverCount(*admin_,
                             "SELECT count(*) FROM rs.case_review_state s WHERE s.verdict_id <> "
                             "(SELECT max(id) FROM rs.verdicts v WHERE v.case_id = s.case_id AND "
                             "v.finding_signature IS NULL)",
                             0),
                 0);
        // How far the processes' commits interleaved (verdict ids in order, one process to
        // another), for the note; not asserted, it is up to the scheduler.
        std::sort(owners.begin(), owners.end());
        int switches = 0;
        for (std::size_t i = 1; i < owners.size(); ++i)
            switches += owners[i].second != owners[i - 1].second;
        qInfo("%d processes x %d verdicts %s: %lld ms from go to the last exit; %d switches "
              "between processes in id order",
              kReviewers, kVerdictsEach, qPrintable(level), result.writingMs, switches);
    }

    // GPT-3.5 and GPT-4 on the ThoughtSource MedQA questions, analysed as tst_comparecli does.
    void thoughtSourceProjectCountsMatch() {
        RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
        RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
        RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
        const QString d = test::sharedDataDir();
        const std::string project = home_.filePath("ts.rsproj").toStdString();
        const auto analysed =
            test::runCli(RS_CLI_BINARY,
                         {"analyze", "--kg", d + "/kg/hetionet-nodes.tsv", "--kg",
                          d + "/kg/hetionet-edges-5k.sif.gz", "--kg",
                          d + "/kg/do-disease-symptom.tsv", "--kg", d + "/kg/do-HumanDO.tsv",
                          "--input", d + "/outputs/thoughtsource-medqa500-gpt-3.5-turbo.json",
                          "--input", d + "/outputs/thoughtsource-medqa500-gpt-4.json", "--project",
                          QString::fromStdString(project), "--quiet"},
                         home_.path());
        QVERIFY2(analysed.exitCode == 0, qPrintable(analysed.err));
        const QJsonObject published = publish(project, "thoughtsource");
        QVERIFY(published["cases"].toInt() > 0);
        verifyCountsMatch(project, serverProjectId(*admin_, "thoughtsource"));
    }

    // `report --db` against `report --project` on the file the server project was published
    // from, with the same verdicts in both (case-level, by reviewer1: the role on the server,
    // the name in the file), in CSV and JSON, without and with a class filter.
    void aReportFromTheServerEqualsTheFiles_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("filter");
        for (const char* format : {"csv", "json"})
            for (const char* filter :
                 {"", "class=relation", "class=relation review=unreviewed", "review=confirmed"})
                QTest::addRow("%s %s", format, *filter ? filter : "(all)") << format << filter;
    }
    void aReportFromTheServerEqualsTheFiles() {
        QFETCH(QString, format);
        QFETCH(QString, filter);
        const QString file = home_.filePath("report.rsproj");
        if (!QFileInfo::exists(file)) {
            QVERIFY(QFile::copy(QString::fromStdString(demo_), file));
            QVERIFY(!publish(file.toStdString(), "report-demo").isEmpty());
            std::string error;
            auto store = ProjectStore::open(file.toStdString(), &error);
            QVERIFY2(store, error.c_str());
            auto reviewer = as("reviewer1");
            const auto flagged = admin_->execParams(
                "SELECT c.id, c.case_key, r.label FROM rs.cases c JOIN rs.runs r ON "
                "r.id = c.run_id JOIN rs.projects p ON p.id = c.project_id WHERE p.name = "
                "'report-demo' AND c.flagged ORDER BY c.id LIMIT 6",
                {});
            QCOMPARE(flagged.rows(), 6);
            for (int i = 0; i < flagged.rows(); ++i) {
                const auto local = store->loadCase(flagged.text(i, 1), flagged.text(i, 2));
                QVERIFY(local);
                ProjectStore::Review r;
                r.caseId = local->id;
                r.reviewer = "reviewer1";
                r.verdict = ProjectStore::kVerdicts[i % 3];
                r.comment = "report check " + std::to_string(i);
                store->addReview(r);
                ServerVerdict v;
                v.caseId = flagged.integer(i, 0);
                v.verdict = r.verdict;
                v.comment = r.comment;
                addVerdict(*reviewer, v);
            }
        }
        const QString fromFile = home_.filePath("from-file." + format),
                      fromServer = home_.filePath("from-server." + format);
        QStringList common = {"--format", format, "--quiet"};
        if (!filter.isEmpty())
            common << "--filter" << filter;
        const auto a = test::runCli(
            RS_CLI_BINARY, QStringList{"report", "--project", file, "--out", fromFile} + common,
            home_.path());
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        const auto b = test::runCli(RS_CLI_BINARY,
                                    QStringList{"report", "--db",
                                                QString::fromStdString(cluster_.target("auditor1")),
                                                "--name", "report-demo", "--out", fromServer} +
                                        common,
                                    home_.path());
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        if (format == QLatin1String("csv")) {
            const auto rowsA = csvRows(fromFile), rowsB = csvRows(fromServer);
            QVERIFY(!rowsA.empty());
            QCOMPARE(rowsB.size(), rowsA.size());
            QCOMPARE(rowsB, rowsA);
        } else {
            const QJsonObject contentA = reportContent(fromFile),
                              contentB = reportContent(fromServer);
            QVERIFY(!contentA["cases"].toArray().isEmpty());
            QCOMPARE(contentB["cases"].toArray().size(), contentA["cases"].toArray().size());
            QCOMPARE(contentB, contentA);
            QFile f(fromServer);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString project =
                QJsonDocument::fromJson(f.readAll()).object()["project"].toString();
            QVERIFY2(project.contains(QStringLiteral("report-demo")), qPrintable(project));
        }
    }

    // search= in a report from the server asks the server's full-text index (English
    // stemming: "fevers" finds "fever"), as the window on a server project does; the file's
    // FTS5 (no stemmer) finds none.
    void aReportFromTheServerSearchesItsIndex() {
        const std::int64_t onServer =
            admin_
                ->execParams("SELECT count(*) FROM rs.cases c JOIN rs.projects p ON p.id = "
                             "c.project_id WHERE p.name = 'demo' AND c.search @@ "
                             "websearch_to_tsquery('english', 'fevers')",
                             {})
                .integer(0, 0);
        QVERIFY(onServer > 0);
        const QString fromServer = home_.filePath("search-server.json"),
                      fromFile = home_.filePath("search-file.json");
        const auto b = test::runCli(
            RS_CLI_BINARY,
            {"report", "--db", QString::fromStdString(cluster_.target("auditor1")), "--name",
             "demo", "--out", fromServer, "--filter", "search=fevers", "--quiet"},
            home_.path());
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        const auto a = test::runCli(RS_CLI_BINARY,
                                    {"report", "--project", QString::fromStdString(demo_), "--out",
                                     fromFile, "--filter", "search=fevers", "--quiet"},
                                    home_.path());
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        auto read = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        const QJsonObject server = read(fromServer), file = read(fromFile);
        QCOMPARE(server["summary"].toObject()["cases"].toInteger(), onServer);
        QVERIFY2(server["filter"].toString().contains(QStringLiteral("search")),
                 qPrintable(server["filter"].toString()));
        QCOMPARE(file["summary"].toObject()["cases"].toInteger(), qint64(0));
    }

    void aReportFromTheServerNeedsAProjectName() {
        const auto r =
            test::runCli(RS_CLI_BINARY,
                         {"report", "--db", QString::fromStdString(cluster_.target("auditor1")),
                          "--out", home_.filePath("none.csv")},
                         home_.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--name")), qPrintable(r.err));
        const auto missing =
            test::runCli(RS_CLI_BINARY,
                         {"report", "--db", QString::fromStdString(cluster_.target("auditor1")),
                          "--name", "no such project", "--out", home_.filePath("none.csv")},
                         home_.path());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!QFileInfo::exists(home_.filePath("none.csv")));
    }
};

QTEST_GUILESS_MAIN(TestTeamServer)
#include "tst_teamserver.moc"
