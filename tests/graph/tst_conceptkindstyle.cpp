// One look per concept kind for the path view, the KG explorer and the report diagram: the
// sources' spellings fold into one canonical kind, and each kind has its own fill.
#include "ConceptKindStyle.h"

#include <QtTest>

#include <set>
#include <string>

using namespace rs;

class TestConceptKindStyle : public QObject {
    Q_OBJECT
private slots:
    void canonicalKind_data();
    void canonicalKind();
    void everyKindHasItsOwnFill();
};

void TestConceptKindStyle::canonicalKind_data() {
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("hetionet compound") << "Compound"
                                       << "Compound";
    QTest::newRow("primekg drug") << "drug"
                                  << "Compound";
    QTest::newRow("primekg phenotype") << "effect/phenotype"
                                       << "Symptom";
    QTest::newRow("hetionet side effect") << "Side Effect"
                                          << "Symptom";
    QTest::newRow("primekg gene") << "gene/protein"
                                  << "Gene";
    QTest::newRow("blanks and case") << "  DISEASE \t"
                                     << "Disease";
    QTest::newRow("demo lab finding") << "Lab Finding"
                                      << "Lab Finding";
    QTest::newRow("unknown") << "Biological Process"
                             << "Other";
    QTest::newRow("empty") << ""
                           << "Other";
}

void TestConceptKindStyle::canonicalKind() {
    QFETCH(QString, spelling);
    QFETCH(QString, canonical);
    QCOMPARE(QString::fromStdString(canonicalConceptKind(spelling.toStdString())), canonical);
    // A spelling looks like its canonical kind.
    QCOMPARE(QString(conceptKindFill(spelling.toStdString())),
             QString(conceptKindFill(canonical.toStdString())));
}

void TestConceptKindStyle::everyKindHasItsOwnFill() {
    std::set<std::string> fills;
    for (const char* kind : {"Disease", "Symptom", "Compound", "Anatomy", "Lab Finding",
                             "Pharmacologic Class", "Gene", "Exposure", "Other"}) {
        const std::string fill = conceptKindFill(kind);
        QCOMPARE(fill.size(), std::size_t(7));
        QCOMPARE(fill[0], '#');
        fills.insert(fill);
    }
    QCOMPARE(fills.size(), std::size_t(9));
}

QTEST_APPLESS_MAIN(TestConceptKindStyle)
#include "tst_conceptkindstyle.moc"
