// Every claim pattern has words for the instance view: a label of its own (not the enum's
// name) and an explanation with an example (ClaimEvidenceText.cpp).
#include "ClaimEvidenceText.h"

#include <QtTest>

using namespace rs;

class TestClaimEvidenceText : public QObject {
    Q_OBJECT
private slots:
    void patternWords_data();
    void patternWords();
    void readingText();
};

void TestClaimEvidenceText::patternWords_data() {
    QTest::addColumn<int>("pattern");
    QTest::addColumn<QString>("label");
    const std::pair<ClaimPattern, const char*> rows[] = {
        {ClaimPattern::Direct, "direct"},
        {ClaimPattern::Coordination, "coordination"},
        {ClaimPattern::RelativeClause, "relative clause"},
        {ClaimPattern::Apposition, "apposition"},
        {ClaimPattern::CausalChain, "causal chain"},
        {ClaimPattern::ActionEffect, "action effect"},
        {ClaimPattern::ItemLabel, "item label"},
        {ClaimPattern::SuchAs, "such-as list"},
        {ClaimPattern::Copular, "copular"},
        {ClaimPattern::SecondPredicate, "second predicate"},
        {ClaimPattern::FrontedEvidence, "fronted evidence"}};
    for (const auto& [pattern, label] : rows)
        QTest::newRow(label) << int(pattern) << QString::fromLatin1(label);
}

void TestClaimEvidenceText::patternWords() {
    QFETCH(int, pattern);
    QFETCH(QString, label);
    const auto p = ClaimPattern(pattern);
    QCOMPARE(QString::fromStdString(claimPatternLabel(p)), label);
    const std::string explanation = claimPatternExplanation(p);
    QVERIFY2(explanation.size() > 40 && explanation.find('"') != std::string::npos,
             "an explanation with a quoted example");
}

void TestClaimEvidenceText::readingText() {
    CaseResult::Claim c;
    c.pattern = ClaimPattern::FrontedEvidence;
    c.cue = "Given";
    QCOMPARE(QString::fromStdString(claimReadingText(c)),
             QString::fromUtf8("fronted evidence · cue “Given”"));
}

QTEST_APPLESS_MAIN(TestClaimEvidenceText)
#include "tst_claimevidencetext.moc"
