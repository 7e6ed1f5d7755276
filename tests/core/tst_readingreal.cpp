// The reading checker on the real ThoughtSource MedQA outputs (GPT-4 and GPT-3.5) in
// ../shared/data. Every finding it raises there must be in the judged set
// (tests/data/reading/judged-real.jsonl: file, case id, model, both spans with offsets,
// verdict and reason, each judged by reading the question and the output), at least 90% of
// them real errors, and each judged real error still found. A new finding fails the test
// until it is read and judged. Skips without the shared data.
#include "ReadingTestTable.h"

#include "reading/ReadingChecker.h"
#include "reading/ReadingText.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <chrono>
#include <fstream>
#include <set>
#include <tuple>
#include <utility>

using namespace rs;
using namespace rs::reading;

class TestReadingReal : public QObject {
    Q_OBJECT
private slots:
    void thoughtSourceFindingsAreJudged();
};

void TestReadingReal::thoughtSourceFindingsAreJudged() {
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-4.json");
    RS_REQUIRE_SHARED("outputs/thoughtsource-medqa500-gpt-3.5-turbo.json");
    // (file, case id, output index, sub-kind, question offsets, output offsets)
    using Key =
        std::tuple<std::string, std::string, int, std::string, std::pair<std::size_t, std::size_t>,
                   std::pair<std::size_t, std::size_t>>;
    std::map<Key, std::string> judged; // -> verdict
    {
        std::ifstream in(std::string(RS_READING_CASES) + "/judged-real.jsonl");
        QVERIFY(in.good());
        std::string line;
        while (std::getline(in, line))
            if (!line.empty()) {
                const auto j = nlohmann::json::parse(line);
                QVERIFY2(!j.at("reason").get<std::string>().empty(), line.c_str());
                QVERIFY2(j.at("model") == "gpt-4" || j.at("model") == "gpt-3.5-turbo",
                         line.c_str());
                const auto q = j.at("question_offsets"), o = j.at("output_offsets");
                judged[{j.at("file"),
                        j.at("id"),
                        j.at("cot").get<int>(),
                        j.at("kind"),
                        {q[0], q[1]},
                        {o[0], o[1]}}] = j.at("verdict");
            }
    }
    const ReadingChecker checker(test::shippedReferenceTable());
    std::set<Key> raised;
    int cases = 0, unjudged = 0;
    double seconds = 0;
    for (const char* name :
         {"thoughtsource-medqa500-gpt-4.json", "thoughtsource-medqa500-gpt-3.5-turbo.json"}) {
        std::ifstream in(
            test::sharedFile(QStringLiteral("outputs/") + QLatin1String(name)).toStdString());
        const auto doc = nlohmann::json::parse(in);
        for (const auto& q : doc.at("med_qa").at("test")) {
            const std::string question = q.at("question");
            int cot = 0;
            for (const auto& g : q.at("generated_cot")) {
                const std::string text = g.at("cot");
                const auto t0 = std::chrono::steady_clock::now();
                const auto found = checker.check(question, text);
                seconds +=
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                ++cases;
                for (const ReadingFinding& f : found) {
                    const Key k{name,
                                q.at("id"),
                                cot,
                                toString(f.kind),
                                {f.questionSpan.begin, f.questionSpan.end},
                                {f.outputSpan.begin, f.outputSpan.end}};
                    raised.insert(k);
                    if (!judged.count(k)) {
                        ++unjudged;
                        qWarning("unjudged finding %s %s#%d: %s", name, std::get<1>(k).c_str(), cot,
                                 f.explanation.c_str());
                    }
                }
                ++cot;
            }
        }
    }
    int real = 0, falseAlarms = 0, lost = 0;
    for (const auto& [k, verdict] : judged) {
        QVERIFY2(verdict == "real error" || verdict == "false alarm", verdict.c_str());
        real += verdict == "real error";
        falseAlarms += verdict == "false alarm";
        if (verdict == "real error" && !raised.count(k)) {
            ++lost;
            qWarning("judged real error no longer found: %s#%d", std::get<1>(k).c_str(),
                     std::get<2>(k));
        }
    }
    // Precision over what the checker raises now: a judged finding it no longer raises does
    // not count, and an unjudged one fails below.
    int raisedReal = 0;
    for (const Key& k : raised)
        raisedReal += judged.count(k) && judged.at(k) == "real error";
    const int total = static_cast<int>(raised.size());
    qInfo("ThoughtSource reading findings: %d cases, %d raised, %zu judged (%d real, %d false "
          "alarms); "
          "precision %d/%d; checker %.3f ms per case",
          cases, total, judged.size(), real, falseAlarms, raisedReal, total,
          cases ? 1000.0 * seconds / cases : 0.0);
    QCOMPARE(unjudged, 0);
    QCOMPARE(lost, 0);
    QVERIFY(total > 0);
    QVERIFY2(raisedReal * 10 >= total * 9,
             "fewer than 90% of the raised findings are judged real errors");
}

QTEST_APPLESS_MAIN(TestReadingReal)
#include "tst_readingreal.moc"
