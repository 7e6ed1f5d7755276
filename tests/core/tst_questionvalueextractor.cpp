#include "ReadingTestTable.h"

#include "reading/AnalyteNameIndex.h"
#include "reading/QuestionValueExtractor.h"

#include <QtTest>

using namespace rs;
using namespace rs::reading;

class TestQuestionValueExtractor : public QObject {
    Q_OBJECT
private slots:
    void extractsValue_data();
    void extractsValue();
    void bloodPressurePair();
    void labTableWithSpecimens();
    void printedRange();
    void alternateUnitIsTheSameMeasurement();
    void uncoveredAnalyteIsReported();
    void patientFacts_data();
    void patientFacts();
    void durations();
};

namespace {

QuestionReading readQuestion(const std::string& q) {
    static const AnalyteNameIndex names(test::shippedReferenceTable());
    static const QuestionValueExtractor extractor(test::shippedReferenceTable(), names);
    return extractor.read(q);
}

} // namespace

void TestQuestionValueExtractor::extractsValue_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("analyte");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("span"); // the text of the value's span
    QTest::newRow("g/dL") << "Laboratory studies show a hemoglobin concentration of 9.2 g/dL."
                          << "hemoglobin" << 9.2 << "g/dL"
                          << "hemoglobin concentration of 9.2 g/dL";
    QTest::newRow("/mm3 with thousands") << "Platelet count 67,000/mm3"
                                         << "platelets" << 67000.0 << "/mm3"
                                         << "Platelet count 67,000/mm3";
    QTest::newRow("/mm³") << "Her leukocyte count is 15,500/mm³."
                          << "leukocytes" << 15500.0 << "/mm3"
                          << "leukocyte count is 15,500/mm³";
    QTest::newRow("/μL") << "platelet count of 90,000/μL"
                         << "platelets" << 90000.0 << "/mm3"
                         << "platelet count of 90,000/μL";
    QTest::newRow("mEq/L with ion") << "Serum:\nNa+: 139 mEq/L\n"
                                    << "sodium" << 139.0 << "mEq/L"
                                    << "Na+: 139 mEq/L";
    QTest::newRow("K+ abbreviation") << "K+ 6.3 mEq/L"
                                     << "potassium" << 6.3 << "mEq/L"
                                     << "K+ 6.3 mEq/L";
    QTest::newRow("mmol/L") << "Her fasting glucose is 7.8 mmol/L."
                            << "glucose" << 7.8 << "mmol/L"
                            << "fasting glucose is 7.8 mmol/L";
    QTest::newRow("percent") << "Hemoglobin A1c is 8%."
                             << "hba1c" << 8.0 << "%"
                             << "Hemoglobin A1c is 8%";
    QTest::newRow("°C") << "Her temperature is 39.1°C (102.3°F)."
                        << "temperature" << 39.1 << "°C"
                        << "temperature is 39.1°C";
    QTest::newRow("/min") << "pulse is 126/min, respirations are 28/min"
                          << "pulse" << 126.0 << "/min"
                          << "pulse is 126/min";
    QTest::newRow("beats per minute") << "heart rate of 48 beats per minute"
                                      << "pulse" << 48.0 << "/min"
                                      << "heart rate of 48 beats per minute";
    QTest::newRow("U/L") << "ALT 40 U/L"
                         << "alt" << 40.0 << "U/L"
                         << "ALT 40 U/L";
    QTest::newRow("µU/mL") << "TSH 0.1 μU/mL"
                           << "tsh" << 0.1 << "µU/mL"
                           << "TSH 0.1 μU/mL";
    QTest::newRow("ng/mL") << "Serum ferritin 8 ng/mL"
                           << "ferritin" << 8.0 << "ng/mL"
                           << "Serum ferritin 8 ng/mL";
    QTest::newRow("μm3 is fL") << "Mean corpuscular volume 79 μm3"
                               << "mcv" << 79.0 << "fL"
                               << "Mean corpuscular volume 79 μm3";
    QTest::newRow("fL") << "MCV 105 fL"
                        << "mcv" << 105.0 << "fL"
                        << "MCV 105 fL";
    QTest::newRow("pg") << "Mean corpuscular hemoglobin 24 pg"
                        << "mch" << 24.0 << "pg"
                        << "Mean corpuscular hemoglobin 24 pg";
    QTest::newRow("oxygen saturation") << "oxygen saturation is 88% on room air"
                                       << "o2sat" << 88.0 << "%"
                                       << "oxygen saturation is 88%";
    QTest::newRow("unitless pH") << "Arterial blood gas analysis shows a pH of 7.21."
                                 << "ph" << 7.21 << "-"
                                 << "pH of 7.21";
    QTest::newRow("longest name wins") << "Total bilirubin 4.2 mg/dL"
                                       << "bilirubin_total" << 4.2 << "mg/dL"
                                       << "Total bilirubin 4.2 mg/dL";
    QTest::newRow("state word as name") << "She is afebrile, tachycardic to 121/min."
                                        << "pulse" << 121.0 << "/min"
                                        << "tachycardic to 121/min";
    QTest::newRow("unit from printed range") << "HCO3 33 (Normal: 21-26 mEq/L)"
                                             << "bicarbonate" << 33.0 << "mEq/L"
                                             << "HCO3 33";
}

