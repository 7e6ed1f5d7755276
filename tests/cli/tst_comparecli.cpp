// `reasonscope compare` end to end: the text, the versioned JSON and the self-contained
// HTML on a hand-made project (tests/support/ComparisonFixture.h), its usage errors, and on
// the real ThoughtSource runs of GPT-3.5 and GPT-4 on the same MedQA questions, the four
// cells and the accuracy difference against a count this test makes from the ThoughtSource
// files themselves, not through ReasonScope's importer or store.
#include "CliProcess.h"
#include "ComparisonFixture.h"
#include "SharedData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace rs;
using nlohmann::json;

namespace {

json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    return json::parse(in);
}

// One ThoughtSource file's zhou-01 outputs: question id -> scored right (nullopt: the
// output names no single option). Correct when the option letter the file extracted is the
// letter of the gold answer among the choices. Questions answered twice map to nothing.
struct FileRun {
    std::map<std::string, std::optional<bool>> byQuestion;
    std::set<std::string> repeated;
};

FileRun readThoughtSourceRun(const QString& path, const std::string& model) {
    FileRun run;
    std::ifstream in(path.toStdString());
    const json doc = json::parse(in);
    for (const json& item : doc.at("med_qa").at("test")) {
        const std::string id = item.at("id").get<std::string>();
        const auto& choices = item.at("choices");
        const std::string gold = item.at("answer").at(0).get<std::string>();
        std::optional<char> goldLetter;
        for (std::size_t i = 0; i < choices.size(); ++i)
            if (choices[i].get<std::string>() == gold)
                goldLetter = char('A' + i);
        for (const json& cot : item.at("generated_cot")) {
            if (cot.value("cot_trigger", json()).is_null() ||
                cot.at("cot_trigger").get<std::string>() != "zhou-01" ||
                cot.at("model").get<std::string>().find("'" + model + "'") == std::string::npos)
                continue;
            std::optional<bool> right;
            const json& answers = cot.at("answers");
            if (!answers.empty() && answers[0].contains("answer_from_choices") &&
                answers[0]["answer_from_choices"].is_string() && goldLetter) {
                const std::string letter = answers[0]["answer_from_choices"].get<std::string>();
                if (!letter.empty())
                    right = letter == std::string(1, *goldLetter);
            }
            if (run.byQuestion.count(id))
                run.repeated.insert(id);
            run.byQuestion[id] = right;
        }
    }
    return run;
}

} // namespace

class TestCompareCli : public QObject {
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

    void textJsonAndHtml() {
        const QString jsonPath = dir_.filePath("c.json"), htmlPath = dir_.filePath("c.html");
        const auto r = test::runCli(RS_CLI_BINARY,
                                    {"compare", "--project", project_, "--base", "base", "--head",
                                     "head", "--json", jsonPath, "--html", htmlPath},
                                    dir_.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("Paired questions: 6 (scored on both sides 5, unscored 1)"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("right → wrong (regression)  2  q2, q3"), qPrintable(r.out));

        const json doc = readJson(jsonPath);
        QCOMPARE(doc["version"].get<int>(), 1);
        QCOMPARE(doc["kind"].get<std::string>(), std::string("run_comparison"));
        QCOMPARE(doc["base"]["label"].get<std::string>(), std::string("base"));
        QCOMPARE(doc["cells"]["right_to_right"]["count"].get<int>(), 1);
        QCOMPARE(doc["cells"]["right_to_wrong"]["questions"], json::array({"q2", "q3"}));
        QCOMPARE(doc["cells"]["wrong_to_right"]["count"].get<int>(), 1);
        QCOMPARE(doc["cells"]["wrong_to_wrong"]["count"].get<int>(), 1);
        QCOMPARE(doc["pairing"]["unpaired"]["base"]["total"].get<int>(), 4);
        QCOMPARE(doc["pairing"]["unpaired"]["head"]["asked_several_times"].get<int>(), 1);
        QCOMPARE(doc["accuracy"]["difference"].get<double>(), -0.2);
        QCOMPARE(doc["accuracy"]["ci95"].size(), std::size_t(2));
        QCOMPARE(doc["questions"].size(), std::size_t(6));
        QCOMPARE(doc["questions"][1]["head"]["review"].get<std::string>(),
                 std::string("confirmed"));
        QCOMPARE(doc["questions"][1]["head"]["findings"]["relation"].get<int>(), 2);
        QCOMPARE(doc["regressions"]["relations"][0]["name"].get<std::string>(),
                 std::string("treats"));

        // The HTML is one well-formed document that fetches nothing.
        QFile html(htmlPath);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray bytes = html.readAll();
        QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
        QVERIFY(!bytes.contains("src=\"http") && !bytes.contains("href=\"http"));
        QVERIFY(!bytes.contains("<script"));
        QXmlStreamReader x(bytes);
        int svgs = 0;
        while (!x.atEnd())
            if (x.readNext() == QXmlStreamReader::StartElement && x.name() == QLatin1String("svg"))
                ++svgs;
        QVERIFY2(!x.hasError(), qPrintable(x.errorString()));
        QCOMPARE(svgs, 1);
        QVERIFY(bytes.contains("aspirin"));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown base") << QStringList{"--base", "nope", "--head", "head"} << 2;
        QTest::newRow("unknown head") << QStringList{"--base", "base", "--head", "nope"} << 2;
        QTest::newRow("same run") << QStringList{"--base", "head", "--head", "head"} << 2;
        QTest::newRow("no head") << QStringList{"--base", "base"} << 2;
        QTest::newRow("stray argument")
            << QStringList{"--base", "base", "--head", "head", "--bogus"} << 2;
    }

    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const auto r = test::runCli(
            RS_CLI_BINARY, QStringList{"compare", "--project", project_} + args, dir_.path());
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        QVERIFY(!r.out.contains("Paired questions"));
    }

