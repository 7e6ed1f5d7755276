// Reading errors as the project's findings: sub-kind, severity, both spans, the step, the
// signature patterns group by, and the stored JSON keeping the question span.
#include "CaseResultCodec.h"
#include "FindingKinds.h"
#include "ReadingFindings.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace rs;

class TestReadingFindings : public QObject {
    Q_OBJECT
private slots:
    void mapsKindAndSeverity_data();
    void mapsKindAndSeverity();
    void keepsBothSpansAndStep();
    void signatureGroupsTheSameMisreading();
    void storedJsonKeepsTheQuestionSpan();
};

namespace {

reading::ReadingFinding platelets() {
    reading::ReadingFinding rf;
    rf.kind = reading::ReadingKind::ValueMisjudged;
    rf.analyte = "platelets";
    rf.questionSpan = {40, 66};
    rf.outputSpan = {30, 70};
    rf.severity = 3;
    rf.claimed = "not low";
    rf.actual = "low";
    rf.explanation = "Calls the platelet count of 67,000/mm3 not low; the reference range is "
                     "150,000–400,000/mm³.";
    return rf;
}

} // namespace

void TestReadingFindings::mapsKindAndSeverity_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("grade");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("severity");
    QTest::newRow("mild value") << int(reading::ReadingKind::ValueMisjudged) << 1
                                << "value_misjudged"
                                << "minor";
    QTest::newRow("moderate denial")
        << int(reading::ReadingKind::FindingDenied) << 2 << "finding_denied"
        << "major";
    QTest::newRow("marked invention")
        << int(reading::ReadingKind::FindingInvented) << 3 << "finding_invented"
        << "major";
    QTest::newRow("marked, wrong answer")
        << int(reading::ReadingKind::FactMisquoted) << 4 << "fact_misquoted"
        << "critical";
}

void TestReadingFindings::mapsKindAndSeverity() {
    QFETCH(int, kind);
    QFETCH(int, grade);
    QFETCH(QString, subtype);
    QFETCH(QString, severity);
    reading::ReadingFinding rf = platelets();
    rf.kind = reading::ReadingKind(kind);
    rf.severity = grade;
    const Finding f = readingFinding(rf, {});
    QCOMPARE(f.type, FindingType::Reading);
    QCOMPARE(QString::fromStdString(f.subtype), subtype);
    QCOMPARE(QString(severityName(f.severity)), severity);
    const auto known = findingSubtypeFromName(f.subtype);
    QVERIFY(known);
    QCOMPARE(findingSubtypeType(*known), FindingType::Reading);
}

void TestReadingFindings::keepsBothSpansAndStep() {
    const std::vector<Step> steps = {{0, 25, "numbered"}, {25, 90, "numbered"}};
    const Finding f = readingFinding(platelets(), steps);
    QCOMPARE(f.spanBegin, std::size_t(30));
    QCOMPARE(f.spanEnd, std::size_t(70));
    QCOMPARE(f.questionSpanBegin, std::size_t(40));
    QCOMPARE(f.questionSpanEnd, std::size_t(66));
    QCOMPARE(f.step, 1);
    QVERIFY(f.explanation.find("67,000") != std::string::npos);
    QCOMPARE(readingFinding(platelets(), {{0, 10, "sentence"}}).step, -1); // in no step
}

void TestReadingFindings::signatureGroupsTheSameMisreading() {
    QCOMPARE(readingFinding(platelets(), {}).signature,
             std::string("reading/value_misjudged/calls low platelets not low"));
    reading::ReadingFinding other = platelets();
    other.questionSpan = {5, 9};
    other.outputSpan = {100, 120};
    other.severity = 1;
    QCOMPARE(readingFinding(other, {}).signature, readingFinding(platelets(), {}).signature);
    other.actual = "normal";
    other.claimed = "low";
    QVERIFY(readingFinding(other, {}).signature != readingFinding(platelets(), {}).signature);
    reading::ReadingFinding denied;
    denied.kind = reading::ReadingKind::FindingDenied;
    denied.analyte = "weight loss";
    QCOMPARE(readingFinding(denied, {}).signature,
             std::string("reading/finding_denied/denies weight loss"));
}

void TestReadingFindings::storedJsonKeepsTheQuestionSpan() {
    CaseResult r;
    r.id = "q1";
    CaseResult::Finding f;
    f.type = FindingType::Reading;
    f.subtype = "value_misjudged";
    f.severity = Severity::Major;
    f.span = {30, 70};
    f.questionSpan = {40, 66};
    f.explanation = "x";
    r.findings.push_back(f);
    const nlohmann::json j = encodeCaseResult(r);
    QCOMPARE(j["findings"][0]["type"].get<std::string>(), std::string("reading"));
    QVERIFY(j["findings"][0]["question_span"] == nlohmann::json::array({40, 66}));
    const CaseResult back = decodeCaseResult(j);
    QCOMPARE(back.findings.size(), std::size_t(1));
    QVERIFY(back.findings[0].questionSpan == f.questionSpan);
    QVERIFY(back.findings[0].span == f.span);
}

QTEST_APPLESS_MAIN(TestReadingFindings)
#include "tst_readingfindings.moc"
