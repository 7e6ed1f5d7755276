// `reasonscope runs` end to end through reasonscope-cli, as a user or a script runs it on
// the analysed demo: the list (text and JSON) says which run was interrupted; rename,
// describe and delete change what they say and nothing else; a delete without --yes, an
// unknown run, a label another run has and a missing project are errors with the exit
// status of the other verbs, and leave the project as it was.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <sqlite3.h>

using nlohmann::json;

namespace {

struct RunOutput {
    int exitCode = -1;
    QString out, err;
};

RunOutput runCli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    p.setProcessEnvironment(env);
    p.start(RS_CLI_BINARY, args);
    RunOutput r;
    if (!p.waitForFinished(280000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString sqlScalar(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* st = nullptr;
    QString out = "<error>";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(st);
        out = rc == SQLITE_ROW
                  ? QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)))
              : rc == SQLITE_DONE ? QString()
                                  : QStringLiteral("<error> ") + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// What a command may change, in one string: each run with its description and state, the
// case count per run and the reviews.
QString projectState(const QString& path) {
    return sqlScalar(path, "SELECT group_concat(x, ' | ') FROM (SELECT r.id || ':' || r.label || "
                           "':' || r.description || ':' || r.complete || ':' || "
                           "(SELECT count(*) FROM cases c WHERE c.run_id = r.id) AS x "
                           "FROM runs r ORDER BY r.id)") +
           " / reviews " + sqlScalar(path, "SELECT count(*) FROM reviews");
}

} // namespace

class TestRunsCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void listsRuns();
    void listsRunsAsJson();
    void edits_data();
    void edits();
    void deleteWithYes();
    void otherVerbsSayInterrupted_data();
    void otherVerbsSayInterrupted();

private:
    QTemporaryDir dir_;
    QString template_, project_;
};

