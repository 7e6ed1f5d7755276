// Two windows on one published project of a team-review server (a throwaway PostgreSQL
// cluster): each shows the same counts as the project file, and a verdict given in one
// window reaches the server in its reviewer's role and shows in the other window. A window
// whose connection is dropped (its backends terminated at random moments, then the whole
// server stopped and started) keeps its verdicts, says so, and stores each once when the
// server is back.
#include "AnalysisPipeline.h"
#include "CaseTableModel.h"
#include "MainWindow.h"
#include "PgConnection.h"
#include "PgTestCluster.h"
#include "ProjectSession.h"
#include "ProjectStore.h"
#include "Publisher.h"
#include "ResourceLocator.h"
#include "ReviewPanel.h"
#include "ServerSchema.h"
#include "SharedData.h"
#include "TeamSync.h"
#include "VerdictLog.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

using namespace rs;

class TestTeamWindow : public QObject {
    Q_OBJECT

    test::PgTestCluster cluster_;
    QTemporaryDir dir_;
    std::string project_;

    QString target(const QString& role, const QString& project) const {
        return QStringLiteral("postgresql:///rs?host=%1&user=%2&project=%3")
            .arg(cluster_.socketDir(), role, project);
    }

    std::unique_ptr<MainWindow> openWindow(const QString& role,
                                           const QString& project = QStringLiteral("demo")) {
        auto w = std::make_unique<MainWindow>();
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        std::string error;
        if (!openTeamProject(*w, target(role, project), true, &error)) {
            qWarning("%s", error.c_str());
            return nullptr;
        }
        return w;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString reason = cluster_.start(QStringLiteral(RS_PG_CLUSTER_SCRIPT));
        if (reason.startsWith(QStringLiteral("FAILED")))
            QFAIL(qPrintable(reason));
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        auto admin = server::PgConnection::connect(cluster_.target("rs_admin"));
        admin->exec(server::kRoleSetupSql);
        admin->exec("CREATE ROLE alice LOGIN IN ROLE rs_reviewer; "
                    "CREATE ROLE bob LOGIN IN ROLE rs_reviewer");
        PipelineRequest req;
        req.resourcesDir = resourcesDir();
        const std::filesystem::path res(req.resourcesDir);
        req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
        req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
        project_ = dir_.filePath("demo.rsproj").toStdString();
        req.projectPath = project_;
        const PipelineResult r = runAnalysis(req, {});
        QVERIFY2(r.ok, r.fatalError.c_str());
        server::publishProject(*admin, project_, "demo");
    }

