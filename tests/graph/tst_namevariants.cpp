// Forms of a KG name the linker derives from the name alone (graph/NameVariants).
#include "NameVariants.h"

#include <QStringList>
#include <QTest>

using namespace rs;

class TestNameVariants : public QObject {
    Q_OBJECT
private slots:
    void plural_data();
    void plural();
    void singular_data();
    void singular();
    void american_data();
    void american();
    void variants_data();
    void variants();
};

void TestNameVariants::plural_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("plural");
    QTest::newRow("regular") << "infection"
                             << "infections";
    QTest::newRow("consonant y") << "artery"
                                 << "arteries";
    QTest::newRow("vowel y") << "delay"
                             << "delays";
    QTest::newRow("sibilant") << "rash"
                              << "rashes";
    QTest::newRow("x") << "reflex"
                       << "reflexes";
    QTest::newRow("greek sis") << "metastasis"
                               << "metastases";
    QTest::newRow("itis stays") << "arthritis"
                                << "";
    QTest::newRow("latin us stays") << "virus"
                                    << "";
    QTest::newRow("ia stays") << "anemia"
                              << "";
    QTest::newRow("capitals are symbols") << "COPD"
                                          << "";
    QTest::newRow("short word") << "leg"
                                << "";
    QTest::newRow("digits") << "type2"
                            << "";
    QTest::newRow("case kept") << "Fracture"
                               << "Fractures";
}

void TestNameVariants::plural() {
    QFETCH(QString, word);
    QFETCH(QString, plural);
    QCOMPARE(QString::fromStdString(pluralOf(word.toStdString())), plural);
}

void TestNameVariants::singular_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("singular");
    QTest::newRow("regular") << "Hallucinations"
                             << "Hallucination";
    QTest::newRow("consonant ies") << "Allergies"
                                   << "Allergy";
    QTest::newRow("x") << "reflexes"
                       << "reflex";
    QTest::newRow("greek oses") << "psychoses"
                                << "psychosis";
    QTest::newRow("hyphen inside") << "alpha-Agonists"
                                   << "alpha-Agonist";
    QTest::newRow("ness stays") << "Dizziness"
                                << "";
    QTest::newRow("itis stays") << "Pyelonephritis"
                                << "";
    QTest::newRow("latin us stays") << "Pruritus"
                                    << "";
    QTest::newRow("capitals are symbols") << "AIDS"
                                          << "";
    QTest::newRow("short word") << "pons"
                                << "";
    QTest::newRow("not plural") << "Fracture"
                                << "";
}

void TestNameVariants::singular() {
    QFETCH(QString, word);
    QFETCH(QString, singular);
    QCOMPARE(QString::fromStdString(singularOf(word.toStdString())), singular);
}

void TestNameVariants::american_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("aemia") << "Hyponatraemia"
                           << "Hyponatremia";
    QTest::newRow("haem at the start") << "Haemorrhage"
                                       << "Hemorrhage";
    QTest::newRow("two ae") << "Haemolytic anaemia"
                            << "Hemolytic anemia";
    QTest::newRow("ae at the start stays") << "Aerobic infection"
                                           << "Aerobic infection";
    QTest::newRow("ae opening a later word stays") << "Pseudomonas aeruginosa"
                                                   << "Pseudomonas aeruginosa";
    QTest::newRow("oedema, capital kept") << "Oedema genital"
                                          << "Edema genital";
    QTest::newRow("rrhoea") << "Diarrhoea"
                            << "Diarrhea";
    QTest::newRow("pnoea") << "Dyspnoea paroxysmal nocturnal"
                           << "Dyspnea paroxysmal nocturnal";
    QTest::newRow("other oe stays") << "Moebius syndrome"
                                    << "Moebius syndrome";
    QTest::newRow("american already") << "hypertension"
                                      << "hypertension";
}

void TestNameVariants::american() {
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(americanSpelling(name.toStdString())), expected);
}

void TestNameVariants::variants_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("variants");
    QTest::newRow("last word plural") << "urinary tract infection"
                                      << "urinary tract infections";
    QTest::newRow("umls order") << "Peritonitis bacterial"
                                << "bacterial Peritonitis";
    QTest::newRow("umls order, plural") << "Fracture pathological"
                                        << "pathological Fracture;pathological Fractures";
    QTest::newRow("noun noun not swapped") << "heart failure"
                                           << "heart failures";
    QTest::newRow("three words not swapped") << "acute kidney injury"
                                             << "acute kidney injuries";
    QTest::newRow("oma plural") << "carcinoma"
                                << "carcinomas";
    QTest::newRow("plural class, singular") << "Cyclooxygenase Inhibitors"
                                            << "Cyclooxygenase Inhibitor";
    QTest::newRow("nothing to derive") << "rheumatoid arthritis"
                                       << "";
    QTest::newRow("disease class as disorder") << "genetic disease"
                                               << "genetic diseases;genetic disorder;"
                                                  "genetic disorders";
    QTest::newRow("one word disease, no disorder") << "disease"
                                                   << "diseases";
    QTest::newRow("british spelling, then its forms") << "Anaemia megaloblastic"
                                                      << "megaloblastic Anaemia;Anemia "
                                                         "megaloblastic;megaloblastic Anemia";
    QTest::newRow("capital Disease kept as written") << "Crohn's Disease"
                                                     << "Crohn's Diseases";
}

void TestNameVariants::variants() {
    QFETCH(QString, name);
    QFETCH(QString, variants);
    QStringList got;
    for (const std::string& v : nameVariants(name.toStdString()))
        got << QString::fromStdString(v);
    QCOMPARE(got.join(';'), variants);
}

QTEST_APPLESS_MAIN(TestNameVariants)
#include "tst_namevariants.moc"