void TestQuestionValueExtractor::extractsValue() {
    QFETCH(QString, question);
    QFETCH(QString, analyte);
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, span);
    const std::string q = question.toStdString();
    const QuestionReading r = readQuestion(q);
    QVERIFY(!r.values.empty());
    const MeasuredValue& v = r.values.front();
    QCOMPARE(QString::fromStdString(v.analyte), analyte);
    QCOMPARE(v.value, value);
    QCOMPARE(QString::fromStdString(v.unit), unit);
    QCOMPARE(QString::fromStdString(q.substr(v.span.begin, v.span.end - v.span.begin)), span);
    QVERIFY(v.specimen.empty());
}

void TestQuestionValueExtractor::bloodPressurePair() {
    const std::string q =
        "Her temperature is 38.9°C, pulse is 110/min, and blood pressure is 150/90 mm Hg.";
    const QuestionReading r = readQuestion(q);
    const auto sbp = std::find_if(r.values.begin(), r.values.end(),
                                  [](const MeasuredValue& v) { return v.analyte == "sbp"; });
    const auto dbp = std::find_if(r.values.begin(), r.values.end(),
                                  [](const MeasuredValue& v) { return v.analyte == "dbp"; });
    QVERIFY(sbp != r.values.end() && dbp != r.values.end());
    QCOMPARE(sbp->value, 150.0);
    QCOMPARE(dbp->value, 90.0);
    QCOMPARE(QString::fromStdString(q.substr(sbp->span.begin, sbp->span.end - sbp->span.begin)),
             QStringLiteral("blood pressure is 150/90 mm Hg"));
    QCOMPARE(r.values.size(), std::size_t(4));
}

void TestQuestionValueExtractor::labTableWithSpecimens() {
    const std::string q =
        "Laboratory studies show:\nSerum\nNa+ 130 mEq/L\nCreatinine 1.1 mg/dL\nUrine\nNa+ 45 "
        "mEq/L\n"
        "Osmolality 326 mOsmol/kg H2O\n\nWhich of the following is the most likely cause?";
    const QuestionReading r = readQuestion(q);
    QCOMPARE(r.values.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(r.values[0].specimen), QString());
    QCOMPARE(QString::fromStdString(r.values[1].analyte), QStringLiteral("creatinine"));
    QCOMPARE(QString::fromStdString(r.values[2].specimen), QStringLiteral("urine"));
    QCOMPARE(QString::fromStdString(r.values[3].specimen), QStringLiteral("urine"));
    // A specimen named in prose.
    const QuestionReading prose =
        readQuestion("Urinalysis shows a urine sodium of 10 mEq/L and serum sodium of 128 mEq/L.");
    QCOMPARE(prose.values.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(prose.values[0].specimen), QStringLiteral("urine"));
    QCOMPARE(QString::fromStdString(prose.values[1].specimen), QString());
}