// The demo analysed once; run 2 marked interrupted as a killed analysis leaves it, and one
// verdict on a case of run 2 so that a delete has a review to take.
void TestRunsCommand::initTestCase() {
    QVERIFY(dir_.isValid());
    template_ = dir_.filePath("template.rsproj");
    const RunOutput r = runCli({"analyze", "--project", template_, "--quiet"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(sqlScalar(template_, "UPDATE runs SET complete = 0 WHERE id = 2"), QString());
    QCOMPARE(sqlScalar(template_,
                       "INSERT INTO reviews(case_id, reviewer, role, verdict, severity, comment) "
                       "SELECT min(id), 'ann', 'clinician', 'confirmed', '', '' FROM cases "
                       "WHERE run_id = 2"),
             QString());
    QCOMPARE(sqlScalar(template_, "PRAGMA wal_checkpoint(TRUNCATE)").left(1), QStringLiteral("0"));
}

void TestRunsCommand::init() {
    project_ = dir_.filePath("p.rsproj");
    QFile::remove(project_);
    QFile::remove(project_ + "-wal");
    QFile::remove(project_ + "-shm");
    QVERIFY(QFile::copy(template_, project_));
}

void TestRunsCommand::listsRuns() {
    const RunOutput r = runCli({"runs", "--project", project_});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n');
    QVERIFY2(lines.value(0).startsWith("ID  LABEL"), qPrintable(r.out));
    for (const char* heading : {"MODEL", "CASES", "ACCURACY", "STATE", "DESCRIPTION"})
        QVERIFY2(lines.value(0).contains(heading), qPrintable(r.out));
    QVERIFY2(lines.value(1).startsWith("1 ") && lines.value(1).contains("demo-model-a 2024-06") &&
                 lines.value(1).contains("complete"),
             qPrintable(r.out));
    QVERIFY2(lines.value(2).startsWith("2 ") && lines.value(2).contains("INTERRUPTED"),
             qPrintable(r.out));
    // Accuracy as the store counts it: correct of scored.
    const QString correct = sqlScalar(project_, "SELECT count(*) FROM cases WHERE run_id = 2 AND "
                                                "correct = 1");
    const QString scored = sqlScalar(project_, "SELECT count(*) FROM cases WHERE run_id = 2 AND "
                                               "correct IS NOT NULL");
    QVERIFY2(lines.value(2).contains("(" + correct + "/" + scored + ")"), qPrintable(r.out));
    QCOMPARE(r.out.count("INTERRUPTED"), 2); // the run's line and the note below the table
}

void TestRunsCommand::listsRunsAsJson() {
    const RunOutput r = runCli({"runs", "--project", project_, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json doc = json::parse(r.out.toStdString());
    QVERIFY(doc["format"] == "reasonscope-runs");
    QVERIFY(doc["version"] == 1);
    QCOMPARE(doc["runs"].size(), std::size_t(5));
    QVERIFY(!doc.contains("edited"));
    for (const json& run : doc["runs"]) {
        for (const char* key : {"id", "label", "model", "cases", "correct", "incorrect", "accuracy",
                                "complete", "description", "source_file"})
            QVERIFY2(run.contains(key), key);
        QCOMPARE(run["complete"].get<bool>(), run["id"] != 2);
    }
    QCOMPARE(doc["runs"][0]["cases"].get<int>(),
             sqlScalar(project_, "SELECT count(*) FROM cases WHERE run_id = 1").toInt());
}

void TestRunsCommand::edits_data() {
    QTest::addColumn<QStringList>("args"); // after "runs --project P"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");  // in stdout (exit 0) or stderr
    QTest::addColumn<QString>("state"); // the project afterwards; empty: as it was
    const QString unchanged;
    QTest::addRow("rename by label") << QStringList{"--rename", "demo-model-a 2024-06", "a-v2"} << 0
                                     << "Renamed run 1 \"demo-model-a 2024-06\" to \"a-v2\""
                                     << "1:a-v2:";
    QTest::addRow("rename by id") << QStringList{"--rename", "3", "c-v2"} << 0 << "Renamed run 3"
                                  << "3:c-v2:";
    QTest::addRow("rename to another run's label")
        << QStringList{"--rename", "1", "demo-model-b 2024-06"} << 2
        << "already labelled \"demo-model-b 2024-06\"" << unchanged;
    QTest::addRow("rename an unknown run") << QStringList{"--rename", "no-such-run", "x"} << 2
                                           << "no run \"no-such-run\"" << unchanged;
    QTest::addRow("rename to a blank label")
        << QStringList{"--rename", "1", "  "} << 2 << "not blank" << unchanged;
    QTest::addRow("describe") << QStringList{"--describe", "demo-vision 2024-08", "chest X-rays"}
                              << 0 << "Described run 4"
                              << "4:demo-vision 2024-08:chest X-rays:";
    QTest::addRow("describe an unknown id")
        << QStringList{"--describe", "99", "x"} << 2 << "no run \"99\"" << unchanged;
    QTest::addRow("delete without --yes")
        << QStringList{"--delete", "demo-model-b 2024-06"} << 2 << "add --yes" << unchanged;
    QTest::addRow("delete an unknown run")
        << QStringList{"--delete", "zzz", "--yes"} << 2 << "no run \"zzz\"" << unchanged;
    QTest::addRow("--yes alone") << QStringList{"--yes"} << 2 << "goes with it only" << unchanged;
    QTest::addRow("two edits") << QStringList{"--delete", "1", "--rename", "2", "x"} << 2
                               << "one edit at a time" << unchanged;
    QTest::addRow("rename without a new label")
        << QStringList{"--rename", "1"} << 2 << "needs RUN and NEW_LABEL" << unchanged;
    QTest::addRow("unknown option")
        << QStringList{"--frobnicate"} << 2 << "unknown argument: --frobnicate" << unchanged;
}

void TestRunsCommand::edits() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QFETCH(QString, state);
    const QString before = projectState(project_);
    const RunOutput r = runCli(QStringList{"runs", "--project", project_} + args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + r.err + r.out));
    QVERIFY2((exitCode == 0 ? r.out : r.err).contains(says), qPrintable(r.out + r.err));
    if (exitCode == 2)
        QVERIFY2(r.err.contains("Usage:"), qPrintable(r.err));
    const QString after = projectState(project_);
    if (state.isEmpty())
        QCOMPARE(after, before);
    else
        QVERIFY2(after.contains(state) && after != before, qPrintable(after));
    QCOMPARE(sqlScalar(project_, "PRAGMA integrity_check"), QStringLiteral("ok"));
}

void TestRunsCommand::deleteWithYes() {
    const QString cases = sqlScalar(project_, "SELECT count(*) FROM cases WHERE run_id = 2");
    const QString allCases = sqlScalar(project_, "SELECT count(*) FROM cases");
    const RunOutput r = runCli(
        {"runs", "--project", project_, "--delete", "demo-model-b 2024-06", "--yes", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json doc = json::parse(r.out.toStdString());
    QVERIFY(doc["edited"]["action"] == "delete");
    QVERIFY(doc["edited"]["run"] == 2);
    QCOMPARE(doc["edited"]["deleted"]["cases"].get<int>(), cases.toInt());
    QCOMPARE(doc["edited"]["deleted"]["reviews"].get<int>(), 1);
    QCOMPARE(doc["runs"].size(), std::size_t(4));
    for (const json& run : doc["runs"])
        QVERIFY(run["id"] != 2);
    QCOMPARE(sqlScalar(project_, "SELECT count(*) FROM cases").toInt(),
             allCases.toInt() - cases.toInt());
    QCOMPARE(sqlScalar(project_, "SELECT count(*) FROM reviews"), QStringLiteral("0"));
    QCOMPARE(sqlScalar(project_, "PRAGMA integrity_check"), QStringLiteral("ok"));
    QCOMPARE(sqlScalar(project_, "PRAGMA foreign_key_check"), QString());

    // Edits need an existing project: a missing one is an input error, and is not created.
    const QString missing = dir_.filePath("missing.rsproj");
    const RunOutput m = runCli({"runs", "--project", missing, "--delete", "1", "--yes"});
    QCOMPARE(m.exitCode, 1);
    QVERIFY2(m.err.contains("no project file"), qPrintable(m.err));
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(runCli({"runs"}).exitCode, 2);
}

// show and the reports name run 2 as interrupted, and only run 2.
void TestRunsCommand::otherVerbsSayInterrupted_data() {
    QTest::addColumn<QStringList>("args"); // %P: the project, %O: an output file
    QTest::addColumn<QString>("says");     // a pattern in stdout, or in the output file
    QTest::addColumn<QString>("doesNotSay");
    // In the HTML run table: a run's row, up to the end of that row, naming it interrupted.
    const QString row = QStringLiteral(R"(%1</td>(?:(?!</tr>).)*\(interrupted: its analysis)");
    QTest::addRow("show, interrupted run")
        << QStringList{"show", "demo-q01", "--project", "%P", "--run", "demo-model-b 2024-06"}
        << "^Note: run demo-model-b 2024-06 is INTERRUPTED"
        << "";
    QTest::addRow("show, whole run")
        << QStringList{"show", "demo-q01", "--project", "%P", "--run", "demo-model-a 2024-06"}
        << "^Case demo-q01"
        << "INTERRUPTED";
    QTest::addRow("csv report") << QStringList{"report", "--project", "%P", "--out", "%O.csv"}
                                << R"(# interrupted run: demo-model-b 2024-06 \(its analysis)"
                                << "# interrupted run: demo-model-[ac]";
    QTest::addRow("html report") << QStringList{"report", "--project", "%P", "--out", "%O.html"}
                                 << row.arg("demo-model-b 2024-06")
                                 << row.arg("demo-model-a 2024-06");
}

void TestRunsCommand::otherVerbsSayInterrupted() {
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QFETCH(QString, doesNotSay);
    const QString out = dir_.filePath("report");
    QString outFile;
    for (QString& a : args) {
        a.replace("%P", project_);
        if (a.contains("%O"))
            outFile = a.replace("%O", out);
    }
    const RunOutput r = runCli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QString text = r.out;
    if (!outFile.isEmpty()) {
        QFile f(outFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        text = QString::fromUtf8(f.readAll());
    }
    auto found = [&text](const QString& pattern) {
        return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption)
            .match(text)
            .hasMatch();
    };
    QVERIFY2(found(says), qPrintable(says + "\n" + text.left(1500)));
    if (!doesNotSay.isEmpty())
        QVERIFY2(!found(doesNotSay), qPrintable(doesNotSay));
}

QTEST_GUILESS_MAIN(TestRunsCommand)
#include "tst_runscommand.moc"
