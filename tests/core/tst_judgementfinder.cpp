#include "ReadingTestTable.h"

#include "reading/AnalyteNameIndex.h"
#include "reading/JudgementFinder.h"

#include <QtTest>

using namespace rs;
using namespace rs::reading;

class TestJudgementFinder : public QObject {
    Q_OBJECT
private slots:
    void judgementForms_data();
    void judgementForms();
    void flags_data();
    void flags();
    void noJudgement_data();
    void noJudgement();
};

namespace {

std::vector<Judgement> judge(const std::string& text) {
    static const AnalyteNameIndex names(test::shippedReferenceTable());
    static const JudgementFinder finder(test::shippedReferenceTable(), names);
    return finder.find(text);
}

QString claimName(Claim c) {
    return QString::fromLatin1(claimWords(c));
}

} // namespace

void TestJudgementFinder::judgementForms_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("analyte"); // first analyte of the first judgement
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QString>("span");
    QTest::newRow("is normal") << "Her potassium is normal."
                               << "potassium"
                               << "normal"
                               << "potassium is normal";
    QTest::newRow("within normal limits") << "The creatinine is within normal limits."
                                          << "creatinine"
                                          << "normal"
                                          << "creatinine is within normal limits";
    QTest::newRow("in the normal range") << "Her TSH is in the normal range."
                                         << "tsh"
                                         << "normal"
                                         << "TSH is in the normal range";
    QTest::newRow("elevated before") << "The elevated creatinine suggests kidney injury."
                                     << "creatinine"
                                     << "elevated"
                                     << "elevated creatinine";
    QTest::newRow("high before") << "He has a high potassium."
                                 << "potassium"
                                 << "elevated"
                                 << "high potassium";
    QTest::newRow("low before, degree") << "The markedly low platelet count explains the bleeding."
                                        << "platelets"
                                        << "low"
                                        << "low platelet count";
    QTest::newRow("decreased") << "There is decreased hemoglobin."
                               << "hemoglobin"
                               << "low"
                               << "decreased hemoglobin";
    QTest::newRow("not low, quoted value") << "The platelet count of 67,000/mm3 is not low."
                                           << "platelets"
                                           << "not low"
                                           << "platelet count of 67,000/mm3 is not low";
    QTest::newRow("not elevated") << "The patient's chloride level is not elevated."
                                  << "chloride"
                                  << "not elevated"
                                  << "chloride level is not elevated";
    QTest::newRow("unremarkable") << "The calcium is unremarkable."
                                  << "calcium"
                                  << "normal"
                                  << "calcium is unremarkable";
    QTest::newRow("coordinated subjects") << "Creatinine 2.46 and BUN 43 are normal."
                                          << "creatinine"
                                          << "normal"
                                          << "Creatinine 2.46 and BUN 43 are normal";
    QTest::newRow("which is") << "The MCV, 79 fL, which is normal, argues against iron deficiency."
                              << "mcv"
                              << "normal"
                              << "MCV, 79 fL, which is normal";
    QTest::newRow("group") << "Her vital signs are within normal limits."
                           << "temperature"
                           << "normal"
                           << "vital signs are within normal limits";
    QTest::newRow("named state") << "The patient has thrombocytopenia."
                                 << "platelets"
                                 << "low"
                                 << "thrombocytopenia";
    QTest::newRow("named state negated") << "The patient does not have thrombocytopenia."
                                         << "platelets"
                                         << "not low"
                                         << "not have thrombocytopenia";
    QTest::newRow("adjective predicate") << "She is tachycardic and febrile."
                                         << "pulse"
                                         << "elevated"
                                         << "tachycardic";
    QTest::newRow("afebrile") << "The patient is afebrile."
                              << "temperature"
                              << "normal"
                              << "afebrile";
    QTest::newRow("microcytic anemia") << "This is a microcytic anemia."
                                       << "mcv"
                                       << "low"
                                       << "microcytic";
    QTest::newRow("no fever") << "There is no fever."
                              << "temperature"
                              << "not elevated"
                              << "no fever";
    QTest::newRow("list form") << "Pulse: 70/min - This is within the normal range."
                               << "pulse"
                               << "normal"
                               << "Pulse: 70/min - This is within the normal range";
    QTest::newRow("list form, own range")
        << "Hemoglobin: 10.1 g/dL (normal range: 12-16 g/dL) - low"
        << "hemoglobin"
        << "low"
        << "Hemoglobin: 10.1 g/dL (normal range: 12-16 g/dL) - low";
    QTest::newRow("not explain: no denial") << "This does not explain the patient's anemia."
                                            << "hemoglobin"
                                            << "low"
                                            << "anemia";
}