void TestQuestionValueExtractor::printedRange() {
    const QuestionReading r =
        readQuestion("Fibrinogen 83 mg/dL (N = 200–430 mg/dL)\nD-dimer 965 ng/mL (N < 500 ng/mL)");
    QCOMPARE(r.values.size(), std::size_t(2));
    QVERIFY(r.values[0].hasOwnRange);
    QCOMPARE(r.values[0].ownLow, 200.0);
    QCOMPARE(r.values[0].ownHigh, 430.0);
    QVERIFY(r.values[1].hasOwnRange);
    QCOMPARE(r.values[1].ownHigh, 500.0);
}

void TestQuestionValueExtractor::alternateUnitIsTheSameMeasurement() {
    const QuestionReading r = readQuestion("Her temperature is 39.1°C (102.3°F).");
    QCOMPARE(r.values.size(), std::size_t(2));
    QVERIFY(!r.values[0].alternate);
    QVERIFY(r.values[1].alternate);
    QCOMPARE(QString::fromStdString(r.values[1].unit), QStringLiteral("°F"));
}

void TestQuestionValueExtractor::uncoveredAnalyteIsReported() {
    const QuestionReading r = readQuestion("Serum haptoglobin 12 mg/dL");
    QVERIFY(r.values.empty());
    QCOMPARE(r.uncovered.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(r.uncovered[0].nameGuess), QStringLiteral("Serum haptoglobin"));
}

void TestQuestionValueExtractor::patientFacts_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<double>("age");
    QTest::addColumn<int>("sex"); // 0 unknown, 1 female, 2 male
    QTest::addColumn<int>("pregnant");
    QTest::newRow("woman") << "A 48-year-old woman comes to the physician because of fatigue."
                           << 48.0 << 1 << -1;
    QTest::newRow("man") << "A 67-year-old man is brought to the emergency department." << 67.0 << 2
                         << -1;
    QTest::newRow("pregnant")
        << "A 25-year-old primigravid woman at 32 weeks' gestation comes for a prenatal visit."
        << 25.0 << 1 << 1;
    QTest::newRow("pregnant adjective")
        << "A 31-year-old pregnant woman has headaches." << 31.0 << 1 << 1;
    QTest::newRow("negative test")
        << "A 22-year-old woman has pelvic pain. A urine pregnancy test is negative." << 22.0 << 1
        << 0;
    QTest::newRow("born at 32 weeks")
        << "A 3-week-old boy born at 32 weeks' gestation has poor feeding." << 3.0 / 52 << 2 << -1;
    QTest::newRow("mother brings child")
        << "A 35-year-old woman brings her 4-year-old son because he has a rash." << 4.0 << 2 << -1;
    QTest::newRow("months") << "A 6-month-old girl is brought for a well-child visit." << 0.5 << 1
                            << -1;
    QTest::newRow("trying to conceive")
        << "A 30-year-old woman has been trying to become pregnant for a year." << 30.0 << 1 << -1;
}

void TestQuestionValueExtractor::patientFacts() {
    QFETCH(QString, question);
    QFETCH(double, age);
    QFETCH(int, sex);
    QFETCH(int, pregnant);
    const PatientFacts f = readQuestion(question.toStdString()).facts;
    QVERIFY2(std::fabs(f.ageYears - age) < 1e-6, qPrintable(QString::number(f.ageYears)));
    QCOMPARE(static_cast<int>(f.sex), sex);
    QCOMPARE(f.pregnant, pregnant);
}

void TestQuestionValueExtractor::durations() {
    const PatientFacts f = readQuestion("A 52-year-old man comes because of a 2-month history of "
                                        "fatigue and a 3-day history of fever. "
                                        "He has smoked for 30 years.")
                               .facts;
    QCOMPARE(f.durations.size(), std::size_t(3));
    QCOMPARE(f.durations[0].amount, 2.0);
    QCOMPARE(QString::fromStdString(f.durations[0].unit), QStringLiteral("month"));
    QVERIFY(f.durations[0].history);
    QVERIFY(!f.durations[2].history);
}

QTEST_APPLESS_MAIN(TestQuestionValueExtractor)
#include "tst_questionvalueextractor.moc"
