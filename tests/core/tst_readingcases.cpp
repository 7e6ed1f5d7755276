// The hand-made reading-error set (tests/data/reading/handmade-cases.jsonl): a third values
// misjudged, a third findings denied or invented (and facts misquoted), a third correct
// judgements. The checker must find at least 90% of the expected findings and raise nothing
// on the correct ones. The figures are printed.
#include "ReadingTestTable.h"

#include "reading/ReadingChecker.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>

using namespace rs;
using namespace rs::reading;

class TestReadingCases : public QObject {
    Q_OBJECT
private slots:
    void handmadeSet();
};

void TestReadingCases::handmadeSet() {
    std::ifstream in(std::string(RS_READING_CASES) + "/handmade-cases.jsonl");
    QVERIFY(in.good());
    const ReadingChecker checker(test::shippedReferenceTable());
    int cases = 0, expected = 0, found = 0, correctCases = 0, falseAlarms = 0, extra = 0;
    std::map<std::string, int> perCategory;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto c = nlohmann::json::parse(line);
        ++cases;
        ++perCategory[c.at("category").get<std::string>()];
        const auto fs =
            checker.check(c.at("question").get<std::string>(), c.at("output").get<std::string>());
        const auto& exp = c.at("expected");
        if (exp.empty()) {
            ++correctCases;
            if (!fs.empty()) {
                ++falseAlarms;
                qWarning("false alarm on %s: %s", c.at("id").get<std::string>().c_str(),
                         fs.front().explanation.c_str());
            }
            continue;
        }
        std::vector<bool> used(fs.size(), false);
        for (const auto& e : exp) {
            ++expected;
            bool hit = false;
            for (std::size_t i = 0; i < fs.size() && !hit; ++i)
                if (!used[i] && toString(fs[i].kind) == e.at("kind").get<std::string>() &&
                    fs[i].analyte == e.at("analyte").get<std::string>())
                    used[i] = hit = true;
            if (hit)
                ++found;
            else
                qWarning("missed in %s: %s %s", c.at("id").get<std::string>().c_str(),
                         e.at("kind").get<std::string>().c_str(),
                         e.at("analyte").get<std::string>().c_str());
        }
        extra += static_cast<int>(std::count(used.begin(), used.end(), false));
    }
    qInfo("hand-made reading cases: %d (value %d, finding %d, correct %d); expected findings %d, "
          "found %d (%.1f%%); "
          "false alarms on correct cases %d; extra findings on error cases %d",
          cases, perCategory["value"], perCategory["finding"], perCategory["correct"], expected,
          found, expected ? 100.0 * found / expected : 0.0, falseAlarms, extra);
    QVERIFY(cases >= 60);
    QVERIFY(correctCases * 4 >= cases); // roughly a third correct
    QVERIFY2(found * 10 >= expected * 9, "fewer than 90% of the expected findings found");
    QCOMPARE(falseAlarms, 0);
}

QTEST_APPLESS_MAIN(TestReadingCases)
#include "tst_readingcases.moc"