void TestJudgementFinder::judgementForms() {
    QFETCH(QString, output);
    QFETCH(QString, analyte);
    QFETCH(QString, claim);
    QFETCH(QString, span);
    const std::string text = output.toStdString();
    const auto js = judge(text);
    QVERIFY2(!js.empty(), "no judgement found");
    const Judgement& j = js.front();
    QCOMPARE(QString::fromStdString(j.analytes.front()), analyte);
    QCOMPARE(claimName(j.claim), claim);
    QCOMPARE(QString::fromStdString(text.substr(j.span.begin, j.span.end - j.span.begin)), span);
    QVERIFY(!j.hedged && !j.generic && !j.otherPerson);
}

void TestJudgementFinder::flags_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<bool>("hedged");
    QTest::addColumn<bool>("generic");
    QTest::addColumn<bool>("otherPerson");
    QTest::newRow("may be") << "Her potassium may be low." << true << false << false;
    QTest::newRow("could be") << "The platelet count could be elevated in this setting." << true
                              << false << false;
    QTest::newRow("if") << "If the calcium were normal, this would be unlikely." << true << false
                        << false;
    QTest::newRow("likely") << "She likely has thrombocytopenia." << true << false << false;
    QTest::newRow("can cause") << "Heparin can cause thrombocytopenia." << false << true << false;
    QTest::newRow("characterized by")
        << "ITP is characterized by a low platelet count." << false << true << false;
    QTest::newRow("typically presents")
        << "Cholangitis typically presents with jaundice and fever." << false << true << false;
    QTest::newRow("e.g.") << "Stimulants raise vital signs (e.g., increased heart rate)." << false
                          << true << false;
    QTest::newRow("family history") << "Her mother has hypercalcemia." << false << false << true;
    QTest::newRow("fetus") << "The fetal heart rate is low." << false << false << true;
}

void TestJudgementFinder::flags() {
    QFETCH(QString, output);
    QFETCH(bool, hedged);
    QFETCH(bool, generic);
    QFETCH(bool, otherPerson);
    const auto js = judge(output.toStdString());
    QVERIFY2(!js.empty(), "no judgement found");
    QCOMPARE(js.front().hedged, hedged);
    QCOMPARE(js.front().generic, generic);
    QCOMPARE(js.front().otherPerson, otherPerson);
}

void TestJudgementFinder::noJudgement_data() {
    QTest::addColumn<QString>("output");
    QTest::newRow("normal range quoted") << "The normal range of potassium is 3.5-5.0 mEq/L.";
    QTest::newRow("process noun")
        << "Insulin deficiency causes decreased glucose uptake by adipocytes.";
    QTest::newRow("disease name") << "Thrombotic thrombocytopenic purpura is a possibility.";
    QTest::newRow("comparison") << "The potassium is higher than before.";
    QTest::newRow("urine specimen") << "The urine osmolality is high.";
}

void TestJudgementFinder::noJudgement() {
    QFETCH(QString, output);
    const auto js = judge(output.toStdString());
    for (const Judgement& j : js)
        QVERIFY2(j.hedged || j.generic || j.otherPerson,
                 qPrintable(QStringLiteral("unexpected judgement on ") +
                            QString::fromStdString(j.analytes.front())));
}

QTEST_APPLESS_MAIN(TestJudgementFinder)
#include "tst_judgementfinder.moc"
