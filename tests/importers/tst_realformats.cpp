// Files written by other people's tools (../shared/data/outputs/real-formats, see its
// README): each must import with no error, with gold and prediction on every record as the
// file itself states them, and with the accuracy the tool itself computed. The expected
// values are read here from the file's own fields with plain nlohmann/json, not through
// any importer code, so a reader bug cannot hide behind a shared helper.
#include "../support/SharedData.h"
#include "ImportTestUtil.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace rs;
using rs::test::ImportResult;
using rs::test::runImport;
using Json = nlohmann::json;

class TestRealFormats : public QObject {
    Q_OBJECT
private slots:
    void lmEval_data();
    void lmEval();
    void thoughtSourceExamples();
};

namespace {

std::vector<Json> jsonLines(const std::string& path) {
    std::vector<Json> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(Json::parse(line));
    return lines;
}

std::string letter(std::size_t index) {
    return std::string(1, char('A' + index));
}

// What the file says for one lm-eval record: gold as an option letter (or the answer
// text where the task has no lettered options), the response the tool scored, and the
// tool's verdict from the record's first metric.
struct Stated {
    std::string gold;
    std::string prediction;
    bool correct = false;
};

Stated statedByFile(const Json& rec) {
    Stated s;
    const std::string metric = rec["metrics"][0].get<std::string>();
    s.correct = rec[metric].get<double>() == 1.0;
    const Json& target = rec["target"];
    const Json& first = rec["resps"][0];
    const bool generated = first[0].is_string();
    if (generated) {
        s.prediction = rec["filtered_resps"][0].get<std::string>();
        s.gold = target.get<std::string>();
        return s;
    }
    // Log-likelihood task: the answer is the choice with the highest log-likelihood (the
    // first on a tie, like numpy's argmax), the target its index.
    std::size_t best = 0;
    double bestLl = 0;
    for (std::size_t i = 0; i < rec["resps"].size(); ++i) {
        const double ll = std::stod(rec["resps"][i][0][0].get<std::string>());
        if (i == 0 || ll > bestLl) {
            best = i;
            bestLl = ll;
        }
    }
    const std::size_t gold =
        target.is_string() ? std::stoul(target.get<std::string>()) : target.get<std::size_t>();
    s.gold = letter(gold);
    s.prediction = letter(best);
    return s;
}

} // namespace

void TestRealFormats::lmEval_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<bool>("loglikelihood");
    QTest::addColumn<bool>("context"); // the question must carry the abstract
    QTest::newRow("MedQA 4 options, generative")
        << "lmeval_samples_medqa_4options_generation_LEVEL1.jsonl" << 1273 << false << false;
    QTest::newRow("PubMedQA, generative")
        << "lmeval_samples_pubmedqa_generation_baseline.jsonl" << 500 << false << true;
    QTest::newRow("MedMCQA, log-likelihood")
        << "lmeval_samples_medmcqa_loglik_excerpt3.jsonl" << 3 << true << false;
}

