// The headless executable, reasonscope-cli, as a server or CI job runs it: no display and
// no Qt platform chosen. It must analyse and report there, link none of the window's
// toolkit (Qt Widgets, Qt OpenGL, VTK), and write the same JSON as `reasonscope analyze`.
#include "SharedData.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;

namespace {

struct RunOutput {
    int exitCode = -1;
    QString out, err;
};

json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    return json::parse(in);
}

// The first place where two documents differ, as a JSON pointer ("" when they are equal).
std::string firstDifference(const json& a, const json& b, const std::string& at = "") {
    if (a.type() != b.type())
        return at + " (type)";
    if (a.is_object()) {
        for (const auto& [key, value] : a.items()) {
            if (!b.contains(key))
                return at + "/" + key + " (missing on the right)";
            if (std::string d = firstDifference(value, b[key], at + "/" + key); !d.empty())
                return d;
        }
        return a.size() == b.size() ? "" : at + " (extra keys on the right)";
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return at + " (array sizes " + std::to_string(a.size()) + " and " +
                   std::to_string(b.size()) + ")";
        for (std::size_t i = 0; i < a.size(); ++i)
            if (std::string d = firstDifference(a[i], b[i], at + "/" + std::to_string(i));
                !d.empty())
                return d;
        return "";
    }
    return a == b ? "" : at;
}

} // namespace

class TestHeadlessCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void analyzeWritesTheDemoWithoutADisplay();
    void reportWithoutADisplay_data();
    void reportWithoutADisplay();
    void showPrintsACase();
    void linksNoWindowToolkit();
    void sameJsonAsTheWindowExecutable_data();
    void sameJsonAsTheWindowExecutable();

private:
    RunOutput run(const QString& binary, const QStringList& args);
    QTemporaryDir dir_;
    RunOutput demoRun_;
    QString demoProject_, demoJson_;
};

RunOutput TestHeadlessCli::run(const QString& binary, const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // As on a server: no display of any kind and no platform plugin chosen.
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    env.insert("XDG_CACHE_HOME", dir_.filePath("cache"));
    env.insert("XDG_DATA_HOME", dir_.filePath("data"));
    p.setProcessEnvironment(env);
    p.start(binary, args);
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

void TestHeadlessCli::initTestCase() {
    QVERIFY(dir_.isValid());
    demoProject_ = dir_.filePath("demo.rsproj");
    demoJson_ = dir_.filePath("demo.json");
    demoRun_ =
        run(RS_CLI_BINARY, {"analyze", "--project", demoProject_, "--json", demoJson_, "--quiet"});
}

void TestHeadlessCli::analyzeWritesTheDemoWithoutADisplay() {
    QVERIFY2(demoRun_.exitCode == 0, qPrintable(demoRun_.err + demoRun_.out));
    QVERIFY2(demoRun_.out.contains("Findings:"), qPrintable(demoRun_.out));
    QVERIFY2(demoRun_.out.contains("JSON written to"), qPrintable(demoRun_.out));
    const json doc = readJson(demoJson_);
    QCOMPARE(doc["version"].get<int>(), 1);
    QVERIFY(doc["cases"].is_array());
    QVERIFY(!doc["cases"].empty());
    QCOMPARE(doc["summary"]["cases"].get<std::size_t>(), doc["cases"].size());
}

void TestHeadlessCli::reportWithoutADisplay_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::newRow("json") << "json" << QByteArray("{");
    QTest::newRow("csv") << "csv" << QByteArray();
    // HTML and PDF draw images and diagrams with Qt GUI: they must still need no display.
    QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF-");
}

