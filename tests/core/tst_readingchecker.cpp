#include "ReadingTestTable.h"

#include "reading/ReadingChecker.h"

#include <QtTest>

using namespace rs;
using namespace rs::reading;

class TestReadingChecker : public QObject {
    Q_OBJECT
private slots:
    void finds_data();
    void finds();
    void nearMissesDoNotFire_data();
    void nearMissesDoNotFire();
    void explanationQuotesBothSpans();
    void wrongAnswerRaisesSeverity();
};

namespace {

const ReadingChecker& checker() {
    static const ReadingChecker c(test::shippedReferenceTable());
    return c;
}

} // namespace

void TestReadingChecker::finds_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("analyte");
    QTest::newRow("platelets not low")
        << "A 30-year-old woman has gum bleeding. Platelet count is 67,000/mm3."
        << "The platelet count of 67,000 is not low."
        << "value_misjudged"
        << "platelets";
    QTest::newRow("HbA1c normal") << "A 55-year-old man has fatigue. Hemoglobin A1c is 8%."
                                  << "His HbA1c is normal."
                                  << "value_misjudged"
                                  << "hba1c";
    QTest::newRow("mmol/L converted") << "A 60-year-old man. Serum glucose 16.5 mmol/L."
                                      << "The glucose is normal."
                                      << "value_misjudged"
                                      << "glucose";
    QTest::newRow("°F converted") << "A 20-year-old man. His temperature is 103.1°F."
                                  << "The patient is afebrile."
                                  << "value_misjudged"
                                  << "temperature";
    QTest::newRow("fever denied") << "A 39-year-old woman. Her temperature is 39.1°C (102.3°F)."
                                  << "The patient does not have fever."
                                  << "finding_denied"
                                  << "temperature";
    QTest::newRow("tachycardia invented") << "A 45-year-old man. His pulse is 72/min."
                                          << "He is tachycardic."
                                          << "finding_invented"
                                          << "pulse";
    QTest::newRow("weight loss denied")
        << "A 61-year-old man has a 3-month history of fatigue and a 6-kg weight loss."
        << "The patient does not have weight loss."
        << "finding_denied"
        << "weight loss";
    QTest::newRow("fever invented") << "A 30-year-old man has a cough. He denies fever or chills."
                                    << "The patient has fever, which suggests pneumonia."
                                    << "finding_invented"
                                    << "fever";
    QTest::newRow("age misquoted") << "A 48-year-old woman has hot flashes."
                                   << "This 45-year-old woman has menopause."
                                   << "fact_misquoted"
                                   << "age";
    QTest::newRow("postmenopausal at 32") << "A 32-year-old woman has pelvic pain."
                                          << "The patient is postmenopausal."
                                          << "fact_misquoted"
                                          << "menopause";
    QTest::newRow("not pregnant") << "A 28-year-old woman at 30 weeks' gestation has headaches."
                                  << "She is not pregnant."
                                  << "fact_misquoted"
                                  << "pregnancy";
    QTest::newRow("value misquoted") << "A 30-year-old woman. Platelet count is 67,000/mm3."
                                     << "Her platelet count of 76,000/mm3 suggests ITP."
                                     << "fact_misquoted"
                                     << "platelets";
    QTest::newRow("duration misquoted") << "A 50-year-old man has a 2-month history of cough."
                                        << "He has a 6-month history of cough."
                                        << "fact_misquoted"
                                        << "duration";
}

void TestReadingChecker::finds() {
    QFETCH(QString, question);
    QFETCH(QString, output);
    QFETCH(QString, kind);
    QFETCH(QString, analyte);
    const auto fs = checker().check(question.toStdString(), output.toStdString());
    QVERIFY2(fs.size() == 1, qPrintable(QStringLiteral("%1 findings").arg(fs.size())));
    QCOMPARE(QString::fromLatin1(toString(fs[0].kind)), kind);
    QCOMPARE(QString::fromStdString(fs[0].analyte), analyte);
    QVERIFY(!fs[0].questionSpan.empty());
    QVERIFY(!fs[0].outputSpan.empty());
}

