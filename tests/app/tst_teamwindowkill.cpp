// Killing a reviewer's window on a team-review server loses no committed verdict (issue 14):
// the real window (this test's executable started again as a child, under the same X
// server) opens a project published to a throwaway PostgreSQL cluster, reviews by keyboard,
// and is killed with SIGKILL at a random moment, 20 times with a fixed seed. The child
// reports a verdict committed when TeamSync says the server stored it. After every kill,
// each reported verdict is on the server exactly once, no verdict is there twice, and at
// most the one being sent at each kill is there unreported; at the end the server still
// refuses to change or delete a verdict, and its review state and queue agree with the
// verdicts.
#include "AnalysisPipeline.h"
#include "MainWindow.h"
#include "PgConnection.h"
#include "PgTestCluster.h"
#include "Publisher.h"
#include "ResourceLocator.h"
#include "ReviewPanel.h"
#include "ServerError.h"
#include "ServerSchema.h"
#include "TeamSync.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>

using namespace rs;

namespace {

constexpr int kKills = 20;
constexpr unsigned kSeed = 20261206;
constexpr const char* kChildFlag = "--team-kill-child";
constexpr const char* kReviewer = "carla";

// ---- the child: the real window on the server, reviewing until it is killed ----

int childMain(int argc, char** argv) {
    // argv: exe --team-kill-child TARGET ROUND
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    MainWindow window;
    window.show();
    std::string error;
    if (!openTeamProject(window, args[2], true, &error)) {
        std::fprintf(stderr, "child: %s\n", error.c_str());
        return 3;
    }
    auto* sync = window.findChild<TeamSync*>();
    ReviewPanel* panel = window.reviewPanel();
    auto* comment = panel->findChild<QPlainTextEdit*>(ReviewPanel::kComment);
    if (!sync || !comment || !panel->startReviewing())
        return 4;
    std::printf("opened\n");
    std::fflush(stdout);
    // Each verdict's comment names it ("rN-M"); "committed rN-M" once the server has it.
    auto pending = std::make_shared<QString>();
    QObject::connect(sync, &TeamSync::verdictSaved, [pending] {
        std::printf("committed %s\n", qPrintable(*pending));
        std::fflush(stdout);
    });
    auto* timer = new QTimer(&window);
    auto n = std::make_shared<int>(0);
    const QString round = args[3];
    QObject::connect(timer, &QTimer::timeout, [=] {
        *pending = QStringLiteral("%1-%2").arg(round).arg((*n)++);
        comment->setPlainText(*pending);
        QWidget* focus = QApplication::focusWidget();
        const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3};
        QTest::keyClick(focus ? focus : panel->keyHome(), keys[*n % 3]);
    });
    timer->start(0);
    return app.exec();
}

// ---- the parent: the cluster, the kill loop and the checks ----

class TestTeamWindowKill : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killLoop();

private:
    std::int64_t scalar(const std::string& sql, const std::vector<server::PgParam>& params = {}) {
        return admin_->execParams(sql, params).integer(0, 0);
    }
    test::PgTestCluster cluster_;
    QTemporaryDir dir_;
    std::unique_ptr<server::PgConnection> admin_;
};

void TestTeamWindowKill::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    const QString reason = cluster_.start(QStringLiteral(RS_PG_CLUSTER_SCRIPT));
    if (reason.startsWith(QStringLiteral("FAILED")))
        QFAIL(qPrintable(reason));
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    admin_ = server::PgConnection::connect(cluster_.target("rs_admin"));
    admin_->exec(server::kRoleSetupSql);
    admin_->exec(std::string("CREATE ROLE ") + kReviewer + " LOGIN IN ROLE rs_reviewer");
    PipelineRequest req;
    req.resourcesDir = resourcesDir();
    const std::filesystem::path res(req.resourcesDir);
    req.kgFiles = {(res / "demo" / "kg" / "demo-kg.tsv").string()};
    req.inputFiles = {(res / "demo" / "outputs" / "demo-outputs.jsonl").string()};
    req.projectPath = dir_.filePath("demo.rsproj").toStdString();
    const PipelineResult r = runAnalysis(req, {});
    QVERIFY2(r.ok, r.fatalError.c_str());
    server::publishProject(*admin_, req.projectPath, "demo");
}