void TestHeadlessCli::reportWithoutADisplay() {
    QFETCH(QString, format);
    QFETCH(QByteArray, startsWith);
    QVERIFY2(demoRun_.exitCode == 0, "the demo analysis failed");
    const QString out = dir_.filePath("report." + format);
    const RunOutput r =
        run(RS_CLI_BINARY, {"report", "--project", demoProject_, "--out", out, "--format", format});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains("written to"), qPrintable(r.out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 100);
    QVERIFY2(bytes.startsWith(startsWith), bytes.left(40).constData());
    if (format == "json") {
        const json report = json::parse(bytes.toStdString());
        QCOMPARE(report["format"].get<std::string>(), std::string("reasonscope-audit-report"));
        QCOMPARE(report["summary"]["cases"].get<std::size_t>(),
                 readJson(demoJson_)["summary"]["cases"].get<std::size_t>());
        QVERIFY(!report["cases"].empty()); // the demo has flagged cases
    }
}

void TestHeadlessCli::showPrintsACase() {
    QVERIFY2(demoRun_.exitCode == 0, "the demo analysis failed");
    const json doc = readJson(demoJson_);
    const std::string id = doc["cases"][0]["id"].get<std::string>();
    const RunOutput r = run(
        RS_CLI_BINARY, {"show", QString::fromStdString(id), "--project", demoProject_, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(json::parse(r.out.toStdString())["id"].get<std::string>(), id);
}

void TestHeadlessCli::linksNoWindowToolkit() {
    QProcess ldd;
    ldd.start("ldd", {RS_CLI_BINARY});
    QVERIFY(ldd.waitForFinished(60000));
    QCOMPARE(ldd.exitCode(), 0);
    const QString libs = QString::fromUtf8(ldd.readAllStandardOutput());
    // ldd worked on the real binary: the libraries it does need are listed.
    QVERIFY2(libs.contains("libQt6Core"), qPrintable(libs));
    QVERIFY2(libs.contains("libsqlite3"), qPrintable(libs));
    for (const char* forbidden : {"libQt6Widgets", "libQt6OpenGL", "libvtk", "libQt5"})
        QVERIFY2(!libs.contains(QLatin1String(forbidden)),
                 qPrintable(QString("links %1:\n%2").arg(forbidden, libs)));
}

void TestHeadlessCli::sameJsonAsTheWindowExecutable_data() {
    QTest::addColumn<QStringList>("inputs");
    QTest::newRow("demo") << QStringList{};
    const QString d = rs::test::sharedDataDir();
    QTest::newRow("thoughtsource gpt-4, hetionet")
        << QStringList{"--kg",    d + "/kg/hetionet-nodes.tsv",
                       "--kg",    d + "/kg/hetionet-edges-5k.sif.gz",
                       "--kg",    d + "/kg/do-disease-symptom.tsv",
                       "--kg",    d + "/kg/do-HumanDO.tsv",
                       "--input", d + "/outputs/thoughtsource-medqa500-gpt-4.json"};
}

void TestHeadlessCli::sameJsonAsTheWindowExecutable() {
    QFETCH(QStringList, inputs);
    if (!inputs.isEmpty()) {
        RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
        RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
    }
    const QString tag = QTest::currentDataTag()[0] == 'd' ? "demo" : "ts";
    json docs[2];
    const QString binaries[2] = {RS_CLI_BINARY, RS_APP_BINARY};
    for (int i = 0; i < 2; ++i) {
        const QString base = dir_.filePath(QString("%1-%2").arg(tag).arg(i));
        const RunOutput r = run(binaries[i], QStringList{"analyze"} + inputs +
                                                 QStringList{"--project", base + ".rsproj",
                                                             "--json", base + ".json", "--quiet"});
        QVERIFY2(r.exitCode == 0, qPrintable(binaries[i] + ": " + r.err + r.out));
        docs[i] = readJson(base + ".json");
    }
    QVERIFY(!docs[0]["cases"].empty());
    // The document holds no run time or project path, so it must match as a whole.
    const std::string difference = firstDifference(docs[0], docs[1]);
    QVERIFY2(difference.empty(), difference.c_str());
}

QTEST_GUILESS_MAIN(TestHeadlessCli)
#include "tst_headlesscli.moc"
