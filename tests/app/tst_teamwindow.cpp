// Two windows on one published project of a team-review server (a throwaway PostgreSQL
// cluster): each shows the same counts as the project file, and a verdict given in one
// window reaches the server in its reviewer's role and shows in the other window.
#include "AnalysisPipeline.h"
#include "MainWindow.h"
#include "PgConnection.h"
#include "PgTestCluster.h"
#include "ProjectSession.h"
#include "ProjectStore.h"
#include "Publisher.h"
#include "ResourceLocator.h"
#include "ReviewPanel.h"
#include "ServerSchema.h"
#include "TeamSync.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace rs;

class TestTeamWindow : public QObject {
    Q_OBJECT

    test::PgTestCluster cluster_;
    QTemporaryDir dir_;
    std::string project_;

    QString target(const QString& role) const {
        return QStringLiteral("postgresql:///rs?host=%1&user=%2&project=demo")
            .arg(cluster_.socketDir(), role);
    }

    std::unique_ptr<MainWindow> openWindow(const QString& role) {
        auto w = std::make_unique<MainWindow>();
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        std::string error;
        if (!openTeamProject(*w, target(role), true, &error)) {
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

    void aVerdictInOneWindowShowsInTheOther() {
        auto a = openWindow("alice");
        auto b = openWindow("bob");
        QVERIFY(a && b);
        std::string error;
        const auto file = ProjectStore::openReadOnly(project_, &error);
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
        auto check = server::PgConnection::connect(cluster_.target("rs_admin"));
        QCOMPARE(check->execParams("SELECT count(*) FROM rs.verdicts WHERE reviewer = 'alice'", {})
                     .integer(0, 0),
                 std::int64_t(1));
        // Waits for the other window (the bound only stops a broken build from hanging).
        QTRY_COMPARE_WITH_TIMEOUT(b->store()->reviews(inB->id).size(), std::size_t(1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(refreshedB.count() > 0, 30000); // B's views re-read
        qInfo("the verdict showed in the other window after %lld ms", shown.elapsed());
        const auto review = b->store()->reviews(inB->id).front();
        QCOMPARE(review.reviewer, std::string("alice"));
        QCOMPARE(review.verdict, std::string("confirmed"));
        QVERIFY(review.findingId.has_value()); // the first finding, as in window A
        // Window A's own verdict did not come back as a second review.
        QTest::qWait(200);
        QCOMPARE(a->store()->reviews(std::int64_t(caseA)).size(), std::size_t(1));
        QCOMPARE(check->execParams("SELECT count(*) FROM rs.verdicts", {}).integer(0, 0),
                 std::int64_t(1));
    }
};

QTEST_MAIN(TestTeamWindow)
#include "tst_teamwindow.moc"