void TestReadingChecker::nearMissesDoNotFire_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("output");
    QTest::newRow("abnormal called abnormal") << "Platelet count is 67,000/mm3."
                                              << "The platelet count is low, consistent with ITP.";
    QTest::newRow("named state correct") << "Platelet count is 67,000/mm3."
                                         << "The patient has thrombocytopenia.";
    QTest::newRow("range edge, called normal") << "Mean corpuscular volume 80 μm3"
                                               << "The MCV is normal.";
    QTest::newRow("range edge, called low") << "Mean corpuscular volume 80 μm3"
                                            << "The MCV is low.";
    QTest::newRow("two values at two times") << "Serum:\nK+: 6.3 mEq/L\n\nAfter treatment, his "
                                                "laboratory values are:\nSerum:\nK+: 4.3 mEq/L\n"
                                             << "His potassium is now normal.";
    QTest::newRow("a fall from one value to another")
        << "On day 6 there is a drop in platelet count from 260,000/mm3 to 95,000/mm3."
        << "This is heparin-induced thrombocytopenia.";
    QTest::newRow("hedged") << "Platelet count is 67,000/mm3."
                            << "If the platelet count were normal, ITP would be unlikely.";
    QTest::newRow("may") << "Her potassium is 3.9 mEq/L."
                         << "Hyperaldosteronism may cause a low potassium.";
    QTest::newRow("family history") << "His calcium is 9.4 mg/dL. His father had hypercalcemia."
                                    << "His father had hypercalcemia.";
    QTest::newRow("urine value is not serum")
        << "Serum:\nNa+ 130 mEq/L\nUrine:\nNa+ 45 mEq/L\n"
        << "The urine sodium is high, and the serum sodium is low.";
    QTest::newRow("state the question names")
        << "She has had fevers for 3 days. Her temperature is 37.0°C."
        << "Her fever suggests infection.";
    QTest::newRow("knowledge, not the patient") << "His platelet count is 250,000/mm3."
                                                << "Heparin can cause thrombocytopenia.";
    QTest::newRow("rounded quote") << "Glucose: 589 mg/dL"
                                   << "His glucose of 590 mg/dL is high.";
    QTest::newRow("borderline pulse") << "His pulse is 102/min."
                                      << "His heart rate is normal.";
    QTest::newRow("denied finding the question denies") << "He denies weight loss."
                                                        << "The patient does not have weight loss.";
    QTest::newRow("generic pain") << "She has chest pain."
                                  << "The patient has no abdominal pain.";
    QTest::newRow("sex-specific range") << "A 30-year-old woman. Hemoglobin 12.5 g/dL."
                                        << "Her hemoglobin is normal.";
    QTest::newRow("premenopausal at 48 is debatable") << "A 48-year-old woman has irregular menses."
                                                      << "She is perimenopausal.";
}

void TestReadingChecker::nearMissesDoNotFire() {
    QFETCH(QString, question);
    QFETCH(QString, output);
    const auto fs = checker().check(question.toStdString(), output.toStdString());
    QVERIFY2(fs.empty(), fs.empty() ? "" : fs.front().explanation.c_str());
}

void TestReadingChecker::explanationQuotesBothSpans() {
    const std::string q =
        "A 30-year-old woman has bruises. Laboratory studies show a platelet count of 67,000/mm3.";
    const std::string o = "The platelet count of 67,000/mm3 is not low, so ITP is unlikely.";
    const auto fs = checker().check(q, o);
    QCOMPARE(fs.size(), std::size_t(1));
    const ReadingFinding& f = fs[0];
    QCOMPARE(QString::fromStdString(
                 q.substr(f.questionSpan.begin, f.questionSpan.end - f.questionSpan.begin)),
             QStringLiteral("platelet count of 67,000/mm3"));
    QCOMPARE(
        QString::fromStdString(o.substr(f.outputSpan.begin, f.outputSpan.end - f.outputSpan.begin)),
        QStringLiteral("platelet count of 67,000/mm3 is not low"));
    QCOMPARE(QString::fromStdString(f.explanation),
             QStringLiteral("Calls the platelet count of 67,000/mm3 not low (\"platelet count of "
                            "67,000/mm3 is not low\"); "
                            "the reference range is 150,000–400,000/mm³."));
    QCOMPARE(f.severity, 3);
}

void TestReadingChecker::wrongAnswerRaisesSeverity() {
    const std::string q = "A 70-year-old man. Platelet count is 140,000/mm3.";
    const std::string o = "He has a normal platelet count.";
    const auto right = checker().check(q, o, false);
    const auto wrong = checker().check(q, o, true);
    QCOMPARE(right.size(), std::size_t(1));
    QCOMPARE(wrong.size(), std::size_t(1));
    QCOMPARE(right[0].severity, 1);
    QCOMPARE(wrong[0].severity, 2);
    QVERIFY(wrong[0].answerWrong);
}

QTEST_APPLESS_MAIN(TestReadingChecker)
#include "tst_readingchecker.moc"