void TestTeamWindowKill::killLoop() {
    const QString target = QStringLiteral("postgresql:///rs?host=%1&user=%2&project=demo")
                               .arg(cluster_.socketDir(), QString::fromLatin1(kReviewer));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), dir_.path()); // the killed windows' cache copies
    std::mt19937 random(kSeed);
    std::set<std::string> committed; // every verdict any child reported, all rounds
    int killedOpening = 0;
    for (int round = 0; round < kKills; ++round) {
        // Killed after 0..10 committed verdicts, then 0..150 ms more (0: while it pulls the
        // project and opens the window).
        const int afterVerdicts = std::uniform_int_distribution<int>(0, 10)(random);
        const int delayMs = std::uniform_int_distribution<int>(0, 150)(random);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {kChildFlag, target, QStringLiteral("r%1").arg(round)});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QByteArray buffer;
        int verdicts = 0;
        bool opened = false;
        auto readLines = [&] {
            buffer += child.readAllStandardOutput();
            for (int nl; (nl = buffer.indexOf('\n')) >= 0; buffer.remove(0, nl + 1)) {
                const QByteArray line = buffer.left(nl);
                if (line == "opened")
                    opened = true;
                else if (line.startsWith("committed ")) {
                    committed.insert(line.mid(10).toStdString());
                    ++verdicts;
                }
            }
        };
        while (child.state() == QProcess::Running && afterVerdicts > 0 &&
               verdicts < afterVerdicts) {
            child.waitForReadyRead(100);
            readLines();
        }
        QVERIFY2(child.state() == QProcess::Running,
                 qPrintable(QStringLiteral("round %1: the window ended by itself (exit %2)")
                                .arg(round)
                                .arg(child.exitCode())));
        QThread::msleep(std::uint32_t(delayMs));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(30000));
        readLines(); // lines written before the kill are commits too
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        if (!opened)
            ++killedOpening;

        // The server as the next window finds it.
        for (const std::string& c : committed)
            QVERIFY2(scalar("SELECT count(*) FROM rs.verdicts WHERE comment = $1", {c}) == 1,
                     qPrintable(QStringLiteral("round %1: verdict %2 reported committed, "
                                               "not on the server once")
                                    .arg(round)
                                    .arg(QString::fromStdString(c))));
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT comment FROM rs.verdicts "
                        "GROUP BY comment HAVING count(*) > 1) twice"),
                 std::int64_t(0));
        const std::int64_t stored = scalar("SELECT count(*) FROM rs.verdicts");
        QCOMPARE(scalar("SELECT count(*) FROM rs.verdicts WHERE reviewer <> $1", {kReviewer}),
                 std::int64_t(0));
        // At most the verdict being sent at each kill is on the server unreported.
        QVERIFY(stored >= std::int64_t(committed.size()));
        QVERIFY(stored <= std::int64_t(committed.size()) + round + 1);
    }
    const std::int64_t stored = scalar("SELECT count(*) FROM rs.verdicts");
    qInfo("%d kills (%d before the window had opened): %zu verdicts reported committed, each "
          "on the server once; %lld stored in all",
          kKills, killedOpening, committed.size(), (long long)stored);
    QVERIFY(committed.size() > 20);

    // The append-only rules still hold for the reviewer who was killed.
    auto reviewer = server::PgConnection::connect(cluster_.target(kReviewer));
    for (const char* change : {"UPDATE rs.verdicts SET verdict = 'rejected'",
                               "DELETE FROM rs.verdicts", "TRUNCATE rs.verdicts"}) {
        try {
            reviewer->exec(change);
            QFAIL(qPrintable(QStringLiteral("the server allowed: %1").arg(change)));
        } catch (const server::ServerError& e) {
            QCOMPARE(e.kind(), server::ServerError::Kind::Refused);
        }
    }
    QCOMPARE(scalar("SELECT count(*) FROM rs.verdicts"), stored);
    // The review state holds each case's latest case-level verdict; the queue none of them.
    QCOMPARE(scalar("SELECT count(*) FROM rs.case_review_state"),
             scalar("SELECT count(DISTINCT case_id) FROM rs.verdicts "
                    "WHERE finding_signature IS NULL"));
    QCOMPARE(scalar("SELECT count(*) FROM rs.case_review_state s WHERE s.verdict_id <> "
                    "(SELECT max(id) FROM rs.verdicts v WHERE v.case_id = s.case_id AND "
                    "v.finding_signature IS NULL)"),
             std::int64_t(0));
    QCOMPARE(scalar("SELECT count(*) FROM rs.queue q JOIN rs.case_review_state s USING (case_id)"),
             std::int64_t(0));
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], kChildFlag) == 0)
        return childMain(argc, argv);
    QApplication app(argc, argv);
    TestTeamWindowKill test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_teamwindowkill.moc"