    void unreadableProject() {
        const auto r = test::runCli(RS_CLI_BINARY,
                                    {"compare", "--project", dir_.filePath("none.rsproj"), "--base",
                                     "base", "--head", "head"},
                                    dir_.path());
        QCOMPARE(r.exitCode, 1);
    }

    // GPT-3.5 vs GPT-4 on the ThoughtSource MedQA questions (analysing the 900 outputs into
    // one project takes about 4 s on the 2-core build machine).
    void realRunsMatchAnIndependentCount() {
        RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
        RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
        RS_REQUIRE_SHARED("kg/hetionet-edges-5k.sif.gz");
        const QString d = test::sharedDataDir();
        const QString gpt35 = d + "/outputs/thoughtsource-medqa500-gpt-3.5-turbo.json";
        const QString gpt4 = d + "/outputs/thoughtsource-medqa500-gpt-4.json";
        const QString project = dir_.filePath("ts.rsproj");
        const auto analysed =
            test::runCli(RS_CLI_BINARY,
                         {"analyze", "--kg", d + "/kg/hetionet-nodes.tsv", "--kg",
                          d + "/kg/hetionet-edges-5k.sif.gz", "--kg",
                          d + "/kg/do-disease-symptom.tsv", "--kg", d + "/kg/do-HumanDO.tsv",
                          "--input", gpt35, "--input", gpt4, "--project", project, "--quiet"},
                         dir_.path());
        QVERIFY2(analysed.exitCode == 0, qPrintable(analysed.out + analysed.err));
        const QString jsonPath = dir_.filePath("ts.json");
        const auto r =
            test::runCli(RS_CLI_BINARY,
                         {"compare", "--project", project, "--base", "gpt-3.5-turbo/zhou-01",
                          "--head", "gpt-4/zhou-01", "--json", jsonPath},
                         dir_.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const json doc = readJson(jsonPath);

        const FileRun base = readThoughtSourceRun(gpt35, "gpt-3.5-turbo");
        const FileRun head = readThoughtSourceRun(gpt4, "gpt-4");
        QVERIFY(base.byQuestion.size() > 300 && head.byQuestion.size() > 300);
        std::map<std::string, std::set<std::string>> cells;
        std::int64_t scored = 0, baseRight = 0, headRight = 0, paired = 0;
        for (const auto& [id, b] : base.byQuestion) {
            const auto h = head.byQuestion.find(id);
            if (h == head.byQuestion.end() || base.repeated.count(id) || head.repeated.count(id))
                continue;
            ++paired;
            if (!b || !h->second)
                continue;
            ++scored;
            baseRight += *b;
            headRight += *h->second;
            const std::string cell =
                std::string(*b ? "right" : "wrong") + "_to_" + (*h->second ? "right" : "wrong");
            cells[cell].insert("med_qa:" + id);
        }
        QCOMPARE(doc["pairing"]["paired"].get<std::int64_t>(), paired);
        QCOMPARE(doc["pairing"]["scored"].get<std::int64_t>(), scored);
        for (const char* cell :
             {"right_to_right", "right_to_wrong", "wrong_to_right", "wrong_to_wrong"}) {
            const auto ids = doc["cells"][cell]["questions"].get<std::set<std::string>>();
            QVERIFY2(ids == cells[cell], qPrintable(QString("%1: compare %2, file %3")
                                                        .arg(cell)
                                                        .arg(ids.size())
                                                        .arg(cells[cell].size())));
            QCOMPARE(doc["cells"][cell]["count"].get<std::size_t>(), cells[cell].size());
        }
        const double difference = double(headRight - baseRight) / double(scored);
        QVERIFY(std::abs(doc["accuracy"]["difference"].get<double>() - difference) < 1e-12);
        QVERIFY(std::abs(doc["accuracy"]["base"].get<double>() - double(baseRight) / scored) <
                1e-12);
        const auto ci = doc["accuracy"]["ci95"];
        QVERIFY(ci[0].get<double>() < difference && difference < ci[1].get<double>());
        qInfo("GPT-3.5 -> GPT-4: %lld paired, %lld scored; right->right %zu, right->wrong %zu, "
              "wrong->right %zu, wrong->wrong %zu; accuracy %.3f -> %.3f, difference %+.3f "
              "(95%% CI %+.3f to %+.3f), McNemar p %.2e",
              static_cast<long long>(paired), static_cast<long long>(scored),
              cells["right_to_right"].size(), cells["right_to_wrong"].size(),
              cells["wrong_to_right"].size(), cells["wrong_to_wrong"].size(),
              double(baseRight) / scored, double(headRight) / scored, difference,
              ci[0].get<double>(), ci[1].get<double>(),
              doc["accuracy"]["mcnemar_exact_p"].get<double>());
    }

private:
    QTemporaryDir dir_;
    QString project_;
};

QTEST_GUILESS_MAIN(TestCompareCli)
#include "tst_comparecli.moc"