void TestRealFormats::lmEval() {
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(bool, loglikelihood);
    QFETCH(bool, context);
    const QString relative = QStringLiteral("outputs/real-formats/") + file;
    const QString path = rs::test::sharedFile(relative);
    if (path.isEmpty() || !QFileInfo::exists(path))
        QSKIP(qPrintable(QStringLiteral("shared data not available: ") + relative +
                         QStringLiteral(" (needs ../shared/data beside the project)")));

    const std::vector<Json> lines = jsonLines(path.toStdString());
    QCOMPARE(int(lines.size()), records);
    const ImportResult r = runImport(path.toStdString());
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QVERIFY2(r.summary.fatalError.empty(), r.summary.fatalError.c_str());
    QCOMPARE(r.summary.format, OutputFormat::LmEvalHarness);
    QCOMPARE(r.cases.size(), lines.size());

    double metricSum = 0;
    int correct = 0, scored = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Json& rec = lines[i];
        const Case& c = r.cases[i];
        const Stated s = statedByFile(rec);
        metricSum += s.correct ? 1.0 : 0.0;
        QVERIFY2(c.gold == s.gold, qPrintable(QStringLiteral("record %1: gold %2, file says %3")
                                                  .arg(i + 1)
                                                  .arg(QString::fromStdString(c.gold),
                                                       QString::fromStdString(s.gold))));
        QVERIFY2(c.prediction == s.prediction,
                 qPrintable(QStringLiteral("record %1: prediction %2, file says %3")
                                .arg(i + 1)
                                .arg(QString::fromStdString(c.prediction),
                                     QString::fromStdString(s.prediction))));
        QVERIFY2(c.correct.has_value(),
                 qPrintable(QStringLiteral("record %1 unscored").arg(i + 1)));
        QCOMPARE(*c.correct, s.correct);
        scored += 1;
        correct += *c.correct ? 1 : 0;
        QCOMPARE(c.scoredFromLoglikelihoods, loglikelihood);
        if (loglikelihood) {
            QVERIFY(c.output.empty());
            QVERIFY(c.options.size() == 4);
            // The gold option names its text, so it can be looked up in the KG.
            const std::string opKey = std::string("op") + char('a' + (c.gold[0] - 'A'));
            QCOMPARE(c.options[std::size_t(c.gold[0] - 'A')].text,
                     rec["doc"][opKey].get<std::string>());
        } else {
            QCOMPARE(c.output, rec["resps"][0][0].get<std::string>());
        }
        const Json& doc = rec["doc"];
        if (context) {
            const std::string question = doc["QUESTION"].get<std::string>();
            QVERIFY(c.question.size() > question.size());
            QVERIFY(c.question.ends_with(question));
            for (const Json& paragraph : doc["CONTEXTS"])
                QVERIFY2(
                    c.question.find(paragraph.get<std::string>()) != std::string::npos,
                    qPrintable(QStringLiteral("record %1: abstract paragraph missing").arg(i + 1)));
        }
    }
    // The tool's own metric over the file, against ReasonScope's accuracy.
    const double toolAccuracy = metricSum / double(lines.size());
    const double ours = double(correct) / double(scored);
    qInfo("%s: %zu records, %zu errors, accuracy %d/%d = %.4f, file's metric %.4f",
          qPrintable(file), lines.size(), r.errors.size(), correct, scored, ours, toolAccuracy);
    QCOMPARE(scored, records);
    QCOMPARE(ours, toolAccuracy);
}

void TestRealFormats::thoughtSourceExamples() {
    RS_REQUIRE_SHARED("outputs/real-formats/ts_med_qa-examples.json");
    const std::string path =
        rs::test::sharedFile("outputs/real-formats/ts_med_qa-examples.json").toStdString();
    std::ifstream in(path);
    const Json doc = Json::parse(in);

    // Expected, straight from the file: one case per generated_cot entry, gold the
    // letter of the item's answer among its choices, prediction the letter of the answer
    // ThoughtSource extracted, verdict its correct_answer.
    struct Expected {
        std::string gold, prediction;
        bool correct;
    };
    std::map<std::string, Expected> expected; // by generated_cot id
    int toolCorrect = 0;
    for (const auto& [dataset, splits] : doc.items())
        for (const auto& [split, items] : splits.items())
            for (const Json& item : items) {
                const Json& choices = item["choices"];
                auto letterOf = [&](const std::string& text) {
                    for (std::size_t i = 0; i < choices.size(); ++i)
                        if (choices[i].get<std::string>() == text)
                            return letter(i);
                    return std::string();
                };
                for (const Json& cot : item["generated_cot"]) {
                    const Json& a = cot["answers"][0];
                    const bool ok = a["correct_answer"].get<bool>();
                    toolCorrect += ok ? 1 : 0;
                    expected[cot["id"].get<std::string>()] = {
                        letterOf(item["answer"][0].get<std::string>()),
                        letterOf(a["answer"].get<std::string>()), ok};
                }
            }

    const ImportResult r = runImport(path);
    QVERIFY2(r.errors.empty(), qPrintable(r.errorText()));
    QCOMPARE(r.summary.format, OutputFormat::ThoughtSource);
    QCOMPARE(r.cases.size(), expected.size());
    QCOMPARE(r.summary.skippedUnnamedOutputs, std::size_t(0));
    int correct = 0;
    for (const Case& c : r.cases) {
        const auto it = expected.find(c.key);
        QVERIFY2(it != expected.end(), c.key.c_str());
        QVERIFY2(c.gold == it->second.gold, c.key.c_str());
        QVERIFY2(
            c.prediction == it->second.prediction,
            qPrintable(QStringLiteral("%1: prediction '%2', the file's answer is option '%3'")
                           .arg(QString::fromStdString(c.key), QString::fromStdString(c.prediction),
                                QString::fromStdString(it->second.prediction))));
        QVERIFY(c.correct.has_value());
        QCOMPARE(*c.correct, it->second.correct);
        correct += *c.correct ? 1 : 0;
    }
    qInfo("ts_med_qa-examples.json: %zu records, %zu errors, %d correct of %zu scored; file: %d "
          "correct",
          r.cases.size(), r.errors.size(), correct, r.cases.size(), toolCorrect);
    QCOMPARE(correct, toolCorrect);
}

QTEST_APPLESS_MAIN(TestRealFormats)
#include "tst_realformats.moc"
