// `reasonscope gate` end to end on a hand-made project (tests/support/ComparisonFixture.h):
// its exit status for rules that hold and rules that fail, the JUnit XML it writes (parsed
// back), and the usage errors for runs and classes that do not exist and malformed rules.
//
// The head run has 8 analysed cases: 2 with a relation finding (rate 0.25), 2 with a branch
// finding (0.25), 4 of 8 scored right (accuracy 0.5), and 2 regressions against base.
#include "CliProcess.h"
#include "ComparisonFixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace rs;

namespace {

struct JUnit {
    bool wellFormed = false;
    int suiteTests = -1, suiteFailures = -1;
    int testcases = 0, failures = 0;
    QStringList failedNames;
};

JUnit parseJUnit(const QString& path) {
    JUnit j;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return j;
    QXmlStreamReader x(&f);
    QString current;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == QLatin1String("testsuite")) {
            j.suiteTests = x.attributes().value("tests").toInt();
            j.suiteFailures = x.attributes().value("failures").toInt();
        } else if (x.name() == QLatin1String("testcase")) {
            ++j.testcases;
            current = x.attributes().value("name").toString();
        } else if (x.name() == QLatin1String("failure")) {
            ++j.failures;
            j.failedNames << current;
        }
    }
    j.wellFormed = !x.hasError();
    return j;
}

} // namespace

class TestGateCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath("p.rsproj");
        std::string error;
        auto store = ProjectStore::open(project_.toStdString(), &error);
        QVERIFY2(store, error.c_str());
        test::fillComparisonProject(*store);
    }

    void rules_data() {
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("testcases"); // rules checked, the run's completeness included
        QTest::addColumn<QStringList>("failed");
        QTest::newRow("all hold at their limits")
            << QStringList{"--base",         "base",        "--max-rate",        "relation=0.25",
                           "--max-rate",     "branch=0.25", "--max-regressions", "2",
                           "--min-accuracy", "0.5"}
            << 0 << 5 << QStringList{};
        QTest::newRow("rate above its limit") << QStringList{"--max-rate", "relation=0.2"} << 3 << 2
                                              << QStringList{"max-rate relation <= 0.200"};
        QTest::newRow("sub-kind rates")
            << QStringList{"--max-rate", "wrong_relation=0.3", "--max-rate", "plausible_branch=0.1"}
            << 3 << 3 << QStringList{"max-rate plausible_branch <= 0.100"};
        QTest::newRow("class without findings")
            << QStringList{"--max-rate", "grounding=0"} << 0 << 2 << QStringList{};
        QTest::newRow("too many regressions")
            << QStringList{"--base", "base", "--max-regressions", "1"} << 3 << 2
            << QStringList{"max-regressions <= 1"};
        QTest::newRow("accuracy too low") << QStringList{"--min-accuracy", "0.51"} << 3 << 2
                                          << QStringList{"min-accuracy >= 0.510"};
        QTest::newRow("two fail") << QStringList{"--min-accuracy", "0.9", "--max-rate",
                                                 "branch=0.1"}
                                  << 3 << 3
                                  << QStringList{"max-rate branch <= 0.100",
                                                 "min-accuracy >= 0.900"};
    }

    void rules() {
        QFETCH(QStringList, rules);
        QFETCH(int, exitCode);
        QFETCH(int, testcases);
        QFETCH(QStringList, failed);
        const QString junit = dir_.filePath(QString("junit-%1.xml").arg(QTest::currentDataTag()));
        const auto r = test::runCli(
            RS_CLI_BINARY,
            QStringList{"gate", "--project", project_, "--run", "head", "--junit", junit} + rules,
            dir_.path());
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        // Every rule is printed with its verdict.
        QCOMPARE(r.out.count("PASS  ") + r.out.count("FAIL  "), testcases);
        QCOMPARE(r.out.count("FAIL  "), int(failed.size()));
        QVERIFY(r.out.contains(exitCode == 0 ? "PASSED" : "FAILED"));
        const JUnit j = parseJUnit(junit);
        QVERIFY2(j.wellFormed, qPrintable(junit));
        QCOMPARE(j.testcases, testcases);
        QCOMPARE(j.suiteTests, testcases);
        QCOMPARE(j.failures, int(failed.size()));
        QCOMPARE(j.suiteFailures, int(failed.size()));
        QCOMPARE(j.failedNames, failed);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList p{"--project", project_};
        QTest::newRow("unknown run")
            << p + QStringList{"--run", "nope", "--min-accuracy", "0.1"} << "no run 'nope'";
        QTest::newRow("unknown base")
            << p + QStringList{"--run", "head", "--base", "nope", "--max-regressions", "1"}
            << "no run 'nope'";
        QTest::newRow("unknown class")
            << p + QStringList{"--run", "head", "--max-rate", "typo=0.1"} << "no finding class";
        QTest::newRow("rate without =")
            << p + QStringList{"--run", "head", "--max-rate", "relation"} << "CLASS=X";
        QTest::newRow("rate not a number")
            << p + QStringList{"--run", "head", "--max-rate", "relation=abc"} << "CLASS=X";
        QTest::newRow("rate above 1")
            << p + QStringList{"--run", "head", "--max-rate", "relation=1.5"} << "CLASS=X";
        QTest::newRow("rate without class")
            << p + QStringList{"--run", "head", "--max-rate", "=0.1"} << "CLASS=X";
        QTest::newRow("negative regressions")
            << p + QStringList{"--run", "head", "--base", "base", "--max-regressions", "-1"}
            << "whole number";
        QTest::newRow("regressions without base")
            << p + QStringList{"--run", "head", "--max-regressions", "1"} << "needs --base";
        QTest::newRow("no rule") << p + QStringList{"--run", "head"} << "no rule";
        QTest::newRow("no run") << p + QStringList{"--min-accuracy", "0.5"} << "--run";
        QTest::newRow("value missing")
            << p + QStringList{"--run", "head", "--min-accuracy"} << "needs a value";
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString junit = dir_.filePath("usage.xml");
        QFile::remove(junit);
        const auto r =
            test::runCli(RS_CLI_BINARY, QStringList{"gate", "--junit", junit} + args, dir_.path());
        QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        // A gate that could not be checked leaves no report a CI system could read as passed.
        QVERIFY(!QFile::exists(junit));
        QVERIFY(!r.out.contains("PASS"));
    }

    void unreadableProject() {
        const auto r = test::runCli(RS_CLI_BINARY,
                                    {"gate", "--project", dir_.filePath("missing.rsproj"), "--run",
                                     "head", "--min-accuracy", "0.1"},
                                    dir_.path());
        QCOMPARE(r.exitCode, 1);
    }

private:
    QTemporaryDir dir_;
    QString project_;
};

QTEST_GUILESS_MAIN(TestGateCli)
#include "tst_gatecli.moc"