    // The demo project, and GPT-4 + GPT-3.5 on the ThoughtSource MedQA questions (analysed
    // as tst_teamserver does) when ../shared/data is there.
    void aVerdictInOneWindowShowsInTheOther_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("demo") << QStringLiteral("demo");
        QTest::newRow("thoughtsource") << QStringLiteral("thoughtsource");
    }
    void aVerdictInOneWindowShowsInTheOther() {
        QFETCH(QString, name);
        std::string path = project_;
        if (name == QLatin1String("thoughtsource")) {
            RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
            RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
            RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
            const std::string d = test::sharedDataDir().toStdString();
            PipelineRequest req;
            req.resourcesDir = resourcesDir();
            req.kgFiles = {d + "/kg/hetionet-nodes.tsv", d + "/kg/hetionet-edges-5k.sif.gz",
                           d + "/kg/do-disease-symptom.tsv", d + "/kg/do-HumanDO.tsv"};
            req.inputFiles = {d + "/outputs/thoughtsource-medqa500-gpt-3.5-turbo.json",
                              d + "/outputs/thoughtsource-medqa500-gpt-4.json"};
            path = dir_.filePath("ts.rsproj").toStdString();
            req.projectPath = path;
            const PipelineResult r = runAnalysis(req, {});
            QVERIFY2(r.ok, r.fatalError.c_str());
            auto admin = server::PgConnection::connect(cluster_.target("rs_admin"));
            server::publishProject(*admin, path, "thoughtsource");
        }
        auto check = server::PgConnection::connect(cluster_.target("rs_admin"));
        auto countVerdicts = [&](const char* sql) {
            return check->execParams(sql, {}).integer(0, 0);
        };
        const std::int64_t aliceBefore =
            countVerdicts("SELECT count(*) FROM rs.verdicts WHERE reviewer = 'alice'");
        const std::int64_t allBefore = countVerdicts("SELECT count(*) FROM rs.verdicts");
        auto a = openWindow("alice", name);
        auto b = openWindow("bob", name);
        QVERIFY(a && b);
        std::string error;
        const auto file = ProjectStore::openReadOnly(path, &error);
        QVERIFY2(file, error.c_str());
        // The same counts as the file in both windows.
        for (MainWindow* w : {a.get(), b.get()}) {
            QCOMPARE(w->store()->countCases(), file->countCases());
            const auto s = w->store()->summary(), f = file->summary();
            QCOMPARE(s.analysedCases, f.analysedCases);
            QCOMPARE(s.runs.size(), f.runs.size());
            QCOMPARE(s.findingsByType, f.findingsByType);
        }

        ReviewPanel* panel = a->reviewPanel();
        panel->setReviewer(QStringLiteral("Alice"), QStringLiteral("clinician"));
        QVERIFY(panel->startReviewing());
        const qint64 caseA = a->currentCaseId();
        const auto stored = a->store()->loadCase(std::int64_t(caseA));
        QVERIFY(stored);
        const auto inB = b->store()->loadCase(stored->data.key, stored->data.run);
        QVERIFY(inB);
        QCOMPARE(b->store()->reviews(inB->id).size(), std::size_t(0));

        ProjectSession* sessionB = b->findChild<ProjectSession*>();
        QVERIFY(sessionB);
        QSignalSpy refreshedB(sessionB, &ProjectSession::externalChange);
        QElapsedTimer shown;
        shown.start();
        QVERIFY(panel->recordVerdict(QStringLiteral("confirmed")));
        QCOMPARE(countVerdicts("SELECT count(*) FROM rs.verdicts WHERE reviewer = 'alice'"),
                 aliceBefore + 1);
        // Waits for the other window (the bound only stops a broken build from hanging).
        QTRY_COMPARE_WITH_TIMEOUT(b->store()->reviews(inB->id).size(), std::size_t(1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(refreshedB.count() > 0, 30000); // B's views re-read
        qInfo("%s: the verdict showed in the other window after %lld ms", qPrintable(name),
              shown.elapsed());
        const auto review = b->store()->reviews(inB->id).front();
        QCOMPARE(review.reviewer, std::string("alice"));
        QCOMPARE(review.verdict, std::string("confirmed"));
        QVERIFY(review.findingId.has_value()); // the first finding, as in window A
        // Window A's own verdict did not come back as a second review.
        QTest::qWait(200);
        QCOMPARE(a->store()->reviews(std::int64_t(caseA)).size(), std::size_t(1));
        QCOMPARE(countVerdicts("SELECT count(*) FROM rs.verdicts"), allBefore + 1);
        // The reviewer is the login role, in the window and its copy too, not a typed name.
        QCOMPARE(panel->reviewer(), QStringLiteral("alice"));
        QVERIFY(panel->reviewerFixed());
        QCOMPARE(a->store()->reviews(std::int64_t(caseA)).front().reviewer, std::string("alice"));
    }

    void aDroppedConnectionRetriesWithoutDuplicates() {
        auto w = openWindow("bob");
        QVERIFY(w);
        auto* sync = w->findChild<TeamSync*>();
        auto* state = w->findChild<QLabel*>(QStringLiteral("teamConnectionState"));
        ReviewPanel* panel = w->reviewPanel();
        auto* comment = panel->findChild<QPlainTextEdit*>(ReviewPanel::kComment);
        QVERIFY(sync && state && comment);
        QVERIFY(panel->startReviewing());
        const QString verdicts[] = {QStringLiteral("confirmed"), QStringLiteral("rejected"),
                                    QStringLiteral("unsure")};
        int given = 0;
        auto give = [&](const QString& tag) {
            comment->setPlainText(tag);
            const bool recorded = panel->recordVerdict(verdicts[given % 3]);
            ++given;
            QCoreApplication::processEvents(); // the listener's socket, the retry timer
            return recorded;
        };
        auto check = server::PgConnection::connect(cluster_.target("rs_admin"));
        auto countOf = [&](const std::string& like) {
            return check->execParams("SELECT count(*), count(DISTINCT comment) FROM rs.verdicts "
                                     "WHERE reviewer = 'bob' AND comment LIKE $1",
                                     {like});
        };

        // 1. Bob's backends terminated at random moments (fixed seed) while he writes.
        std::atomic<bool> stop{false};
        std::atomic<int> terminated{0};
        std::thread killer([&] {
            auto admin = server::PgConnection::connect(cluster_.target("rs_admin"));
            std::mt19937 random(20261206);
            while (!stop) {
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 40)(random)));
                terminated += int(admin
                                      ->execParams("SELECT count(*) FILTER (WHERE "
                                                   "pg_terminate_backend(pid)) FROM "
                                                   "pg_stat_activity WHERE usename = 'bob'",
                                                   {})
                                      .integer(0, 0));
            }
        });
        int stormVerdicts = 0;
        while ((stormVerdicts < 60 || terminated < 10) && stormVerdicts < 600) {
            if (!give(QStringLiteral("storm-%1").arg(stormVerdicts++))) {
                stop = true;
                killer.join();
                QFAIL("the window did not record a verdict");
            }
        }
        stop = true;
        killer.join();
        QVERIFY2(terminated >= 10, "the backends were not terminated");
        QTRY_COMPARE_WITH_TIMEOUT(sync->waitingVerdicts(), 0, 60000);
        auto storm = countOf("storm-%");
        QCOMPARE(storm.integer(0, 0), std::int64_t(stormVerdicts)); // none lost
        QCOMPARE(storm.integer(0, 1), std::int64_t(stormVerdicts)); // none twice
        qInfo("%d verdicts while %d backends were terminated: all stored once", stormVerdicts,
              int(terminated));

        // 2. The whole server down while bob gives verdicts: kept, shown, sent when it is back.
        check.reset();
        QVERIFY(cluster_.halt());
        constexpr int kWhileDown = 8;
        for (int i = 0; i < kWhileDown; ++i)
            QVERIFY(give(QStringLiteral("down-%1").arg(i)));
        QVERIFY(sync->connectionLost());
        QCOMPARE(sync->waitingVerdicts(), kWhileDown);
        QVERIFY(state->isVisible());
        QVERIFY2(state->text().contains(QStringLiteral("lost")) &&
                     state->text().contains(QString::number(kWhileDown)),
                 qPrintable(state->text()));
        qInfo("while the server was down the window said: %s", qPrintable(state->text()));
        QVERIFY(cluster_.resume());
        QTRY_COMPARE_WITH_TIMEOUT(sync->waitingVerdicts(), 0, 60000);
        QVERIFY(!sync->connectionLost());
        QVERIFY(!state->isVisible());
        check = server::PgConnection::connect(cluster_.target("rs_admin"));
        auto down = countOf("down-%");
        QCOMPARE(down.integer(0, 0), std::int64_t(kWhileDown));
        QCOMPARE(down.integer(0, 1), std::int64_t(kWhileDown));
        // Live updates came back too: alice's verdict now reaches bob's window.
        auto alice = server::PgConnection::connect(cluster_.target("alice"));
        auto first = alice->execParams("SELECT c.id, c.case_key, r.label FROM rs.cases c JOIN "
                                       "rs.runs r ON r.id = c.run_id ORDER BY c.id LIMIT 1",
                                       {});
        const auto inW = w->store()->loadCase(first.text(0, 1), first.text(0, 2));
        QVERIFY(inW);
        const std::size_t reviewsBefore = w->store()->reviews(inW->id).size();
        server::ServerVerdict v;
        v.caseId = first.integer(0, 0);
        v.verdict = "unsure";
        v.comment = "after-the-outage";
        server::addVerdict(*alice, v);
        QTRY_COMPARE_WITH_TIMEOUT(w->store()->reviews(inW->id).size(), reviewsBefore + 1, 30000);
        QCOMPARE(w->store()->reviews(inW->id).back().comment, std::string("after-the-outage"));
    }

    // A run published while the window is open appears in it (NOTIFY rs_runs), with the
    // file's counts, and verdicts on its cases travel both ways.
    void aRunPublishedLaterAppears() {
        auto w = openWindow("alice");
        QVERIFY(w);
        ProjectSession* session = w->findChild<ProjectSession*>();
        QVERIFY(session);
        QSignalSpy reread(session, &ProjectSession::externalChange);
        PipelineRequest req;
        req.resourcesDir = resourcesDir();
        const std::filesystem::path res(req.resourcesDir);
        req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
        req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
        req.projectPath = project_;
        req.runLabel = "demo-later";
        const PipelineResult r = runAnalysis(req, {});
        QVERIFY2(r.ok, r.fatalError.c_str());
        auto admin = server::PgConnection::connect(cluster_.target("rs_admin"));
        const auto published = server::publishProject(*admin, project_, "demo");
        QCOMPARE(published.runsAdded.size(), std::size_t(1));
        std::string error;
        const auto file = ProjectStore::openReadOnly(project_, &error);
        QVERIFY2(file, error.c_str());
        QTRY_COMPARE_WITH_TIMEOUT(w->store()->runs().size(), file->runs().size(), 30000);
        QCOMPARE(w->store()->countCases(), file->countCases());
        QCOMPARE(w->store()->summary().findingsByType, file->summary().findingsByType);
        QTRY_VERIFY_WITH_TIMEOUT(reread.count() > 0, 30000);

        // Bob's verdict on a case of the new run reaches alice's window.
        auto bob = server::PgConnection::connect(cluster_.target("bob"));
        auto later = bob->execParams("SELECT c.id, c.case_key FROM rs.cases c JOIN rs.runs r "
                                     "ON r.id = c.run_id WHERE r.label = 'demo-later' "
                                     "ORDER BY c.id LIMIT 1",
                                     {});
        QCOMPARE(later.rows(), 1);
        const auto inW = w->store()->loadCase(later.text(0, 1), "demo-later");
        QVERIFY(inW);
        server::ServerVerdict v;
        v.caseId = later.integer(0, 0);
        v.verdict = "rejected";
        v.comment = "on the later run";
        server::addVerdict(*bob, v);
        QTRY_COMPARE_WITH_TIMEOUT(w->store()->reviews(inW->id).size(), std::size_t(1), 30000);
        QCOMPARE(w->store()->reviews(inW->id).front().reviewer, std::string("bob"));
    }

    // The search field asks the server's full-text index: English stemming finds "fever"
    // for "fevers", which the file's FTS5 (unicode61, no stemmer) does not.
    void theSearchUsesTheServersIndex() {
        auto w = openWindow("alice");
        QVERIFY(w);
        auto check = server::PgConnection::connect(cluster_.target("rs_admin"));
        const std::int64_t onServer =
            check
                ->execParams("SELECT count(*) FROM rs.cases c JOIN rs.projects p ON p.id = "
                             "c.project_id WHERE p.name = 'demo' AND c.search @@ "
                             "websearch_to_tsquery('english', 'fevers')",
                             {})
                .integer(0, 0);
        QVERIFY(onServer > 0);
        CaseQuery inFile;
        inFile.search = "fevers";
        QCOMPARE(w->store()->countCases(inFile), std::int64_t(0));
        auto* search = w->findChild<QLineEdit*>(QStringLiteral("search"));
        QVERIFY(search);
        search->setText(QStringLiteral("fevers"));
        QTRY_COMPARE_WITH_TIMEOUT(std::int64_t(w->caseModel()->rowCount()), onServer, 30000);
        search->setText(QStringLiteral("nosuchwordanywhere"));
        QTRY_COMPARE_WITH_TIMEOUT(w->caseModel()->rowCount(), 0, 30000);
        search->clear();
        QTRY_COMPARE_WITH_TIMEOUT(std::int64_t(w->caseModel()->rowCount()),
                                  w->store()->countCases(), 30000);
    }
};

QTEST_MAIN(TestTeamWindow)
#include "tst_teamwindow.moc"
