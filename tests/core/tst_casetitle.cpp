// Case titles from questions written the way USMLE-style vignettes open: the patient and
// what brings them, shortened at a word with "…", and a fallback for openings without a
// patient.
#include "CaseTitle.h"

#include <QtTest>

using namespace rs;

class TestCaseTitle : public QObject {
    Q_OBJECT
private slots:
    void titles_data();
    void titles();
    void staysWithinTheLimit_data();
    void staysWithinTheLimit();
};

void TestCaseTitle::titles_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("title");
    QTest::newRow("because of, duration kept")
        << "A 35-year-old woman comes to the physician because of depressed mood for 3 years. She "
           "sleeps poorly."
        << "35-year-old woman, depressed mood for 3 years";
    QTest::newRow("history of turned into a duration")
        << "A 48-year-old man comes to the emergency department because of a 3-day history of "
           "fever and flank pain. "
           "His temperature is 38.9\u00b0C."
        << "48-year-old man, fever and flank pain for 3 days";
    QTest::newRow("one day is singular")
        << "A 19-year-old woman comes to the clinic because of a 1-day history of sore throat."
        << "19-year-old woman, sore throat for 1 day";
    QTest::newRow("with the complaint of beats with")
        << "A 61-year-old obese woman presents to the clinic with the complaint of burning chest "
           "pain after meals."
        << "61-year-old obese woman, burning chest pain after meals";
    QTest::newRow("with her physician is no complaint")
        << "A 70-year-old man sees his physician for evaluation of memory loss. He lives alone."
        << "70-year-old man, memory loss";
    QTest::newRow("background history skipped for the complaint")
        << "A 52-year-old man with a history of gout presents to his physician with a swollen left "
           "ankle."
        << "52-year-old man, swollen left ankle";
    QTest::newRow("after the onset of")
        << "A 64-year-old woman is brought to the emergency department 40 minutes after the onset "
           "of crushing chest pain."
        << "64-year-old woman, crushing chest pain";
    QTest::newRow("months-old boy, by his parents for")
        << "A 4-month-old boy is brought to the physician by his parents for poor feeding and "
           "vomiting."
        << "4-month-old boy, poor feeding and vomiting";
    QTest::newRow("hyphen before the noun")
        << "A 28-year-old-woman presents to her gynecologist requesting a change of contraception."
        << "28-year-old woman, change of contraception";
    QTest::newRow("decimal in the first sentence is no sentence end")
        << "A 33-year-old man is brought to the emergency department because of a temperature of "
           "40.2\u00b0C and confusion."
        << "33-year-old man, temperature of 40.2\u00b0C and confusion";
    QTest::newRow("no complaint phrase: what happens")
        << "A 45-year-old woman undergoes an elective cholecystectomy. On the second day she is "
           "febrile."
        << "45-year-old woman, undergoes an elective cholecystectomy";
    QTest::newRow("no patient: the opening, capitalised")
        << "The patient is started on intravenous heparin. Two days later his platelet count falls."
        << "Patient is started on intravenous heparin";
    QTest::newRow("long complaint shortened at a word")
        << "A 57-year-old man comes to the physician because of progressive shortness of breath on "
           "exertion, "
           "swelling of both ankles and waking at night to urinate over several months."
        << "57-year-old man, progressive shortness of breath on exertion\u2026";
    QTest::newRow("preview cut inside the sentence loses its cut word")
        << "A 22-year-old woman comes to the physician because of intermittent palpitations and "
           "lighthead"
        << "22-year-old woman, intermittent palpitations\u2026"; // no dangling "and"
    QTest::newRow("white space and line breaks")
        << "  A 6-year-old girl\nis brought to the clinic\tbecause of a rash on her legs.  "
        << "6-year-old girl, rash on her legs";
    QTest::newRow("background condition after the patient, reason later")
        << "A 58-year-old man with chronic kidney disease comes to the physician because of "
           "itching for 2 weeks."
        << "58-year-old man, itching for 2 weeks";
    QTest::newRow("background condition only")
        << "A 44-year-old woman with lupus comes to the office."
        << "44-year-old woman, lupus comes to the office";
    QTest::newRow("a second with names the complaint")
        << "A 47-year-old woman with asthma presents to the clinic with a painful swollen knee."
        << "47-year-old woman, painful swollen knee";
    QTest::newRow("after he: no complaint")
        << "A 71-year-old man is seen by cardiology after he fainted at home."
        << "71-year-old man, is seen by cardiology after he fainted at home";
    QTest::newRow("duration kept in front when moving it would cut it")
        << "A 66-year-old man comes to the physician because of a 4-month history of fatigue, "
           "worsening "
           "abdominal pain and drenching night sweats."
        << "66-year-old man, 4-month history of fatigue, worsening\u2026";
    QTest::newRow("empty") << ""
                           << "";
}

void TestCaseTitle::titles() {
    QFETCH(QString, question);
    QFETCH(QString, title);
    QCOMPARE(QString::fromStdString(caseTitle(question.toStdString())), title);
}

void TestCaseTitle::staysWithinTheLimit_data() {
    QTest::addColumn<QString>("question");
    QTest::addColumn<int>("maxChars");
    const QString long1 =
        "A 39-year-old woman is brought to the emergency department because of fever, chills, "
        "rigors, "
        "left lower quadrant pain, nausea, vomiting and a foul-smelling vaginal discharge.";
    QTest::newRow("40") << long1 << 40;
    QTest::newRow("64") << long1 << 64;
    QTest::newRow("non-ASCII counted as characters")
        << QString("A 40-year-old man comes because of \u00e9\u00e9\u00e9\u00e9 "
                   "\u00e9\u00e9\u00e9\u00e9 "
                   "\u00e9\u00e9\u00e9\u00e9 \u00e9\u00e9\u00e9\u00e9 \u00e9\u00e9\u00e9\u00e9 "
                   "\u00e9\u00e9\u00e9\u00e9.")
        << 40;
}

void TestCaseTitle::staysWithinTheLimit() {
    QFETCH(QString, question);
    QFETCH(int, maxChars);
    const QString title =
        QString::fromStdString(caseTitle(question.toStdString(), std::size_t(maxChars)));
    QVERIFY2(title.size() <= maxChars, qPrintable(title));
    QVERIFY2(title.endsWith(QChar(0x2026)), qPrintable(title));
    QVERIFY2(!title.contains(QStringLiteral(" \u2026")), qPrintable(title));
    QVERIFY(title.startsWith(question.mid(2, 10).section(' ', 0, 0)));
}

QTEST_APPLESS_MAIN(TestCaseTitle)
#include "tst_casetitle.moc"
