// The --filter syntax: what each term selects, the canonical text reports print, round trips
// and clear messages (with the position) for bad terms.
#include "CaseFilterSpec.h"

#include <QtTest>

using namespace rs;

namespace {

std::vector<ProjectStore::RunInfo> runs() {
    ProjectStore::RunInfo a, b;
    a.id = 1;
    a.label = "gpt-4";
    b.id = 2;
    b.label = "model b 2024-06";
    return {a, b};
}

} // namespace

class TestCaseFilterSpec : public QObject {
    Q_OBJECT
private slots:
    void parsesToCanonicalText_data();
    void parsesToCanonicalText();
    void fields();
    void roundTrip();
    void badFilters_data();
    void badFilters();
};

void TestCaseFilterSpec::parsesToCanonicalText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("blanks") << "   "
                            << "";
    QTest::newRow("run by label") << "run=gpt-4"
                                  << "run=gpt-4";
    QTest::newRow("quoted label") << "run=\"model b 2024-06\""
                                  << "run=\"model b 2024-06\"";
    QTest::newRow("order is canonical") << "review=unreviewed class=relation correct=no"
                                        << "correct=no class=relation review=unreviewed";
    QTest::newRow("two classes") << "class=branch class=missing"
                                 << "class=branch class=missing";
    QTest::newRow("search with quote") << "search=\"say \\\"hi\\\" now\""
                                       << "search=\"say \\\"hi\\\" now\"";
    QTest::newRow("case ids") << "case=3,5 case=7"
                              << "case=3,5,7";
    QTest::newRow("question after run") << "correct=no question=\"medqa:12 b\" run=gpt-4"
                                        << "run=gpt-4 question=\"medqa:12 b\" correct=no";
    QTest::newRow("pattern") << "pattern=relation/unsupported/(Compound,treats,Disease)"
                             << "pattern=relation/unsupported/(Compound,treats,Disease)";
}

void TestCaseFilterSpec::parsesToCanonicalText() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    CaseQuery q;
    std::string error;
    QVERIFY2(parseCaseFilter(text.toStdString(), runs(), &q, &error), error.c_str());
    QCOMPARE(QString::fromStdString(formatCaseFilter(q, runs())), canonical);
}

void TestCaseFilterSpec::fields() {
    CaseQuery q;
    q.sort = CaseQuery::Sort::Severity;
    std::string error;
    QVERIFY(parseCaseFilter("run=\"model b 2024-06\" correct=unscored subtype=jump review=rejected "
                            "search=\"chest pain\" case=4 question=q-7",
                            runs(), &q, &error));
    QCOMPARE(q.runIds, std::vector<std::int64_t>{2});
    QCOMPARE(q.questionId, std::optional<std::string>("q-7"));
    QCOMPARE(q.correctness, StoreCorrectness::Unscored);
    QCOMPARE(q.findingSubtypes, std::vector<std::string>{"jump"});
    QCOMPARE(q.reviewState, std::optional<std::string>("rejected"));
    QCOMPARE(q.search, std::string("chest pain"));
    QCOMPARE(q.caseIds, std::vector<std::int64_t>{4});
    QCOMPARE(q.sort, CaseQuery::Sort::Severity); // the caller's sort stays
}

void TestCaseFilterSpec::roundTrip() {
    CaseQuery q;
    q.runIds = {2, 1};
    q.correctness = StoreCorrectness::Correct;
    q.findingTypes = {"grounding"};
    q.findingSubtypes = {"plausible_branch"};
    q.signatures = {"branch/A -> B", "x\"y\\z"};
    q.search = "  \"weight loss\" OR fever";
    q.reviewState = "unsure";
    q.caseIds = {9, 1};
    q.questionId = "medqa:4";
    CaseQuery back;
    std::string error;
    QVERIFY2(parseCaseFilter(formatCaseFilter(q, runs()), runs(), &back, &error), error.c_str());
    QVERIFY(back == q);
}

void TestCaseFilterSpec::badFilters_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("no equals") << "relation"
                               << "character 1: \"relation\" is not KEY=VALUE";
    QTest::newRow("unknown key") << "class=branch colour=red"
                                 << "character 14: unknown filter key \"colour\"";
    QTest::newRow("unknown run") << "run=gpt-5"
                                 << "no run labelled \"gpt-5\"";
    QTest::newRow("bad class") << "class=typo"
                               << "class takes relation, branch, missing, grounding";
    QTest::newRow("bad correct") << "correct=maybe"
                                 << "correct takes yes, no or unscored";
    QTest::newRow("bad review") << "review=ok"
                                << "review takes confirmed";
    QTest::newRow("twice") << "review=unsure review=rejected"
                           << "review given twice";
    QTest::newRow("question twice") << "question=a question=b"
                                    << "question given twice";
    QTest::newRow("open quote") << "search=\"chest"
                                << "has no closing quote";
    QTest::newRow("empty value") << "search="
                                 << "search needs a value";
    QTest::newRow("bad id") << "case=3,x"
                            << "case takes case row ids";
}

void TestCaseFilterSpec::badFilters() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    CaseQuery q;
    q.search = "untouched";
    std::string error;
    QVERIFY(!parseCaseFilter(text.toStdString(), runs(), &q, &error));
    QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
    QCOMPARE(q.search, std::string("untouched"));
}

QTEST_APPLESS_MAIN(TestCaseFilterSpec)
#include "tst_casefilterspec.moc"
